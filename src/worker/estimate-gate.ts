/** The run-time estimate of an engine worker: one at a time, stoppable, and waited for by the tasks that stop it. */
import type { RunEstimate } from '../core/cost/run-estimate';
import type { EstimateOutcome } from '../core/run/protocol';

/** Where the worker's estimate stands, and how tasks get it out of their way. */
export interface EstimateGate {
  /**
   * Runs `work` (handed a stop flag) and resolves its outcome; refused with `busy` when that is a
   * reason, or while another estimate is in progress; 'stopped' when stopped, 'failed' (with
   * `describe`'s sentence) when it threw otherwise.
   */
  estimate(
    busy: string | null,
    work: (shouldStop: () => boolean) => Promise<RunEstimate>,
    describe: (err: unknown) => string,
  ): Promise<EstimateOutcome>;
  /** Stops the estimate in progress, if any, and resolves once it has ended. */
  end(): Promise<void>;
  /** Stops the estimate in progress, if any. */
  cancel(): void;
}

/** Creates the gate of one worker. */
export function createEstimateGate(): EstimateGate {
  let current: { stop(): void; readonly done: Promise<unknown> } | null = null;
  return {
    async estimate(busy, work, describe) {
      const refusal = busy ?? (current !== null ? 'Another estimate is in progress.' : null);
      if (refusal !== null) return { status: 'refused', message: refusal };
      let stopRequested = false;
      const running = work(() => stopRequested);
      const entry = { stop: () => void (stopRequested = true), done: running.catch(() => null) };
      current = entry;
      try {
        return { status: 'estimated', estimate: await running };
      } catch (err) {
        return stopRequested
          ? { status: 'stopped', message: 'The estimate was stopped before it ended.' }
          : { status: 'failed', message: `The run time could not be estimated: ${describe(err)}` };
      } finally {
        if (current === entry) current = null;
      }
    },
    async end() {
      const e = current;
      if (e === null) return;
      e.stop();
      await e.done;
    },
    cancel: () => current?.stop(),
  };
}
