/** Test helpers for the run history: a real run state with typed arrays and NaN, checkpoints, records and a fresh database. */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { defaultExperiment } from '../core/experiment/defaults';
import type { ExperimentSpec } from '../core/experiment/spec';
import { CHECKPOINT_VERSION, type RunCheckpoint } from '../core/run/checkpoint';
import type { RunEvent, RunStatus } from '../core/run/protocol';
import { beginRun, foldEvents } from '../core/run/fold';
import { initialRunState, type RunState } from '../core/run/state';
import { openHistoryDb } from './history-db';
import { createRunHistory, type RunHistory } from './run-history';
import { runRecord } from './run-record';
import type { HistoryDb, HistoryEntry, SavedRunRecord, SavedRunSummary } from './types';

/** The teaching-cell DARTS experiment on the spiral. */
export const SPEC: ExperimentSpec = defaultExperiment('teaching', 'spiral', 7);

/** A DARTS run of SPEC folded from real events: steps (alpha loss NaN on the first), evals, alphas as Float32Arrays. */
export function runState(status: RunStatus = 'running', steps = 3): RunState {
  const events: RunEvent[] = [
    {
      type: 'started',
      totalSteps: 100,
      stepsPerEpoch: 10,
      cells: { normal: [{ id: 'e0', from: 'x', to: 'h1', ops: ['dense_relu', 'skip'] }] },
      trainCount: 240,
      validCount: 240,
      testCount: 120,
      paramCount: 42,
    },
  ];
  for (let step = 1; step <= steps; step += 1) {
    const alphaLoss = step === 1 ? Number.NaN : 0.5 / step;
    events.push({
      type: 'step',
      step,
      epoch: 0,
      trainLoss: 1 / step,
      trainAcc: 0.5,
      alphaLoss,
      elapsedMs: step * 10,
    });
    events.push({
      type: 'alphas',
      step,
      weights: { normal: new Float32Array([0.25 * step, 1 - 0.25 * step]) },
    });
  }
  events.push({ type: 'eval', step: steps, epoch: 0, validLoss: 0.7, validAcc: 0.61 });
  events.push({ type: 'status', status, step: steps, message: `Run ${status}.` });
  return foldEvents(beginRun(initialRunState(), SPEC), events);
}

/** A DARTS checkpoint at `step` with typed-array weights. */
export function checkpoint(step: number, version: number = CHECKPOINT_VERSION): RunCheckpoint {
  const tensor = { shape: [2], values: new Float32Array([step, -step]) };
  return {
    version,
    strategy: 'darts',
    step,
    epoch: Math.floor(step / 10),
    activeMs: step * 10,
    weights: [tensor],
    alphas: [tensor],
    velocity: [tensor],
    adamM: [tensor],
    adamS: [tensor],
    adamT: step,
    trials: [],
    latency: null,
  };
}

/** A saved-run record `id` of a run with `status`. */
export function savedRun(
  id: string,
  status: RunStatus = 'running',
  name = `Run ${id}`,
): SavedRunRecord {
  return runRecord({
    id,
    name,
    spec: SPEC,
    run: runState(status),
    createdAt: new Date(Date.UTC(2025, 0, 1)),
  });
}

/** A clock one second later at every call, from 2025-01-01T00:00:00Z. */
export function tickingClock(): () => Date {
  let t = Date.UTC(2025, 0, 1);
  return () => new Date((t += 1000));
}

/** A fresh, empty history database (its own factory) and the history over it with a ticking clock. */
export async function freshHistory(): Promise<{ db: HistoryDb; history: RunHistory }> {
  const opened = await openHistoryDb(new IDBFactory());
  if (!opened.ok) throw new Error(opened.problem);
  return { db: opened.value, history: createRunHistory(opened.value, { now: tickingClock() }) };
}

/** The value of a result that must have succeeded (fails the test with the problem otherwise). */
export function valueOf<T>(result: { ok: true; value: T } | { ok: false; problem: string }): T {
  if (!result.ok) throw new Error(`Expected success, got: ${result.problem}`);
  return result.value;
}

/** The row as a readable run's summary (a damaged row fails the test), or undefined when there is none. */
export function readable(row: HistoryEntry | undefined): SavedRunSummary | undefined {
  if (row?.damaged === true) throw new Error(`Expected a readable row, got: ${row.problem}`);
  return row;
}
