/** Seeded mini-batches from a data split, and their upload to the device. */
import * as tf from '@tensorflow/tfjs';
import type { DataSplit, InputShape } from '../core/experiment/spec';
import type { Rng } from '../core/random';
import { takeExamples } from '../core/data/split';
import type { Batch } from './darts/trainer';

/** One mini-batch as plain arrays. */
export interface HostBatch {
  readonly x: Float32Array;
  readonly y: Int32Array;
  readonly count: number;
}

/** An endless stream of batches: each pass over the split is a fresh seeded shuffle; a pass's last batch may be short. */
export interface BatchStream {
  next(): HostBatch;
  /** Moves past the next `n` batches without gathering them, drawing the same shuffles `next` would. */
  skip(n: number): void;
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
  /** The start of the next batch, reshuffling when a pass is used up. */
  const advance = (): number => {
    if (pos >= order.length) {
      order = rng.shuffle(Array.from({ length: split.count }, (_, i) => i));
      pos = 0;
    }
    const start = pos;
    pos = Math.min(pos + batchSize, order.length);
    return start;
  };
  return {
    next() {
      const start = advance();
      return gather(split, input, order.slice(start, pos));
    },
    skip(n) {
      for (let i = 0; i < n; i++) advance();
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
