/**
 * snip (Lee et al. 2019, as a proxy in Abdelfattah et al. 2021): sum over the scored weights of
 * |theta * dL/dtheta|, the loss's sensitivity to removing each weight (the reference takes the
 * gradient of a mask of ones multiplying the weights, which is the same number). Cross-entropy on
 * one batch, BatchNorm with batch statistics. No departure.
 */
import * as tf from '@tensorflow/tfjs';
import { scoredGradients, sumOnHost } from './gradients';
import type { ProxyBatch, ProxyNetwork } from './network';

/** The snip score of `net` on `batch`. */
export async function snipScore(net: ProxyNetwork, batch: ProxyBatch): Promise<number> {
  const grads = scoredGradients(net, batch);
  const perLayer = tf.tidy(() =>
    net.scored.map((w, i) => tf.sum(tf.abs(tf.mul(w, grads[i] as tf.Tensor)))),
  );
  grads.forEach((g) => g.dispose());
  return sumOnHost(perLayer);
}
