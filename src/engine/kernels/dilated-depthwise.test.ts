import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/random';
import { dilatedDepthwise } from '../dilated';
import { relError } from '../fused-step.testkit';
import { useFusedPath } from '../fusion';
import { initNodeBackend } from '../node-backend';
import { hasDilatedDepthwise } from './dilated-depthwise';

function randomArray(size: number, seed: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: size }, () => rng.normal());
}

/** Output and gradients (input, filter) of sum(dilatedDepthwise(x, W) * R) on the active backend. */
async function dilatedRun(k: number, stride: number, fused: boolean): Promise<Float32Array[]> {
  useFusedPath(fused);
  try {
    const x = tf.tensor4d(randomArray(4 * 11 * 10 * 16, 21), [4, 11, 10, 16]);
    const w = tf.tensor4d(randomArray(k * k * 16, 22), [k, k, 16, 1]);
    const y = dilatedDepthwise(x, w, 2, stride);
    const r = tf.tensor(randomArray(y.size, 23), y.shape);
    const [gx, gw] = tf.grads((a: tf.Tensor, b: tf.Tensor) =>
      tf.sum(tf.mul(dilatedDepthwise(a as tf.Tensor4D, b as tf.Tensor4D, 2, stride), r)),
    )([x, w]);
    const out = [await y.data(), await gx!.data(), await gw!.data()] as Float32Array[];
    tf.dispose([x, w, y, r, gx!, gw!]);
    return out;
  } finally {
    useFusedPath(true);
  }
}

describe('the dilated depthwise kernel on wasm', () => {
  for (const k of [3, 5]) {
    for (const stride of [1, 2]) {
      it(`k${k} dilation 2 stride ${stride}: the spread filter's output and gradients within 1e-5, and cpu's`, async () => {
        await initNodeBackend('wasm');
        expect(hasDilatedDepthwise()).toBe(true);
        const native = await dilatedRun(k, stride, true);
        const spread = await dilatedRun(k, stride, false);
        await initNodeBackend('cpu');
        expect(hasDilatedDepthwise()).toBe(false);
        const cpu = await dilatedRun(k, stride, true);
        native.forEach((a, i) => {
          expect(a.length).toBe(spread[i]!.length);
          expect(relError(a, spread[i]!)).toBeLessThan(1e-5);
          expect(relError(a, cpu[i]!)).toBeLessThan(1e-5);
        });
      });
    }
  }
});
