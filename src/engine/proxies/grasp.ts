/**
 * grasp (Wang et al. 2020, as a proxy in Abdelfattah et al. 2021): -sum of theta * (H g) over the
 * scored weights, g = dL/dtheta (held constant) and H g the gradient of g . dL/dtheta, a gradient of
 * a gradient, on one batch, as the reference takes it by double backward.
 *
 * tfjs lacks second derivatives of its convolution-gradient kernels (second-order.ts adds them),
 * and the engine's hand-written BatchNorm gradient and max-pool kernel are not differentiable
 * again, so grasp runs with the `secondOrder` layer tap: BatchNorm by autodiff of its moments and
 * max pooling as a maximum of slices (same values), and the loss's log-softmax from plain ops. No departure from the definition. A finite
 * difference of gradients was tried first: on ReLU networks it picks up the kinks the step crosses
 * and was off by a factor of 2 to 3 on NAS-Bench-201 cells.
 */
import * as tf from '@tensorflow/tfjs';
import { fusedPathOn, useFusedPath } from '../fusion';
import { withTaps } from '../taps';
import { sumOnHost } from './gradients';
import type { ProxyBatch, ProxyNetwork } from './network';
import { enableSecondOrder } from './second-order';

/**
 * Mean cross-entropy from plain ops: tfjs's logSoftmax is a custom gradient whose saved output is
 * not differentiable again, which drops the softmax's own curvature from H g.
 */
function plainCrossEntropy(logits: tf.Tensor, labels: tf.Tensor1D): tf.Scalar {
  const m = tf.max(logits, 1, true);
  const shifted = tf.sub(logits, m);
  const logProbs = tf.sub(shifted, tf.log(tf.sum(tf.exp(shifted), 1, true)));
  const oneHot = tf.oneHot(labels, logits.shape[1] ?? 0);
  return tf.neg(tf.mean(tf.sum(tf.mul(oneHot, logProbs), 1))) as tf.Scalar;
}

/** The grasp score of `net` on `batch`. */
export async function graspScore(net: ProxyNetwork, batch: ProxyBatch): Promise<number> {
  enableSecondOrder();
  const scored = [...net.scored];
  const loss = (): tf.Scalar => plainCrossEntropy(net.forward(batch.x), batch.y);
  const wasFused = fusedPathOn();
  useFusedPath(false);
  let perLayer: tf.Tensor[];
  try {
    perLayer = tf.tidy(() =>
      withTaps({ secondOrder: true }, () => {
        const g = tf.variableGrads(loss, scored).grads;
        const { grads: hg } = tf.variableGrads(() => {
          const { grads } = tf.variableGrads(loss, scored);
          const terms = scored.flatMap((w) => {
            const a = g[w.name];
            const b = grads[w.name];
            return a && b ? [tf.sum(tf.mul(a, b))] : [];
          });
          return (terms.length > 0 ? tf.addN(terms) : tf.scalar(0)) as tf.Scalar;
        }, scored);
        return scored.map((w) => {
          const h = hg[w.name];
          return h ? tf.neg(tf.sum(tf.mul(w, h))) : tf.scalar(0);
        });
      }),
    );
  } finally {
    useFusedPath(wasFused);
  }
  return sumOnHost(perLayer);
}
