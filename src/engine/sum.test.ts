import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initNodeBackend } from './node-backend';
import { concatTensors, MAX_KERNEL_INPUTS, sumTensors } from './sum';

describe('sumTensors', () => {
  const seen: number[] = [];
  let original: tf.KernelConfig | undefined;
  beforeAll(async () => {
    await initNodeBackend('cpu');
    original = tf.getKernel('AddN', 'cpu');
    const inner = original as tf.KernelConfig;
    tf.unregisterKernel('AddN', 'cpu');
    tf.registerKernel({
      ...inner,
      kernelFunc: (args) => {
        seen.push(Object.keys(args.inputs).length);
        return inner.kernelFunc(args);
      },
    });
  });
  afterAll(() => {
    tf.unregisterKernel('AddN', 'cpu');
    if (original) tf.registerKernel(original);
  });

  it('sums 20 tensors exactly, never giving addN more than 7 inputs', async () => {
    seen.length = 0;
    const terms = Array.from({ length: 20 }, (_, i) => tf.fill([3], i + 1));
    const total = sumTensors(terms);
    expect(Array.from(await total.data())).toEqual([210, 210, 210]);
    expect(seen.length).toBeGreaterThan(0);
    expect(Math.max(...seen)).toBeLessThanOrEqual(MAX_KERNEL_INPUTS);
    tf.dispose([...terms, total]);
  });

  it('concatenates 20 tensors in order with at most 7 inputs per concat', async () => {
    const parts = Array.from({ length: 20 }, (_, i) => tf.fill([1, 2], i));
    const seenConcat: number[] = [];
    const inner = tf.getKernel('Concat', 'cpu') as tf.KernelConfig;
    tf.unregisterKernel('Concat', 'cpu');
    tf.registerKernel({
      ...inner,
      kernelFunc: (args) => (
        seenConcat.push(Object.keys(args.inputs).length),
        inner.kernelFunc(args)
      ),
    });
    try {
      const all = concatTensors(parts, 1);
      expect(all.shape).toEqual([1, 40]);
      expect(Array.from(await all.data())).toEqual(
        Array.from({ length: 40 }, (_, i) => Math.floor(i / 2)),
      );
      expect(Math.max(...seenConcat)).toBeLessThanOrEqual(MAX_KERNEL_INPUTS);
      tf.dispose([...parts, all]);
    } finally {
      tf.unregisterKernel('Concat', 'cpu');
      tf.registerKernel(inner);
    }
  });

  it('returns a single term as is and rejects an empty list', () => {
    const t = tf.scalar(4);
    expect(sumTensors([t])).toBe(t);
    expect(() => sumTensors([])).toThrow(/empty/);
    expect(() => concatTensors([], 0)).toThrow(/empty/);
    t.dispose();
  });
});
