/** A fixed, seeded subset of a split: the examples every candidate of a search is scored on. */
import type { DataSplit } from '../experiment/spec';
import type { Rng } from '../random';
import { takeExamples } from './split';

/**
 * `size` examples of `split` drawn without replacement by `rng`, kept in their order in the split;
 * the split itself (not a copy) when it holds `size` examples or fewer, so scoring on it is
 * scoring on the whole split.
 */
export function fixedSubset(split: DataSplit, size: number, rng: Rng): DataSplit {
  if (!(Number.isInteger(size) && size >= 1))
    throw new Error(`A subset needs a whole number of examples of at least 1, got ${size}.`);
  if (size >= split.count) return split;
  const chosen = rng
    .shuffle(Array.from({ length: split.count }, (_, i) => i))
    .slice(0, size)
    .sort((a, b) => a - b);
  return takeExamples(split, chosen);
}
