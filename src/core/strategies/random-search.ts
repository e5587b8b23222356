/** Random search: the baseline every strategy is compared with, at the same budget and seed. */
import type { SearchSpaceSpec } from '../search-space/types';
import { createLedger } from './ledger';
import { sampleGenotype } from './sample';
import type { SearchHooks, SearchResult } from './types';

/** Random search's one hyper-parameter. */
export interface RandomSearchParams {
  /** Distinct feasible subnets to evaluate. */
  readonly samples: number;
}

/**
 * Evaluates `samples` distinct subnets drawn uniformly from the space, skipping repeats and
 * candidates that break a constraint (they are never evaluated). Ends early, saying so, when
 * no new feasible subnet can be found, or when `shouldStop` says so.
 */
export async function randomSearch(
  space: SearchSpaceSpec,
  params: RandomSearchParams,
  hooks: SearchHooks,
): Promise<SearchResult> {
  const ledger = createLedger(space, hooks);
  while (ledger.records.length < params.samples) {
    if (ledger.stopped()) break;
    const candidate = ledger.draw(() => sampleGenotype(space, hooks.rng));
    if (!candidate) return ledger.exhausted();
    if (!(await ledger.evaluate(candidate, 'random', 0))) break;
  }
  if (ledger.stopped())
    return ledger.finish('stopped', `Stopped after ${ledger.records.length} evaluation(s).`);
  return ledger.finish('complete', `Evaluated ${ledger.records.length} random subnet(s).`);
}
