/** The loss gradient of a ProxyNetwork's scored weights on one batch, shared by snip, grad_norm and grasp. */
import * as tf from '@tensorflow/tfjs';
import { crossEntropy } from '../loss';
import type { ProxyBatch, ProxyNetwork } from './network';

/** dL/dW (mean cross-entropy over the batch) for each scored weight, in `net.scored` order; the caller disposes them. */
export function scoredGradients(net: ProxyNetwork, batch: ProxyBatch): tf.Tensor[] {
  return tf.tidy(() => {
    const { grads } = tf.variableGrads(
      () => crossEntropy(net.forward(batch.x), batch.y),
      [...net.scored],
    );
    return net.scored.map((v) => grads[v.name] ?? tf.zerosLike(v));
  });
}

/** Sums `perLayer` (one scalar tensor per scored weight) on the host in float64; disposes them. */
export async function sumOnHost(perLayer: readonly tf.Tensor[]): Promise<number> {
  if (perLayer.length === 0) return 0;
  const stacked = tf.tidy(() => tf.stack(perLayer.map((t) => tf.reshape(t, []))));
  const values = await stacked.data();
  stacked.dispose();
  perLayer.forEach((t) => t.dispose());
  let total = 0;
  for (const v of values) total += v;
  return total;
}
