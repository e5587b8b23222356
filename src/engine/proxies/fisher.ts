/**
 * fisher (Theis et al. 2018; Turner et al. 2020, as a proxy in Abdelfattah et al. 2021): for every
 * output channel k of every convolution and linear layer (before its BatchNorm), with activation a
 * and its loss gradient dL/da, 0.5 * mean over the batch of (sum over the feature map of
 * a * dL/da)^2, summed over channels and layers. Cross-entropy on one batch.
 *
 * Departure: the reference implementation copies each channel's value onto every weight of that
 * channel before summing (multiplying it by the layer's fan-in); the sum here is the paper's, one
 * term per channel.
 */
import * as tf from '@tensorflow/tfjs';
import { crossEntropy } from '../loss';
import { withTaps } from '../taps';
import { sumOnHost } from './gradients';
import type { ProxyBatch, ProxyNetwork } from './network';

/** The fisher score of `net` on `batch`. */
export async function fisherScore(net: ProxyNetwork, batch: ProxyBatch): Promise<number> {
  const parts: tf.Tensor[] = [];
  const capture = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const a = args[0] as tf.Tensor;
    const save = args[1] as tf.GradSaveFunc;
    save([a]);
    return {
      value: tf.clone(a),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const act = saved[0] as tf.Tensor;
        const axes = Array.from({ length: act.rank - 2 }, (_, i) => i + 1);
        const perChannel = axes.length > 0 ? tf.sum(tf.mul(act, dy), axes) : tf.mul(act, dy);
        parts.push(tf.keep(tf.mul(tf.sum(tf.mean(tf.square(perChannel), 0)), 0.5)));
        return dy;
      },
    };
  });
  try {
    tf.tidy(() => {
      withTaps({ weightedOutput: (y) => capture(y) }, () =>
        tf.variableGrads(() => crossEntropy(net.forward(batch.x), batch.y), [...net.variables]),
      );
    });
  } catch (e) {
    parts.forEach((t) => t.dispose());
    throw e;
  }
  return sumOnHost(parts);
}
