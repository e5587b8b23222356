/** What every training loop shares: the gate before each step, the pause on a non-finite loss, the failure report. */
import type { LoadedDataset } from '../core/experiment/spec';
import type { RunControl } from '../core/run/control';
import type { RunEvent } from '../core/run/protocol';

/** Receives run events. */
export type Emit = (e: RunEvent) => void;

/** The gate a loop passes before each step, and the pause a non-finite loss triggers. */
export interface StepGate {
  /** Awaits the control; after a non-finite pause, says 'running' only once the control really runs again (not for a single step). False once stopped. */
  proceed(): Promise<boolean>;
  /** Pauses the run because step `step` gave a non-finite loss, named by `what` ('training loss NaN'). */
  pauseForNonFinite(step: number, what: string): void;
  /** True from a non-finite pause until the run really resumes. */
  pausedForNonFinite(): boolean;
}

/** Creates the gate for one run; `currentStep` is the number of steps done so far. */
export function createStepGate(
  control: RunControl,
  emit: Emit,
  currentStep: () => number,
): StepGate {
  let paused = false;
  return {
    proceed: async () => {
      if (!(await control.gate())) return false;
      if (paused && control.state() === 'running') {
        paused = false;
        const step = currentStep();
        emit({ type: 'status', status: 'running', step, message: `Resumed at step ${step + 1}.` });
      }
      return true;
    },
    pauseForNonFinite: (step, what) => {
      control.pause();
      paused = true;
      const message = `Step ${step} produced a non-finite loss (${what}); the run is paused. Resuming continues from weights that are likely broken too: stop the run and lower the weight learning rate.`;
      emit({ type: 'status', status: 'paused', step, message });
    },
    pausedForNonFinite: () => paused,
  };
}

/** Names a non-finite value ('NaN', 'Infinity', '-Infinity'). */
export function nonFiniteName(v: number): string {
  return Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity';
}

/** The 'failed' status event for an error thrown at `step`, in plain words. */
export function failedStatus(step: number, err: unknown): RunEvent {
  const raw = err instanceof Error ? err.message : String(err);
  const text = raw.trim() === '' ? 'an unknown error' : raw.trim();
  return {
    type: 'status',
    status: 'failed',
    step,
    message: `The run failed at step ${step}: ${text}`,
  };
}

/** Throws a plain message when the training or validation split is empty; `strategy` names who needs both. */
export function requireTrainAndValid(data: LoadedDataset, strategy: string): void {
  for (const [name, split] of [
    ['training', data.train],
    ['validation', data.valid],
  ] as const) {
    if (split.count === 0)
      throw new Error(
        `The ${name} split has no examples; ${strategy} needs both a training and a validation split.`,
      );
  }
}
