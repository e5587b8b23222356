/** Accuracy and loss of one subnet with the supernet's (inherited) weights, after BatchNorm recalibration. */
import * as tf from '@tensorflow/tfjs';
import type { DataSplit, InputShape } from '../core/experiment/spec';
import type { SubnetPath } from '../core/strategies/path';
import { gather, toDevice, type HostBatch } from './batches';
import { recalibrate, withStatistics } from './bn-recalibrate';
import { correctCount, crossEntropy } from './loss';
import type { Supernet } from './supernet';

/** How a subnet is evaluated. */
export interface SubnetEvalOptions {
  readonly input: InputShape;
  /** Training batches the subnet's BatchNorm statistics are recalibrated on (at least one). */
  readonly calibration: readonly HostBatch[];
  /** Examples per evaluation batch (the statistics are fixed, so batching does not change the result). */
  readonly batchSize: number;
}

/** Mean loss and accuracy of a subnet on a split; NaN for an empty split. */
export interface SubnetScore {
  readonly accuracy: number;
  readonly loss: number;
}

/**
 * Evaluates the subnet `path` of `net` on `split` with inherited weights: only the path's ops run,
 * its BatchNorm statistics are first recalibrated on `calibration` (bn-recalibrate.ts), then every
 * example is normalised with them. Reads each batch's sums with `await data()`; leaves no tensor behind.
 */
export async function evaluateSubnet(
  net: Supernet,
  path: SubnetPath,
  split: DataSplit,
  o: SubnetEvalOptions,
): Promise<SubnetScore> {
  if (split.count === 0) return { accuracy: Number.NaN, loss: Number.NaN };
  if (!(o.batchSize >= 1))
    throw new Error(`The evaluation batch size must be at least 1, got ${o.batchSize}.`);
  const forward = (x: tf.Tensor): tf.Tensor => net.forwardPath(x, path);
  const stats = recalibrate(forward, o.calibration, o.input);
  try {
    let lossSum = 0;
    let correct = 0;
    for (let start = 0; start < split.count; start += o.batchSize) {
      const end = Math.min(split.count, start + o.batchSize);
      const indices = Array.from({ length: end - start }, (_, i) => start + i);
      const batch = toDevice(gather(split, o.input, indices), o.input);
      const sums = tf.tidy(() =>
        withStatistics(stats, () => {
          const logits = forward(batch.x);
          return tf.stack([
            tf.mul(crossEntropy(logits, batch.y), indices.length),
            correctCount(logits, batch.y),
          ]);
        }),
      );
      tf.dispose([batch.x, batch.y]);
      const values = await sums.data();
      sums.dispose();
      lossSum += values[0] ?? Number.NaN;
      correct += values[1] ?? 0;
    }
    return { accuracy: correct / split.count, loss: lossSum / split.count };
  } finally {
    stats.dispose();
  }
}
