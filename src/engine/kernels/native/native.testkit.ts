/** Test helpers of the module's kernels: a seeded convolution and its gradients on the active backend. */
import * as tf from '@tensorflow/tfjs';
import { createRng } from '../../../core/random';

/** A 4-d shape. */
export type Shape4 = [number, number, number, number];
/** A convolution's padding as tf.conv2d takes it. */
export type Pad = 'same' | 'valid' | [[0, 0], [number, number], [number, number], [0, 0]];

/** `size` standard normal floats from `seed`. */
export function randomArray(size: number, seed: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: size }, () => rng.normal());
}

/**
 * y = conv2d(x, W) and the gradients of sum(y * R) w.r.t. x and W on the active backend, x, W and
 * R drawn from seeds `seed`, `seed + 1`, `seed + 2`.
 */
export async function convAndGrads(
  xShape: Shape4,
  fShape: Shape4,
  pad: Pad,
  seed = 21,
): Promise<Float32Array[]> {
  const x = tf.tensor4d(randomArray(tf.util.sizeFromShape(xShape), seed), xShape);
  const w = tf.tensor4d(randomArray(tf.util.sizeFromShape(fShape), seed + 1), fShape);
  const conv = (a: tf.Tensor, b: tf.Tensor): tf.Tensor4D =>
    tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, 1, pad);
  const y = conv(x, w);
  const r = tf.tensor(randomArray(y.size, seed + 2), y.shape);
  const [gx, gw] = tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.mul(conv(a, b), r)))([x, w]);
  const out = [y, gx!, gw!];
  const values = await Promise.all(out.map(async (t) => (await t.data()) as Float32Array));
  tf.dispose([x, w, r, ...out]);
  return values;
}
