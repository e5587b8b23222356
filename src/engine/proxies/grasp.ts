/**
 * grasp (Wang et al. 2020, as a proxy in Abdelfattah et al. 2021): -sum of theta * (H g) over the
 * scored weights, g = dL/dtheta and H the Hessian of the loss in those weights, on one batch.
 *
 * Departure: tfjs has no second derivative of its convolution-gradient kernels, so H g is a central
 * finite difference of gradients along g, H g ≈ |g| (∇L(θ + h ĝ) - ∇L(θ - h ĝ)) / 2h with ĝ = g / |g|
 * and h = GRASP_STEP, where the reference differentiates twice. On a ReLU network the loss is only
 * piecewise smooth, so the two differ where the step crosses a kink (see the parity test's tolerance).
 */
import * as tf from '@tensorflow/tfjs';
import { scoredGradients, sumOnHost } from './gradients';
import type { ProxyBatch, ProxyNetwork } from './network';

/** The finite-difference step along the unit gradient direction. */
export const GRASP_STEP = 1e-3;

/** The grasp score of `net` on `batch`. The weights are restored exactly afterwards. */
export async function graspScore(net: ProxyNetwork, batch: ProxyBatch): Promise<number> {
  const g = scoredGradients(net, batch);
  const normT = tf.tidy(() => tf.sqrt(tf.addN(g.map((t) => tf.sum(tf.square(t))))));
  const norm = (await normT.data())[0] ?? 0;
  normT.dispose();
  if (!(norm > 0)) {
    g.forEach((t) => t.dispose());
    return 0;
  }
  const originals = net.scored.map((w) => tf.clone(w));
  const gradAt = (sign: number): tf.Tensor[] => {
    net.scored.forEach((w, i) =>
      tf.tidy(() =>
        w.assign(
          tf.add(originals[i] as tf.Tensor, tf.mul(g[i] as tf.Tensor, (sign * GRASP_STEP) / norm)),
        ),
      ),
    );
    return scoredGradients(net, batch);
  };
  let plus: tf.Tensor[] = [];
  let minus: tf.Tensor[] = [];
  try {
    plus = gradAt(1);
    minus = gradAt(-1);
  } finally {
    net.scored.forEach((w, i) => w.assign(originals[i] as tf.Tensor));
    originals.forEach((t) => t.dispose());
  }
  const scale = norm / (2 * GRASP_STEP);
  const perLayer = tf.tidy(() =>
    net.scored.map((w, i) =>
      tf.neg(tf.sum(tf.mul(w, tf.mul(tf.sub(plus[i] as tf.Tensor, minus[i] as tf.Tensor), scale)))),
    ),
  );
  [...g, ...plus, ...minus].forEach((t) => t.dispose());
  return sumOnHost(perLayer);
}
