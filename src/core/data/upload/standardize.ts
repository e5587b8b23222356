/** Feature standardisation of a table dataset, fitted on the training split alone. */
import type { DataSplit } from '../../experiment/spec';

/**
 * The three splits with every feature shifted and scaled by the training split's mean and
 * (population) standard deviation: the statistics come from the training split only, so nothing of
 * the validation or test examples leaks into how the inputs are scaled. A constant feature is only
 * centred.
 */
export function standardizeSplits(
  splits: { train: DataSplit; valid: DataSplit; test: DataSplit },
  features: number,
): { train: DataSplit; valid: DataSplit; test: DataSplit } {
  const { train } = splits;
  const mean = new Float64Array(features);
  const sq = new Float64Array(features);
  for (let r = 0; r < train.count; r++)
    for (let f = 0; f < features; f++) mean[f] = (mean[f] ?? 0) + (train.x[r * features + f] ?? 0);
  for (let f = 0; f < features; f++) mean[f] = (mean[f] ?? 0) / Math.max(1, train.count);
  for (let r = 0; r < train.count; r++)
    for (let f = 0; f < features; f++) {
      const d = (train.x[r * features + f] ?? 0) - (mean[f] ?? 0);
      sq[f] = (sq[f] ?? 0) + d * d;
    }
  const scale = Array.from(sq, (s) => {
    const std = Math.sqrt(s / Math.max(1, train.count));
    return std > 1e-12 ? 1 / std : 1;
  });
  const apply = (split: DataSplit): DataSplit => {
    const x = new Float32Array(split.x.length);
    for (let i = 0; i < x.length; i++) {
      const f = i % features;
      x[i] = ((split.x[i] ?? 0) - (mean[f] ?? 0)) * (scale[f] ?? 1);
    }
    return { x, y: split.y, count: split.count };
  };
  return { train: apply(splits.train), valid: apply(splits.valid), test: apply(splits.test) };
}
