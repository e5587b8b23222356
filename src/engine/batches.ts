/** Seeded mini-batches from a data split, and their upload to the device. */
import * as tf from '@tensorflow/tfjs';
import type { DataSplit, InputShape } from '../core/experiment/spec';
import type { Rng } from '../core/random';
import { takeExamples } from '../core/data/split';
import type { Batch } from './darts';

/** One mini-batch as plain arrays. */
export interface HostBatch {
  readonly x: Float32Array;
  readonly y: Int32Array;
  readonly count: number;
}

/** An endless stream of batches: each pass over the split is a fresh seeded shuffle; a pass's last batch may be short. */
export interface BatchStream {
  next(): HostBatch;
}

/** Number of values per example for `input`. */
export function exampleSize(input: InputShape): number {
  return input.kind === 'image' ? input.height * input.width * input.channels : input.features;
}

/** Copies the examples at `indices` out of `split` (`input` is checked against the split's width). */
export function gather(split: DataSplit, input: InputShape, indices: readonly number[]): HostBatch {
  if (split.count > 0 && split.x.length !== split.count * exampleSize(input)) {
    throw new Error(
      `Examples have ${split.x.length / split.count} values; the input needs ${exampleSize(input)}.`,
    );
  }
  return takeExamples(split, indices);
}

/** Batches of `batchSize` (the whole split when it is smaller) in seeded random order. */
export function createBatchStream(
  split: DataSplit,
  input: InputShape,
  batchSize: number,
  rng: Rng,
): BatchStream {
  if (split.count === 0) throw new Error('Cannot draw batches from an empty split.');
  let order: number[] = [];
  let pos = 0;
  return {
    next() {
      if (pos >= order.length) {
        order = rng.shuffle(Array.from({ length: split.count }, (_, i) => i));
        pos = 0;
      }
      const indices = order.slice(pos, pos + batchSize);
      pos += indices.length;
      return gather(split, input, indices);
    },
  };
}

/** Uploads a batch: images as [n, h, w, c], vectors as [n, features]; labels as int32. */
export function toDevice(b: HostBatch, input: InputShape): Batch {
  const shape =
    input.kind === 'image'
      ? [b.count, input.height, input.width, input.channels]
      : [b.count, input.features];
  return { x: tf.tensor(b.x, shape, 'float32'), y: tf.tensor1d(b.y, 'int32') };
}
