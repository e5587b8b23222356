/**
 * The bookkeeping every strategy shares: de-duplication by genotype key, pricing and constraint
 * checks before evaluation, the records, progress callbacks, cancellation and exhaustion.
 */
import { spaceSize } from '../search-space/size';
import type { Genotype, SearchSpaceSpec } from '../search-space/types';
import { isFeasible } from './constraints';
import { genotypeKey } from './genotype-key';
import type {
  CandidateCost,
  EvaluatedRecord,
  Origin,
  SearchEnd,
  SearchHooks,
  SearchResult,
} from './types';

/** A new, feasible, not yet evaluated genotype with its key and cost. */
export interface Candidate {
  readonly genotype: Genotype;
  readonly key: string;
  readonly cost: CandidateCost;
}

/** Orders records best first: higher accuracy, NaN last; equal ones keep their order when sorted stably. */
export function byAccuracy(a: EvaluatedRecord, b: EvaluatedRecord): number {
  const va = Number.isNaN(a.accuracy) ? -Infinity : a.accuracy;
  const vb = Number.isNaN(b.accuracy) ? -Infinity : b.accuracy;
  return vb - va;
}

/** The shared state of one search run. */
export interface Ledger {
  readonly records: EvaluatedRecord[];
  /** True once `shouldStop` has said so; sticky. */
  stopped(): boolean;
  /** True when every genotype of the space has been evaluated or refused. */
  spaceCovered(): boolean;
  /**
   * Prices `genotype` unless seen before: a new feasible one comes back as a candidate; a seen one
   * or one breaking a constraint (remembered as refused) gives null.
   */
  consider(genotype: Genotype): Candidate | null;
  /** Calls `make` until it yields a candidate, at most `maxDraws` times; null when none came. */
  draw(make: () => Genotype): Candidate | null;
  /** Evaluates a candidate unless the search is stopping; records and reports it. Null when stopped. */
  evaluate(
    candidate: Candidate,
    origin: Origin,
    generation: number,
  ): Promise<EvaluatedRecord | null>;
  /** The result, with `end` and its sentence. */
  finish(end: SearchEnd, message: string): SearchResult;
  /** The result of a search that found no new feasible candidate, saying why. */
  exhausted(): SearchResult;
}

/** A ledger over `space` with the hooks of one run. */
export function createLedger(space: SearchSpaceSpec, hooks: SearchHooks): Ledger {
  const size = spaceSize(space);
  const seen = new Set<string>();
  const refused = new Set<string>();
  const records: EvaluatedRecord[] = [];
  const maxDraws = hooks.maxDraws ?? 1000;
  let halted = false;
  const stopped = (): boolean => {
    if (!halted && hooks.shouldStop?.()) halted = true;
    return halted;
  };
  const consider = (genotype: Genotype): Candidate | null => {
    const key = genotypeKey(space, genotype);
    if (seen.has(key) || refused.has(key)) return null;
    const cost = hooks.cost(genotype);
    if (!isFeasible(cost, hooks.constraints)) {
      refused.add(key);
      return null;
    }
    return { genotype, key, cost };
  };
  const finish = (end: SearchEnd, message: string): SearchResult => {
    const best = [...records].sort(byAccuracy)[0] ?? null;
    return { records, best, end, message, rejected: refused.size };
  };
  return {
    records,
    stopped,
    spaceCovered: () => BigInt(seen.size + refused.size) >= size,
    consider,
    draw(make) {
      for (let i = 0; i < maxDraws; i++) {
        const c = consider(make());
        if (c) return c;
        if (BigInt(seen.size + refused.size) >= size) return null;
      }
      return null;
    },
    async evaluate(candidate, origin, generation) {
      if (stopped() || seen.has(candidate.key)) return null;
      seen.add(candidate.key);
      const { accuracy } = await hooks.evaluate(candidate.genotype);
      const { params, flops, latencyMs } = candidate.cost;
      const record: EvaluatedRecord = {
        genotype: candidate.genotype,
        key: candidate.key,
        accuracy,
        params,
        flops,
        ...(latencyMs === undefined ? {} : { latencyMs }),
        generation,
        origin,
      };
      records.push(record);
      hooks.onEvaluated?.(record);
      return record;
    },
    finish,
    exhausted() {
      const why =
        BigInt(seen.size + refused.size) >= size
          ? 'every subnet of the space has been evaluated or breaks a constraint'
          : `no new subnet meeting the constraints turned up in ${maxDraws} draws`;
      return finish('exhausted', `Ended early after ${records.length} evaluation(s): ${why}.`);
    },
  };
}
