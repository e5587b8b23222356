/**
 * The module's thread pool: helper threads, each with the module instantiated on the wasm
 * backend's shared memory, that run their part of a parted kernel (parts.h) while the calling
 * thread runs part 0. The caller hands out a call through a small shared control block and waits
 * on it with Atomics.wait, so a kernel stays synchronous, as tfjs kernels must be. Needs the
 * threaded build's shared memory and a thread that may block (a worker, or Node).
 */
import { helperSource, HELPER_ARGS, HELPER_SLOTS, Slot } from './pool-helper';

/** The functions a pool runs, by the index the helpers know them by (helperSource's list). */
export const PARTED = [
  'winograd_conv',
  'winograd_filter_grad_tiles',
  'pointwise_conv',
  'pointwise_filter_grad',
  'batch_norm_sums',
  'batch_norm_squares',
  'batch_norm_apply',
  'batch_norm_grad_sums',
  'batch_norm_grad_apply',
  'weighted_sum',
  'weighted_sum_grad_w',
  'depthwise_filter_grad',
  'depthwise_input_grad',
] as const;

/** A function of the module that takes (part, parts) after its own arguments. */
export type PartedFunction = (typeof PARTED)[number];

/** Runs parted kernels over threads. */
export interface NativePool {
  /** Threads in all, the caller's included. */
  readonly threads: number;
  /** Least work (multiply-adds or elements touched) worth a part of its own. */
  readonly minPartWork: number;
  /** Calls `name(...args, part, parts)` for every part < parts, part 0 on this thread; returns when all are done. */
  run(name: PartedFunction, args: readonly number[], parts: number): void;
  /** Stops the helpers. */
  close(): void;
}

/** One helper thread, as the environment makes it (a Worker in the browser, worker_threads in Node). */
export interface HelperThread {
  post(message: unknown): void;
  /** Calls `listener` with each message the helper posts, or with an Error when it fails. */
  listen(listener: (message: unknown) => void): void;
  terminate(): void;
}

/** Starts a helper thread running `source` (plain JavaScript). */
export type SpawnHelper = (source: string) => HelperThread;

/**
 * Least work (multiply-adds or elements touched) worth a part of its own on threads: on the
 * benchmark step 50,000 did a little better than 200,000 and 1,000,000 (README, Measured).
 */
export const MIN_PART_WORK = 50_000;
/**
 * Checks the caller makes for the helpers' parts before it sleeps (tens of microseconds: parts end
 * at about the same time, and waking from Atomics.wait took ~100 us on a busy machine against
 * ~12 us with the spin).
 */
const CALLER_SPIN = 20_000;
/**
 * How long a helper keeps checking for the next call before it sleeps: a step's calls come a few
 * hundred microseconds apart, and a helper woken from sleep for each made the benchmark step's
 * parted kernels slower on 2 threads than on one (README, Measured). Spinning holds the helper's
 * core, which the studio's thread choice leaves to the helpers (one core is kept for the page).
 */
const HELPER_SPIN_MS = 2;
/** How long the caller waits for a helper's part before it closes the pool and runs every part itself. */
const PART_TIMEOUT_MS = 60_000;
/** How long helpers may take to start. */
const START_TIMEOUT_MS = 20_000;

/** True where this thread may block in Atomics.wait (not a browser's main thread). */
export function canBlock(): boolean {
  if (typeof SharedArrayBuffer === 'undefined') return false;
  try {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 1, 0);
    return true;
  } catch {
    return false;
  }
}

/** Helpers as blob-URL workers (the engine worker's policy allows `worker-src blob:`). */
export const spawnBrowserHelper: SpawnHelper = (source) => {
  const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  const worker = new Worker(url);
  URL.revokeObjectURL(url);
  return {
    post: (message) => worker.postMessage(message),
    listen(listener) {
      worker.addEventListener('message', (ev: MessageEvent<unknown>) => listener(ev.data));
      worker.addEventListener('error', (ev: ErrorEvent) =>
        listener(new Error(ev.message || 'a helper thread failed to start')),
      );
    },
    terminate: () => worker.terminate(),
  };
};

/**
 * Starts `threads - 1` helpers with `module` on the shared `memory`; resolves null (the kernels
 * then run on one thread) when they cannot start.
 */
export async function startNativePool(
  module: WebAssembly.Module,
  memory: WebAssembly.Memory,
  threads: number,
  exports: Record<PartedFunction, (...args: number[]) => void>,
  spawn: SpawnHelper,
): Promise<NativePool | null> {
  if (threads < 2 || !(memory.buffer instanceof SharedArrayBuffer) || !canBlock()) return null;
  const control = new SharedArrayBuffer(4 * HELPER_SLOTS + 8 * HELPER_ARGS);
  const ctl = new Int32Array(control, 0, HELPER_SLOTS);
  const argv = new Float64Array(control, 4 * HELPER_SLOTS, HELPER_ARGS);
  const source = helperSource(PARTED);
  const helpers: HelperThread[] = [];
  const started: Promise<boolean>[] = [];
  try {
    for (let part = 1; part < threads; part++) {
      const helper = spawn(source);
      helpers.push(helper);
      started.push(
        new Promise<boolean>((resolve) => {
          helper.listen((message) => resolve(message === 'ready'));
          setTimeout(() => resolve(false), START_TIMEOUT_MS);
        }),
      );
      helper.post({
        module,
        memory,
        control,
        part,
        spinMs: HELPER_SPIN_MS,
      });
    }
  } catch {
    for (const h of helpers) h.terminate();
    return null;
  }
  if (!(await Promise.all(started)).every(Boolean)) {
    for (const h of helpers) h.terminate();
    return null;
  }
  let closed = false;
  /** Every part on this thread, one after another (parts are idempotent: each writes its own outputs whole). */
  const serially = (name: PartedFunction, args: readonly number[], n: number): void => {
    for (let part = 0; part < n; part++) exports[name](...args, part, n);
  };
  const close = (): void => {
    closed = true;
    Atomics.store(ctl, Slot.Function, -1);
    Atomics.add(ctl, Slot.Generation, 1);
    Atomics.notify(ctl, Slot.Generation);
    for (const h of helpers) h.terminate();
  };
  return {
    threads,
    minPartWork: MIN_PART_WORK,
    run(name, args, parts) {
      const n = Math.min(Math.max(1, Math.floor(parts)), threads);
      if (n === 1) {
        exports[name](...args, 0, 1);
        return;
      }
      if (closed || args.length > HELPER_ARGS) {
        serially(name, args, n);
        return;
      }
      argv.set(args);
      ctl[Slot.Function] = PARTED.indexOf(name);
      ctl[Slot.Argc] = args.length;
      ctl[Slot.Parts] = n;
      Atomics.store(ctl, Slot.Pending, threads - 1);
      Atomics.add(ctl, Slot.Generation, 1);
      Atomics.notify(ctl, Slot.Generation);
      let own: unknown = null;
      try {
        exports[name](...args, 0, n);
      } catch (err) {
        own = err;
      }
      for (let i = 0; i < CALLER_SPIN && Atomics.load(ctl, Slot.Pending) !== 0; i++);
      for (;;) {
        const pending = Atomics.load(ctl, Slot.Pending);
        if (pending === 0) break;
        if (Atomics.wait(ctl, Slot.Pending, pending, PART_TIMEOUT_MS) === 'timed-out') {
          // A helper that stopped answering: the pool is closed, this call and the next run here.
          close();
          serially(name, args, n);
          return;
        }
      }
      const helperFailed = Atomics.exchange(ctl, Slot.Failed, 0) !== 0;
      if (own !== null) throw own;
      // A part that threw on a helper runs again here, with the others: an error then is the call's.
      if (helperFailed) serially(name, args, n);
    },
    close,
  };
}

/**
 * A pool of one thread that runs every part in turn, splitting even the smallest kernels: the
 * parted kernels' numerics without threads (tests). `split` counts the calls of each function
 * that ran in more than one part.
 */
export function serialPool(
  exports: Record<PartedFunction, (...args: number[]) => void>,
  threads: number,
  split: Map<PartedFunction, number>,
): NativePool {
  return {
    threads,
    minPartWork: 1,
    run(name, args, parts) {
      const n = Math.min(Math.max(1, Math.floor(parts)), threads);
      if (n > 1) split.set(name, (split.get(name) ?? 0) + 1);
      for (let part = 0; part < n; part++) exports[name](...args, part, n);
    },
    close() {},
  };
}
