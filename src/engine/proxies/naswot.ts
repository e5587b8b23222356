/**
 * NASWOT (Mellor et al., ICML 2021): every ReLU's input gives each example a binary code (1 where
 * the unit is active, x > 0); K[i][j] = the number of units, over all ReLUs, where examples i and j
 * agree; score = log |det K|. A forward pass only: labels are not used.
 *
 * Each op runs its own leading ReLU (the engine's fused path, which shares one ReLU among the edges
 * leaving a node, is switched off while NASWOT runs) so a unit counts once per op that applies it,
 * as with the reference code's per-module hooks. K is accumulated in float32 (exact: its entries
 * are integer counts far below 2^24) and its log-determinant taken in float64 on the host.
 * Duplicate examples in the batch make K singular (-Infinity).
 */
import * as tf from '@tensorflow/tfjs';
import { logAbsDeterminant } from '../../core/proxies/linalg';
import { fusedPathOn, useFusedPath } from '../fusion';
import { withTaps } from '../taps';
import type { ProxyBatch, ProxyNetwork } from './network';

/** The NASWOT score of `net` on the inputs of `batch`. */
export async function naswotScore(net: ProxyNetwork, batch: ProxyBatch): Promise<number> {
  const n = batch.x.shape[0] ?? 0;
  let kernel = tf.zeros([n, n]);
  const wasFused = fusedPathOn();
  useFusedPath(false);
  try {
    tf.tidy(() => {
      withTaps(
        {
          reluInput: (x) => {
            const next = tf.tidy(() => {
              const c = tf.cast(tf.greater(tf.reshape(x, [n, -1]), 0), 'float32') as tf.Tensor2D;
              const off = tf.sub(1, c) as tf.Tensor2D;
              return tf.add(
                kernel,
                tf.add(tf.matMul(c, c, false, true), tf.matMul(off, off, false, true)),
              );
            });
            kernel.dispose();
            kernel = tf.keep(next);
          },
        },
        () => net.forward(batch.x),
      );
    });
  } finally {
    useFusedPath(wasFused);
  }
  const values = await kernel.data();
  kernel.dispose();
  return logAbsDeterminant(values, n);
}
