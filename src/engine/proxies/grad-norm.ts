/**
 * grad_norm (Abdelfattah et al. 2021): sum over layers of the Euclidean norm of dL/dW of the
 * layer's weight (convolutions and linear layers), cross-entropy on one batch. No departure.
 */
import * as tf from '@tensorflow/tfjs';
import { scoredGradients, sumOnHost } from './gradients';
import type { ProxyBatch, ProxyNetwork } from './network';

/** The grad_norm score of `net` on `batch`. */
export async function gradNormScore(net: ProxyNetwork, batch: ProxyBatch): Promise<number> {
  const grads = scoredGradients(net, batch);
  const perLayer = tf.tidy(() => grads.map((g) => tf.sqrt(tf.sum(tf.square(g)))));
  grads.forEach((g) => g.dispose());
  return sumOnHost(perLayer);
}
