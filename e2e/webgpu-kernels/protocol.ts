/** Messages between the webgpu kernel spec and its worker (e2e/webgpu-kernels/worker.ts). */

/** What the spec asks the worker to run. */
export type CheckRequest = 'kernels' | 'steps' | 'count';

/** One comparison: relative errors (max |a - b| / max |b|) and the tensors it left behind. */
export interface CheckResult {
  readonly name: string;
  readonly errors: readonly number[];
  readonly tensorsLeft: number;
}

/** GPU programs and kernel calls of one benchmark step, with the engine's WGSL kernels and without. */
export interface CountResult {
  readonly withKernels: { readonly programs: number | null; readonly kernels: number };
  readonly composed: { readonly programs: number | null; readonly kernels: number };
}

/** The worker's answer. */
export type CheckReply =
  | {
      readonly kind: 'checks';
      readonly backend: string;
      readonly adapter: string;
      readonly results: CheckResult[];
    }
  | {
      readonly kind: 'count';
      readonly backend: string;
      readonly adapter: string;
      readonly counts: CountResult;
    }
  | { readonly kind: 'error'; readonly message: string };
