/** The sentence a run's summary gives about evolution's zero-cost warm-up: its proxy, its pool and how many first-population members it chose. */
import type { ExperimentSpec } from '../experiment/spec';
import { spaceSize } from '../search-space/size';
import type { SubnetRecord } from './protocol';

/**
 * What the warm-up did, from the run's spec and its evaluated subnets (origin 'warmup'), or null
 * for a run without one. The pool is the spec's, capped by the space's size; with constraints it
 * holds only the architectures meeting them, so the sentence says "up to".
 */
export function warmupSummary(
  spec: ExperimentSpec,
  subnets: readonly SubnetRecord[],
): string | null {
  const s = spec.strategy;
  if (s.kind !== 'multi-trial' || s.search !== 'evolution' || s.warmupProxy === 'none') return null;
  const size = spaceSize(spec.space);
  const pool = size < BigInt(s.warmupPool) ? Number(size) : s.warmupPool;
  const bounded = Object.values(s.constraints).some((b) => b !== null);
  const chosen = subnets.filter((r) => r.origin === 'warmup').length;
  const first = Math.min(s.population, s.trials);
  const poolText = bounded
    ? `a pool of up to ${pool.toLocaleString('en-US')} architecture(s) meeting the constraints`
    : `a pool of ${pool.toLocaleString('en-US')} architecture(s)`;
  return `Zero-cost warm-up: ${s.warmupProxy} scored ${poolText} at initialisation; ${chosen} of the first population's ${first} member(s) came from it (the best-scored, origin "zero-cost warm-up"), the rest at random.`;
}
