import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { NATIVE_SHARED_BASE64 } from './module';
import { randomArray } from './native.testkit';
import {
  canBlock,
  serialPool,
  startNativePool,
  type NativePool,
  type PartedFunction,
  type SpawnHelper,
} from './pool';

/** Helpers as worker_threads running the helper's source. */
const spawnNode: SpawnHelper = (source) => {
  const worker = new Worker(source, { eval: true });
  return {
    post: (message) => worker.postMessage(message),
    listen(listener) {
      worker.on('message', listener);
      worker.on('error', (err) => listener(err));
    },
    terminate: () => void worker.terminate(),
  };
};

type Exports = Record<
  PartedFunction | 'winograd_filter' | 'winograd_filter_grad_finish',
  (...args: number[]) => void
>;

/** The shared-memory module on a fresh shared memory, with a bump allocator over it. */
async function sharedModule(): Promise<{
  module: WebAssembly.Module;
  memory: WebAssembly.Memory;
  e: Exports;
  alloc(floats: number): number;
  put(values: Float32Array): number;
  read(at: number, floats: number): Float32Array;
}> {
  const module = await WebAssembly.compile(Buffer.from(NATIVE_SHARED_BASE64, 'base64'));
  const memory = new WebAssembly.Memory({ initial: 512, maximum: 65536, shared: true });
  const { exports } = new WebAssembly.Instance(module, { env: { memory } });
  let top = 1024;
  const alloc = (floats: number): number => {
    const at = top;
    top += Math.ceil((4 * floats) / 16) * 16 + 16;
    return at;
  };
  return {
    module,
    memory,
    e: exports as unknown as Exports,
    alloc,
    put(values) {
      const at = alloc(values.length);
      new Float32Array(memory.buffer, at, values.length).set(values);
      return at;
    },
    read: (at, floats) => new Float32Array(memory.buffer, at, floats).slice(),
  };
}

describe('the module’s thread pool (worker_threads on a shared memory)', () => {
  let pool: NativePool | null = null;
  afterEach(() => {
    pool?.close();
    pool = null;
  });

  it('runs Winograd convolutions, their filter gradients and BatchNorm on 3 threads as one thread split alike would', async () => {
    expect(canBlock()).toBe(true);
    const m = await sharedModule();
    pool = await startNativePool(m.module, m.memory, 3, m.e, spawnNode);
    expect(pool?.threads).toBe(3);
    const serial = serialPool(m.e, 3, new Map());
    // 64 images of 16x16, 16 -> 16 channels: 1,024 tiles in 32 blocks.
    const [n, h, w, c, k, block] = [64, 16, 16, 16, 16, 32];
    const x = m.put(randomArray(n * h * w * c, 1));
    const g = m.put(randomArray(9 * c * k, 2));
    const dy = m.put(randomArray(n * h * w * k, 3));
    const u = m.alloc(36 * c * k);
    m.e.winograd_filter(g, u, c, k);
    const geometry = [n, h, w, c, k, h, w, 1, 1, block];
    const scratch = m.alloc(3 * (36 * block * (c + k) + 288));
    const outputs: Float32Array[][] = [];
    for (const runner of [pool!, serial]) {
      const y = m.alloc(n * h * w * k);
      runner.run('winograd_conv', [x, u, y, scratch, ...geometry], 3);
      const du = m.alloc(3 * 36 * c * k);
      const dg = m.alloc(9 * c * k);
      runner.run('winograd_filter_grad_tiles', [x, dy, du, scratch, ...geometry], 3);
      m.e.winograd_filter_grad_finish(du, dg, c, k, 3);
      const bn = m.alloc(n * h * w * c);
      const rstd = m.alloc(c);
      const acc = m.alloc(3 * 8 * c);
      runner.run('batch_norm_sums', [x, acc, n * h * w, c], 3);
      runner.run('batch_norm_squares', [x, acc, n * h * w, c], 3);
      runner.run('batch_norm_apply', [x, bn, rstd, acc, n * h * w, c, 1e-5], 3);
      outputs.push([m.read(y, n * h * w * k), m.read(dg, 9 * c * k), m.read(bn, n * h * w * c)]);
    }
    const [threaded, oneThread] = outputs as [Float32Array[], Float32Array[]];
    threaded.forEach((t, i) => expect(t, ['y', 'dg', 'batch norm'][i]).toEqual(oneThread[i]));
    // The threads did real work: outputs are not left at zero.
    expect(threaded[0]!.some((v) => v !== 0)).toBe(true);
    // Calls that fit one part run on the caller alone and still give the whole result.
    const y1 = m.alloc(n * h * w * k);
    pool!.run('winograd_conv', [x, u, y1, scratch, ...geometry], 1);
    expect(m.read(y1, n * h * w * k)).toEqual(threaded[0]);
  }, 60_000);

  it('runs a part that failed on a helper again on the caller, and gives the whole result', async () => {
    // Helpers whose first part throws (as a helper that lost its memory's bounds would).
    const failOnce: SpawnHelper = (source) => {
      const patched = source.replace(
        'fns[fn](',
        "(self_failed = (typeof self_failed === 'undefined' ? 0 : self_failed) + 1) === 1 ? (() => { throw new Error('once'); })() : fns[fn](",
      );
      expect(patched).not.toBe(source);
      return spawnNode(`var self_failed;\n${patched}`);
    };
    const m = await sharedModule();
    pool = await startNativePool(m.module, m.memory, 2, m.e, failOnce);
    const x = m.put(randomArray(256 * 8, 6));
    const wts = m.put(randomArray(64, 7));
    const [y, expected] = [m.alloc(256 * 8), m.alloc(256 * 8)];
    pool!.run('pointwise_conv', [x, wts, y, 256, 8, 8], 2);
    serialPool(m.e, 2, new Map()).run('pointwise_conv', [x, wts, expected, 256, 8, 8], 2);
    expect(m.read(y, 256 * 8)).toEqual(m.read(expected, 256 * 8));
  }, 60_000);

  it('fails a call whose part fails on the caller too, and answers the next', async () => {
    const m = await sharedModule();
    pool = await startNativePool(m.module, m.memory, 2, m.e, spawnNode);
    // A filter gradient writing past the end of the memory traps on both threads.
    const past = m.memory.buffer.byteLength;
    expect(() => pool!.run('pointwise_filter_grad', [0, 0, past, 4096, 4, 4, 256], 2)).toThrow();
    // The pool still answers afterwards.
    const x = m.put(randomArray(64 * 4, 4));
    const wts = m.put(randomArray(16, 5));
    const y = m.alloc(64 * 4);
    pool!.run('pointwise_conv', [x, wts, y, 64, 4, 4], 2);
    expect(m.read(y, 64 * 4).some((v) => v !== 0)).toBe(true);
  }, 60_000);

  it('does not start on a plain (unshared) memory', async () => {
    const m = await sharedModule();
    const plain = new WebAssembly.Memory({ initial: 1 });
    expect(await startNativePool(m.module, plain, 2, m.e, spawnNode)).toBeNull();
  });
});
