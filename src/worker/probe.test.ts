import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initNodeBackend } from '../engine/node-backend';
import { probeStep } from './probe';

describe('probeStep on wasm (with the training kernels)', () => {
  beforeAll(async () => {
    await initNodeBackend('wasm');
  });

  it('times a finite training step and leaves no tensors behind', async () => {
    const before = tf.memory().numTensors;
    const ms = await probeStep({ warmups: 1, repeats: 3 });
    expect(Number.isFinite(ms)).toBe(true);
    expect(ms).toBeGreaterThan(0);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rejects when the backend lacks a training kernel, and the backend still probes cleanly afterwards', async () => {
    const kernel = tf.getKernel('Conv2DBackpropFilter', 'wasm');
    expect(kernel).toBeDefined();
    if (!kernel) return;
    tf.unregisterKernel('Conv2DBackpropFilter', 'wasm');
    try {
      await expect(probeStep({ warmups: 0, repeats: 1 })).rejects.toThrow(/Conv2DBackpropFilter/);
    } finally {
      tf.registerKernel(kernel);
    }
    // tfjs keeps the failed backward pass's saved tensors once; later probes must not add to them.
    const before = tf.memory().numTensors;
    expect(await probeStep({ warmups: 0, repeats: 1 })).toBeGreaterThan(0);
    expect(tf.memory().numTensors).toBe(before);
  });
});
