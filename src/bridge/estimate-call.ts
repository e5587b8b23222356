/** Asking one engine worker for a run-time estimate: the backend choice replayed on a fresh worker first, every failure told as an outcome. */
import type { ExperimentSpec } from '../core/experiment/spec';
import type { BackendChoice, EstimateOutcome } from '../core/run/protocol';
import { callSession as call, describeError, type Session } from './worker-session';

/** Why an estimate is refused while this client's worker runs a task of `kind`. */
export function busyRefusal(kind: 'run' | 'standalone'): EstimateOutcome {
  return {
    status: 'refused',
    message:
      kind === 'run'
        ? 'A run is in progress; the run time is estimated once it ends.'
        : 'A stand-alone training is in progress; the run time is estimated once it ends.',
  };
}

/**
 * The estimate of `spec` from the worker `open` gives (opening one if needed), after negotiating
 * `choice` on a worker that has not negotiated yet. Never rejects: a worker that cannot start or
 * dies meanwhile gives a 'failed' outcome saying so (the client reports crashes itself).
 */
export async function estimateOn(
  open: () => Session,
  choice: BackendChoice | null,
  spec: ExperimentSpec,
): Promise<EstimateOutcome> {
  let s: Session;
  try {
    s = open();
  } catch (err) {
    return {
      status: 'failed',
      message: `The engine worker could not be started: ${describeError(err)}.`,
    };
  }
  try {
    if (!s.negotiated && choice !== null) {
      await call(s, (remote) => remote.negotiateBackend(choice));
      s.negotiated = true;
    }
    return await call(s, async (remote): Promise<EstimateOutcome> => remote.estimateRun(spec));
  } catch (err) {
    return {
      status: 'failed',
      message: `The run time could not be estimated: ${describeError(err)}`,
    };
  }
}
