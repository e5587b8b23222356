/** Pure folding of run events (and the studio's own lifecycle changes) into run state. */
import type { ExperimentSpec } from '../experiment/spec';
import type { EpochDiagnostics, LatencyCheck, RunEvent, RunStatus, SubnetRecord } from './protocol';
import type { CellRole } from '../search-space/types';
import { appendPoints, emptySeries } from '../series/downsample';
import { appendHeadTail } from '../series/head-tail';
import {
  initialRunState,
  MESSAGE_LIMIT,
  type AlphaPoint,
  type EvalPoint,
  type RunMessage,
  type RunState,
  type StepPoint,
} from './state';

/** Statuses after which a run is over. */
export const ENDED: readonly RunStatus[] = ['finished', 'stopped', 'failed'];

/** True when the status is final (finished, stopped or failed). */
export function isEnded(status: RunStatus): boolean {
  return ENDED.includes(status);
}

/** True while a run is in progress (running or paused). */
export function isActive(run: Pick<RunState, 'status'>): boolean {
  return run.status === 'running' || run.status === 'paused';
}

/** A fresh state for a new run of `spec`: everything cleared but the backend report. */
export function beginRun(state: RunState, spec: ExperimentSpec): RunState {
  return {
    ...initialRunState(),
    runId: state.runId + 1,
    status: 'running',
    spec,
    report: state.report,
  };
}

/** Sets the status unless the run has already ended (a late local change cannot revive it). */
export function withStatus(state: RunState, status: RunStatus): RunState {
  if (isEnded(state.status) || state.status === status) return state;
  return { ...state, status };
}

/** Records how the run ended, as the engine's promise reported it. */
export function withEnd(state: RunState, status: RunStatus): RunState {
  if (isEnded(state.status)) return state;
  return { ...state, status };
}

/** Records a failure outside the search loop; an unfinished run is marked failed. */
export function withError(state: RunState, message: string): RunState {
  const status: RunStatus =
    state.status === 'idle' || isEnded(state.status) ? state.status : 'failed';
  return { ...state, status, error: message };
}

/** Clears the error banner. */
export function clearError(state: RunState): RunState {
  return state.error === null ? state : { ...state, error: null };
}

/**
 * `state` with `record` in place of the recorded subnet of the same key: one of this batch's
 * `pending` (replaced in the array) or of the state's; appended to `pending` when neither has it.
 */
function withSubnetUpdate(
  state: RunState,
  pending: SubnetRecord[],
  record: SubnetRecord,
): RunState {
  const inBatch = pending.findIndex((r) => r.key === record.key);
  if (inBatch >= 0) {
    pending[inBatch] = record;
    return state;
  }
  const at = state.subnets.findIndex((r) => r.key === record.key);
  if (at < 0) {
    pending.push(record);
    return state;
  }
  const subnets = [...state.subnets];
  subnets[at] = record;
  return { ...state, subnets };
}

/** Folds one batch of events, in order, into a new state (the input is not changed). */
export function foldEvents(state: RunState, events: readonly RunEvent[]): RunState {
  if (events.length === 0) return state;
  const steps: StepPoint[] = [];
  const evals: EvalPoint[] = [];
  const alphas: Partial<Record<CellRole, AlphaPoint[]>> = {};
  const messages: RunMessage[] = [];
  const subnets: SubnetRecord[] = [];
  const checks: LatencyCheck[] = [];
  const diagnostics: EpochDiagnostics[] = [];
  let next: RunState = state;
  for (const e of events) {
    switch (e.type) {
      case 'backend':
        next = { ...next, report: e.report };
        break;
      case 'started': {
        const { type: _type, ...started } = e;
        next = { ...next, started };
        break;
      }
      case 'step': {
        const { type: _type, ...point } = e;
        steps.push(point);
        break;
      }
      case 'eval': {
        const { type: _type, ...point } = e;
        evals.push(point);
        break;
      }
      case 'alphas':
        for (const role of ['normal', 'reduce'] as const) {
          const weights = e.weights[role];
          if (weights) (alphas[role] ??= []).push({ step: e.step, weights });
        }
        break;
      case 'genotype':
        next = { ...next, genotype: { step: e.step, genotype: e.genotype } };
        break;
      case 'status':
        messages.push({ status: e.status, step: e.step, message: e.message });
        next = { ...next, status: e.status };
        break;
      case 'finished': {
        const { type: _type, ...result } = e;
        next = {
          ...next,
          result,
          status: 'finished',
          genotype: { step: e.step, genotype: e.genotype },
        };
        break;
      }
      case 'phase':
        next = { ...next, phase: { phase: e.phase, message: e.message } };
        break;
      case 'progress':
        next = { ...next, progress: { phase: e.phase, done: e.done, total: e.total } };
        break;
      case 'subnet':
        subnets.push(e.record);
        break;
      case 'subnet-update':
        next = withSubnetUpdate(next, subnets, e.record);
        break;
      case 'latency-table':
        next = { ...next, latency: e.table };
        break;
      case 'latency-check':
        checks.push(...e.checks);
        break;
      case 'diagnostics': {
        const { type: _type, ...point } = e;
        diagnostics.push(point);
        break;
      }
      case 'expected-latency': {
        const { type: _type, ...point } = e;
        next = { ...next, expectedLatency: [...next.expectedLatency, point] };
        break;
      }
      case 'early-stop': {
        const { type: _type, ...stop } = e;
        next = { ...next, earlyStop: stop };
        break;
      }
      case 'selection':
        next = { ...next, selection: e.decisions };
        break;
      case 'boundary':
        next = { ...next, boundary: e.frame };
        break;
      case 'backend-lost':
        // The failure that follows ends the run here; the page records how it carried on (recovery.ts).
        break;
      default:
        // An event this studio does not know (a newer engine): keep the state.
        break;
    }
  }
  if (steps.length > 0) {
    next = {
      ...next,
      steps: appendPoints(next.steps, steps),
      stepLog: appendHeadTail(next.stepLog, steps),
    };
  }
  if (evals.length > 0) next = { ...next, evals: appendPoints(next.evals, evals) };
  const roles = Object.keys(alphas) as CellRole[];
  if (roles.length > 0) {
    const merged = { ...next.alphas };
    for (const role of roles)
      merged[role] = appendPoints(merged[role] ?? emptySeries(), alphas[role] ?? []);
    next = { ...next, alphas: merged };
  }
  if (subnets.length > 0) next = { ...next, subnets: [...next.subnets, ...subnets] };
  if (checks.length > 0) next = { ...next, latencyChecks: [...next.latencyChecks, ...checks] };
  if (diagnostics.length > 0)
    next = { ...next, diagnostics: [...next.diagnostics, ...diagnostics] };
  if (messages.length > 0)
    next = { ...next, messages: [...next.messages, ...messages].slice(-MESSAGE_LIMIT) };
  return next;
}
