/** The points of a 2D dataset spec as the plane view draws them, or why they cannot be drawn. */
import { twoDDataset } from '../../core/data/load';
import { isTwoD } from '../../core/data/two-d';
import { LIMITS } from '../../core/experiment/limits';
import type { DatasetSpec } from '../../core/experiment/spec';
import { planePoints, type PlanePoint } from '../../charts/plane-data';

/** The drawn points of `d` with `seed` (the run's own data), null for a set that is not 2D, or a sentence when its settings are out of range. */
export function specPoints(d: DatasetSpec, seed: number): readonly PlanePoint[] | string | null {
  if (!isTwoD(d.id)) return null;
  const { samplesTwoD, noise } = LIMITS;
  if (
    !(d.samples >= samplesTwoD.min && d.samples <= samplesTwoD.max) ||
    !(d.noise >= noise.min && d.noise <= noise.max) ||
    !Number.isFinite(seed)
  )
    return 'Fix the dataset settings to see the points.';
  try {
    return planePoints(twoDDataset(d, seed));
  } catch {
    return 'Fix the dataset settings to see the points.';
  }
}
