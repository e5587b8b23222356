/**
 * The evolutionary search of Single Path One-Shot (Guo et al.), after its reference code: a random
 * first generation, then each generation mutates and crosses the best candidates found so far and
 * refills the rest at random. Candidates breaking a constraint or seen before are skipped unevaluated.
 */
import type { Rng } from '../random';
import type { Genotype, SearchSpaceSpec } from '../search-space/types';
import { crossover } from './crossover';
import type { EvolutionParams } from './evolution-params';
import { byAccuracy, createLedger, type Ledger } from './ledger';
import { mutateGenotype } from './mutate';
import { pick } from './cell-choices';
import { sampleGenotype } from './sample';
import type { EvaluatedRecord, Origin, SearchHooks, SearchResult } from './types';

/**
 * Evaluates up to `count` new candidates from `make`, allowing `count * 10` tries as the reference
 * does (a try that repeats a seen subnet or breaks a constraint is spent). False once stopped.
 */
async function breed(
  ledger: Ledger,
  make: () => Genotype,
  count: number,
  origin: Origin,
  generation: number,
): Promise<boolean> {
  let made = 0;
  for (let tries = count * 10; made < count && tries > 0; tries--) {
    const candidate = ledger.consider(make());
    if (!candidate) continue;
    if (!(await ledger.evaluate(candidate, origin, generation))) return false;
    made++;
  }
  return true;
}

/** The `k` most accurate records so far (the earliest among equals). */
function topK(records: readonly EvaluatedRecord[], k: number): EvaluatedRecord[] {
  return [...records].sort(byAccuracy).slice(0, k);
}

/** Mutation and crossover makers drawing parents uniformly from `parents`. */
function makers(space: SearchSpaceSpec, parents: readonly EvaluatedRecord[], rng: Rng, p: number) {
  return {
    mutant: () => mutateGenotype(space, pick(parents, rng).genotype, rng, p),
    child: () => crossover(space, pick(parents, rng).genotype, pick(parents, rng).genotype, rng),
  };
}

/**
 * Runs the SPOS evolution: generation 0 is `population` random feasible subnets; each later one
 * evaluates up to `mutations` mutants and `crossovers` children of the `topK` best so far, then
 * random subnets up to `population`. Every evaluated record is reported and returned; none breaks
 * a constraint. Ends early, saying so, when the random refill finds no new feasible subnet, or
 * when `shouldStop` says so.
 */
export async function evolutionSearch(
  space: SearchSpaceSpec,
  params: EvolutionParams,
  hooks: SearchHooks,
): Promise<SearchResult> {
  const ledger = createLedger(space, hooks);
  const { rng } = hooks;
  for (let g = 0; g < params.generations; g++) {
    const start = ledger.records.length;
    const parents = topK(ledger.records, params.topK);
    if (parents.length > 0) {
      const make = makers(space, parents, rng, params.mutationProbability);
      if (!(await breed(ledger, make.mutant, params.mutations, 'mutation', g))) break;
      if (!(await breed(ledger, make.child, params.crossovers, 'crossover', g))) break;
    }
    while (ledger.records.length - start < params.population) {
      if (ledger.stopped()) break;
      const candidate = ledger.draw(() => sampleGenotype(space, rng));
      if (!candidate) return ledger.exhausted();
      if (!(await ledger.evaluate(candidate, 'random', g))) break;
    }
    if (ledger.stopped()) break;
  }
  if (ledger.stopped())
    return ledger.finish('stopped', `Stopped after ${ledger.records.length} evaluation(s).`);
  return ledger.finish(
    'complete',
    `Evaluated ${ledger.records.length} subnet(s) over ${params.generations} generation(s).`,
  );
}
