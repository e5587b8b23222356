/** Which genotype the Run view shows: the final one, the latest derived from the alphas (DARTS), or the best subnet so far (discrete searches). */
import { capabilitiesOf } from '../../core/strategy/registry';
import type { StrategyKind } from '../../core/experiment/spec';
import type { SubnetRecord } from '../../core/run/protocol';
import type { Genotype } from '../../core/search-space/types';
import type { RunState } from '../../core/run/state';

/** A genotype to draw and where it came from. */
export interface ShownGenotype {
  readonly genotype: Genotype;
  /** 'final': the run's result; 'derived': DARTS's argmax at `step`; 'best-so-far': the most accurate subnet evaluated yet. */
  readonly source: 'final' | 'derived' | 'best-so-far';
  /** The step of a final or derived genotype; null for the best subnet so far. */
  readonly step: number | null;
}

/** True for strategies that evaluate discrete subnets (SPOS, multi-trial) rather than derive a cell from alphas. */
export function isDiscrete(kind: StrategyKind | null | undefined): boolean {
  return kind !== null && kind !== undefined && capabilitiesOf(kind).evaluatesSubnets;
}

/** The most accurate record (the earliest among equals), or null when there is none. */
export function bestSubnet(records: readonly SubnetRecord[]): SubnetRecord | null {
  let best: SubnetRecord | null = null;
  for (const r of records) {
    if (Number.isFinite(r.accuracy) && (best === null || r.accuracy > best.accuracy)) best = r;
  }
  return best;
}

/**
 * The genotype to show for `run`: its result's when it finished; else the latest derived genotype
 * (DARTS emits 'genotype' events); else, for a discrete search, its most accurate subnet so far
 * (SPOS and multi-trial emit no 'genotype' events). Null when there is none yet.
 */
export function shownGenotype(
  run: Pick<RunState, 'spec' | 'genotype' | 'result' | 'subnets'>,
): ShownGenotype | null {
  if (run.result) return { genotype: run.result.genotype, source: 'final', step: run.result.step };
  if (run.genotype)
    return { genotype: run.genotype.genotype, source: 'derived', step: run.genotype.step };
  if (!isDiscrete(run.spec?.strategy.kind)) return null;
  const best = bestSubnet(run.subnets);
  return best ? { genotype: best.genotype, source: 'best-so-far', step: null } : null;
}
