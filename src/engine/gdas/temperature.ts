/** GDAS's temperature schedule (Dong & Yang 2019): linear from tauMax in the first epoch to tauMin in the last. */
import type { GdasStrategySpec } from '../../core/experiment/spec';

/**
 * The Gumbel-softmax temperature of epoch `epoch` (1-based) of `s.epochs`: tauMax - (tauMax -
 * tauMin) * (epoch - 1) / (epochs - 1), so the first epoch samples at tauMax and the last at tauMin
 * (a one-epoch run samples at tauMax). Epochs outside 1..epochs are clamped to the ends.
 */
export function gdasTemperature(
  epoch: number,
  s: Pick<GdasStrategySpec, 'epochs' | 'tauMax' | 'tauMin'>,
): number {
  if (s.epochs <= 1) return s.tauMax;
  const t = Math.min(1, Math.max(0, (epoch - 1) / (s.epochs - 1)));
  // Written as a weighted mean so both ends are exact.
  return s.tauMax * (1 - t) + s.tauMin * t;
}
