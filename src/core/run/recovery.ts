/**
 * A run that outlives its engine: when the worker dies or its GPU device is lost mid-run, the page
 * carries the run on in a fresh worker from the latest checkpoint, with the run state of that
 * checkpoint's moment. Pure: the sentences it says and the run state it carries on with.
 */
import { capabilitiesOf } from '../strategy/registry';
import type { RunCheckpoint } from './checkpoint';
import type { BackendChoice, RunEvent } from './protocol';
import type { RunRecovery, RunState } from './state';

/** Carry-ons allowed in a row without a new checkpoint between them; the next death ends the run. */
export const MAX_CARRY_ONS_IN_A_ROW = 2;

/** Where a run can be carried on from: a checkpoint with the run state of its moment, or the start (no checkpoint yet). */
export interface RestartPoint {
  readonly run: RunState;
  readonly checkpoint: RunCheckpoint | undefined;
}

/** What ended the engine mid-run. */
export interface EngineLoss {
  readonly cause: RunRecovery['cause'];
  /** The sentence that told it: the crash report, or the engine's 'backend-lost' message. */
  readonly message: string;
}

/** True for the events that end a run's part as a failure: a 'failed' status, or a lost backend. */
export function isFailureEvent(e: RunEvent): boolean {
  return e.type === 'backend-lost' || (e.type === 'status' && e.status === 'failed');
}

/** "the end of epoch 3 (step 120)" / "trial 4 (step 80)": where a checkpoint stands. */
function checkpointPlace(c: RunCheckpoint): string {
  return !capabilitiesOf(c.strategy).supernet
    ? `its checkpoint after trial ${c.epoch} (step ${c.step})`
    : `its checkpoint at the end of epoch ${c.epoch} (step ${c.step})`;
}

/** The sentence a carried-on run shows: what happened, where it resumed, on what, and what is trained again. */
export function recoveryMessage(
  loss: EngineLoss,
  atStep: number,
  from: RunCheckpoint | undefined,
  backend: BackendChoice,
): string {
  const on = loss.cause === 'device' ? ` on ${backend}` : '';
  const again =
    from === undefined
      ? `It had no checkpoint yet, so it started over in a fresh worker${on}.`
      : `It carried on in a fresh worker${on} from ${checkpointPlace(from)}${
          atStep > from.step ? `; steps ${from.step + 1}-${atStep} are trained again` : ''
        }.`;
  return `${loss.message.trim()} ${again}`;
}

/** The message a run ends with when its engine died once more than MAX_CARRY_ONS_IN_A_ROW allows. */
export function givenUpMessage(loss: EngineLoss, deathsInARow: number): string {
  return `${loss.message.trim()} The run was not carried on again: its engine died ${deathsInARow} times in a row before reaching a new checkpoint.`;
}

/**
 * The run state to carry on with: the state at `point` (its checkpoint's moment, or the start) under
 * the live run's id, spec and backend report, running (or `paused`), its recoveries so far plus
 * `recovery`. Events after the point are folded again as the fresh worker sends them.
 */
export function carriedOn(
  live: RunState,
  point: RestartPoint,
  recovery: RunRecovery,
  status: 'running' | 'paused' = 'running',
): RunState {
  return {
    ...point.run,
    runId: live.runId,
    status,
    spec: live.spec,
    report: live.report,
    error: null,
    recoveries: [...live.recoveries, recovery],
  };
}

/** The recovery record of carrying on from `point` after `loss` at `atStep`, on `backend`. */
export function recoveryOf(
  loss: EngineLoss,
  atStep: number,
  point: RestartPoint,
  backend: BackendChoice,
): RunRecovery {
  const c = point.checkpoint;
  return {
    cause: loss.cause,
    atStep,
    from: c === undefined ? null : { step: c.step, epoch: c.epoch },
    backend,
    message: recoveryMessage(loss, atStep, c, backend),
  };
}
