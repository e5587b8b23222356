/** Seeded train / valid / test splits of a dataset. */
import type { DataSplit } from '../experiment/spec';
import type { Rng } from '../random';

/** Example counts of the three splits: train and valid rounded from their fractions, test takes the rest. */
export function splitCounts(
  samples: number,
  trainFraction: number,
  validFraction: number,
): { train: number; valid: number; test: number } {
  const train = Math.round(samples * trainFraction);
  const valid = Math.round(samples * validFraction);
  return { train, valid, test: samples - train - valid };
}

/** The examples at `indices` of `data` (each `width` floats long). */
export function takeExamples(data: DataSplit, indices: readonly number[]): DataSplit {
  const width = data.count === 0 ? 0 : data.x.length / data.count;
  const x = new Float32Array(indices.length * width);
  const y = new Int32Array(indices.length);
  indices.forEach((index, i) => {
    x.set(data.x.subarray(index * width, (index + 1) * width), i * width);
    y[i] = data.y[index] ?? 0;
  });
  return { x, y, count: indices.length };
}

/** Shuffles the examples with `rng` and cuts them into train, valid and test by the fractions (see splitCounts). */
export function splitData(
  data: DataSplit,
  trainFraction: number,
  validFraction: number,
  rng: Rng,
): { train: DataSplit; valid: DataSplit; test: DataSplit } {
  const order = rng.shuffle(Array.from({ length: data.count }, (_, i) => i));
  const n = splitCounts(data.count, trainFraction, validFraction);
  return {
    train: takeExamples(data, order.slice(0, n.train)),
    valid: takeExamples(data, order.slice(n.train, n.train + n.valid)),
    test: takeExamples(data, order.slice(n.train + n.valid)),
  };
}
