/**
 * synflow (Tanaka et al. 2020, as a proxy in Abdelfattah et al. 2021): every weight replaced by its
 * absolute value, BatchNorm switched off (the reference's `bn=False`: BatchNorm passes its input
 * through), an all-ones input of one example, R = the sum of the logits; score = sum over the
 * convolution and linear weights of |theta * dR/dtheta|. The input needs no data and no labels.
 *
 * Precision: the paper computes in float64; tfjs has only float32, and R grows as the product of
 * the layers' gains (past float32's 3.4e38 on full-size NAS-Bench-201 networks). With absolute
 * weights, BatchNorm off and the biases scaled with the input, the network is positively
 * homogeneous of degree 1 in (input, biases), so scaling the input and every bias by ε and R by δ
 * scales each theta * dR/dtheta by exactly ε δ. A forward pass first measures the network's gain
 * G (retrying at ε = 1e-30 when it overflows), then ε = δ = G^-1/2 puts every activation and every
 * gradient near G^±1/2, inside float32's range for any gain up to ~1e70; the per-layer sums are
 * added and unscaled on the host in float64. Beyond that gain the score is NaN (never reached by
 * the studio's spaces). Departure: float32 arithmetic inside each layer (relative error ~1e-6).
 */
import * as tf from '@tensorflow/tfjs';
import type { InputShape } from '../../core/experiment/spec';
import { withTaps } from '../taps';
import type { ProxyNetwork } from './network';

/** Gains above this are rescaled before the gradient pass. */
const SAFE_GAIN = 1e15;
/** The probe input when an all-ones input overflows. */
const PROBE_EPSILON = 1e-30;

/** The shape of a one-example batch of `input`. */
function oneExample(input: InputShape): number[] {
  return input.kind === 'image'
    ? [1, input.height, input.width, input.channels]
    : [1, input.features];
}

/** The synflow score of `net` for inputs shaped `input`. The weights are restored exactly afterwards. */
export async function synflowScore(net: ProxyNetwork, input: InputShape): Promise<number> {
  const originals = net.variables.map((v) => tf.clone(v));
  const isBias = new Set(net.biases);
  const shape = oneExample(input);
  /** Sets |theta| everywhere, biases times `eps`. */
  const linearise = (eps: number): void =>
    net.variables.forEach((v, i) =>
      tf.tidy(() => {
        const abs = tf.abs(originals[i] as tf.Tensor);
        v.assign(isBias.has(v) ? tf.mul(abs, eps) : abs);
      }),
    );
  /** R at input eps * ones, read to the host. */
  const forwardSum = async (eps: number): Promise<number> => {
    linearise(eps);
    const r = tf.tidy(() =>
      withTaps({ batchNormOff: true }, () => tf.sum(net.forward(tf.fill(shape, eps)))),
    );
    const value = (await r.data())[0] ?? Number.NaN;
    r.dispose();
    return value;
  };
  try {
    let logGain = Math.log(await forwardSum(1));
    if (!Number.isFinite(logGain))
      logGain = Math.log(await forwardSum(PROBE_EPSILON)) - Math.log(PROBE_EPSILON);
    if (Number.isNaN(logGain)) return Number.NaN;
    // A gain of 0 (no path from input to logits) or a small one needs no rescaling.
    const eps = logGain > Math.log(SAFE_GAIN) ? Math.exp(-logGain / 2) : 1;
    if (eps < 1e-37) return Number.NaN;
    linearise(eps);
    const perLayer = tf.tidy(() =>
      withTaps({ batchNormOff: true }, () => {
        const { grads } = tf.variableGrads(
          () => tf.mul(tf.sum(net.forward(tf.fill(shape, eps))), eps) as tf.Scalar,
          [...net.scored],
        );
        return tf.stack(
          net.scored.map((w) => {
            const g = grads[w.name];
            return g ? tf.sum(tf.abs(tf.mul(w, g))) : tf.scalar(0);
          }),
        );
      }),
    );
    const sums = await perLayer.data();
    perLayer.dispose();
    let total = 0;
    for (const s of sums) total += s;
    return total / (eps * eps);
  } finally {
    net.variables.forEach((v, i) => v.assign(originals[i] as tf.Tensor));
    originals.forEach((t) => t.dispose());
  }
}
