/** Pause / resume / single-step / stop for a running search loop, shared by the worker and the CLI. */

/** Where a run's control stands. */
export type ControlState = 'running' | 'paused' | 'stopped';

/** Controls a search loop; the loop awaits `gate()` before every step. */
export interface RunControl {
  state(): ControlState;
  pause(): void;
  resume(): void;
  /** While paused: let exactly one more step through, then stay paused. */
  stepOnce(): void;
  stop(): void;
  isStopped(): boolean;
  /** Resolves true when the next step may run, false once stopped. Waits while paused; always yields to the event loop so control messages get through. */
  gate(): Promise<boolean>;
}

/** Yields one macrotask (via MessageChannel, which browsers do not clamp like setTimeout). */
export function yieldToEventLoop(): Promise<void> {
  return new Promise<void>((resolve) => {
    if (typeof MessageChannel === 'undefined') {
      setTimeout(resolve, 0);
      return;
    }
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Creates a run control in the running state. */
export function createRunControl(): RunControl {
  let state: ControlState = 'running';
  let credits = 0;
  let wake: (() => void) | null = null;
  const notify = (): void => {
    const w = wake;
    wake = null;
    w?.();
  };
  const control: RunControl = {
    state: () => state,
    pause: () => {
      if (state === 'running') state = 'paused';
    },
    resume: () => {
      if (state === 'paused') state = 'running';
      notify();
    },
    stepOnce: () => {
      if (state === 'paused') {
        credits += 1;
        notify();
      }
    },
    stop: () => {
      state = 'stopped';
      notify();
    },
    isStopped: () => state === 'stopped',
    gate: async () => {
      await yieldToEventLoop();
      for (;;) {
        if (state === 'stopped') return false;
        if (state === 'running') return true;
        if (credits > 0) {
          credits -= 1;
          return true;
        }
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      }
    },
  };
  return control;
}
