/**
 * The program a helper thread of the module's pool runs (pool.ts), as plain JavaScript source so
 * that it starts the same way in a browser (a blob-URL worker) and in Node (worker_threads with
 * `eval`), with no bundling: it instantiates the module on the shared memory it is sent, says
 * "ready", then waits on the control block for calls (checking it for `spinMs` before it sleeps)
 * and runs its part of each.
 */

/** The control block's Int32 slots (the call's arguments follow as float64s). */
export enum Slot {
  /** Bumped by the caller for each call: helpers wait on it. */
  Generation = 0,
  /**
   * Helpers yet to answer this call, every helper (those whose part is not below Parts answer at
   * once): the caller waits on it, so no helper is still reading a call when the next is written.
   */
  Pending = 1,
  /** Index of the function in the pool's list; -1 stops the helpers. */
  Function = 2,
  /** Arguments before (part, parts). */
  Argc = 3,
  /** Parts of this call. */
  Parts = 4,
  /** Set by a helper whose part threw. */
  Failed = 5,
}

/** Int32 slots in the control block (Slot's, padded to 8 bytes for the float64 arguments). */
export const HELPER_SLOTS = 8;
/** Most arguments a parted call takes before (part, parts). */
export const HELPER_ARGS = 24;

/** The helper's source, knowing the pool's functions by their index in `names`. */
export function helperSource(names: readonly string[]): string {
  return `'use strict';
const NAMES = ${JSON.stringify(names)};
const port = typeof self === 'object' && typeof self.postMessage === 'function'
  ? self : require('node:worker_threads').parentPort;
const onMessage = (listener) => typeof port.on === 'function'
  ? port.on('message', listener) : port.addEventListener('message', (ev) => listener(ev.data));
let started = false;
onMessage((m) => {
  if (started) return;
  started = true;
  const e = new WebAssembly.Instance(m.module, { env: { memory: m.memory } }).exports;
  const ctl = new Int32Array(m.control, 0, ${HELPER_SLOTS});
  const argv = new Float64Array(m.control, ${4 * HELPER_SLOTS}, ${HELPER_ARGS});
  const fns = NAMES.map((name) => e[name]);
  let seen = Atomics.load(ctl, ${Slot.Generation});
  port.postMessage('ready');
  for (;;) {
    const spinStart = performance.now();
    spin: for (;;) {
      for (let i = 0; i < 256; i++) if (Atomics.load(ctl, ${Slot.Generation}) !== seen) break spin;
      if (performance.now() - spinStart > m.spinMs) break;
    }
    Atomics.wait(ctl, ${Slot.Generation}, seen);
    seen = Atomics.load(ctl, ${Slot.Generation});
    const fn = Atomics.load(ctl, ${Slot.Function});
    if (fn < 0) break;
    const parts = ctl[${Slot.Parts}];
    if (m.part < parts) {
      try {
        fns[fn](...argv.subarray(0, ctl[${Slot.Argc}]), m.part, parts);
      } catch {
        Atomics.store(ctl, ${Slot.Failed}, 1);
      }
    }
    if (Atomics.sub(ctl, ${Slot.Pending}, 1) === 1) Atomics.notify(ctl, ${Slot.Pending});
  }
});
`;
}
