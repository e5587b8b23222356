/** The client side of a tfjs model export: asks the live engine worker for a subnet it kept. */
import type { ModelExportProblem, TfjsModelFiles } from '../core/run/protocol';
import { callSession, describeError, type Session } from './worker-session';

/** What an export answers when no worker is alive: a new worker has trained nothing yet. */
export const NO_TRAINED_WORKER =
  'Train it stand-alone again: the engine worker that trained it is no longer running.';

/** The subnet `key` (a stand-alone score's key) as tfjs model files from `session`'s worker, or why there are none. */
export async function exportFromSession(
  session: Session | null,
  key: string,
): Promise<TfjsModelFiles | ModelExportProblem> {
  if (session === null || session.dead) return { problem: NO_TRAINED_WORKER };
  try {
    return await callSession(
      session,
      async (remote): Promise<TfjsModelFiles | ModelExportProblem> =>
        remote.exportStandaloneModel(key),
    );
  } catch (err) {
    return {
      problem: `The tfjs model could not be fetched from the engine worker: ${describeError(err).replace(/\.$/, '')}.`,
    };
  }
}
