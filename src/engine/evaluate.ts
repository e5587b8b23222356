/** Loss and accuracy of the supernet (softmax(alpha) op weights) over a whole split. */
import * as tf from '@tensorflow/tfjs';
import type { DataSplit, InputShape } from '../core/experiment/spec';
import { gather, toDevice } from './batches';
import { correctCount, crossEntropy } from './loss';
import type { Supernet } from './supernet';

/** Smallest evaluation batch: BatchNorm uses the statistics of the evaluated batch (see layers.ts). */
export const MIN_EVAL_BATCH = 64;

/** Mean loss and accuracy; NaN for an empty split. */
export interface SplitScore {
  readonly loss: number;
  readonly acc: number;
}

/**
 * Evaluates in order, in near-equal batches of at least max(64, batchSize) examples (or the whole
 * split when smaller), so no batch is tiny. Reads each batch's sums with `await data()`.
 */
export async function evaluateSplit(
  net: Supernet,
  split: DataSplit,
  input: InputShape,
  batchSize: number,
): Promise<SplitScore> {
  if (split.count === 0) return { loss: Number.NaN, acc: Number.NaN };
  const target = Math.max(MIN_EVAL_BATCH, batchSize);
  const chunks = Math.max(1, Math.floor(split.count / target));
  let lossSum = 0;
  let correct = 0;
  let start = 0;
  for (let c = 0; c < chunks; c++) {
    const end = Math.round(((c + 1) * split.count) / chunks);
    const indices = Array.from({ length: end - start }, (_, i) => start + i);
    const batch = toDevice(gather(split, input, indices), input);
    const sums = tf.tidy(() => {
      const logits = net.forward(batch.x);
      return tf.stack([
        tf.mul(crossEntropy(logits, batch.y), indices.length),
        correctCount(logits, batch.y),
      ]);
    });
    const values = await sums.data();
    tf.dispose([sums, batch.x, batch.y]);
    lossSum += values[0] ?? Number.NaN;
    correct += values[1] ?? 0;
    start = end;
  }
  return { loss: lossSum / split.count, acc: correct / split.count };
}
