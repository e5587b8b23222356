/**
 * Candidates for a search whose trials train elsewhere and return in any order: random search's
 * whole list up front (the same subnets, in the same order, as randomSearch draws from the same
 * rng), the first population of aging evolution, and one mutated child each time a trial returns
 * (asynchronous aging evolution, Real et al. 2019), each child drawn from its own rng derived from
 * the search seed and its trial index, so no proposal depends on which worker ran what.
 */
import { createRng, type Rng } from '../random';
import { spaceSize } from '../search-space/size';
import type { Genotype, SearchSpaceSpec } from '../search-space/types';
import { pick } from './cell-choices';
import { isFeasible } from './constraints';
import { genotypeKey } from './genotype-key';
import { byAccuracy, type Candidate } from './ledger';
import { mutateOneChoice } from './mutate';
import { sampleGenotype } from './sample';
import type { Constraints, CostFn, EvaluatedRecord } from './types';

/** How candidates are priced and bounded, and how many draws may look for a new one. */
export interface ProposalRules {
  readonly cost: CostFn;
  readonly constraints?: Constraints;
  /** Draws allowed to find one new feasible candidate (default 1000, as the ledger). */
  readonly maxDraws?: number;
}

/** The keys a search has proposed and refused so far (updated by drawNew). */
export interface ProposalBook {
  readonly taken: Set<string>;
  readonly refused: Set<string>;
}

/** An empty book. */
export function emptyBook(): ProposalBook {
  return { taken: new Set(), refused: new Set() };
}

/**
 * Calls `make` until it yields a genotype that is neither taken nor refused and meets the
 * constraints (then marks it taken), as the ledger's draw does; null when none turned up in
 * `maxDraws` draws or the whole space is taken or refused.
 */
export function drawNew(
  space: SearchSpaceSpec,
  make: () => Genotype,
  book: ProposalBook,
  rules: ProposalRules,
): Candidate | null {
  const size = spaceSize(space);
  const maxDraws = rules.maxDraws ?? 1000;
  for (let i = 0; i < maxDraws; i++) {
    const genotype = make();
    const key = genotypeKey(space, genotype);
    if (!book.taken.has(key) && !book.refused.has(key)) {
      const cost = rules.cost(genotype);
      if (isFeasible(cost, rules.constraints)) {
        book.taken.add(key);
        return { genotype, key, cost };
      }
      book.refused.add(key);
    }
    if (BigInt(book.taken.size + book.refused.size) >= size) return null;
  }
  return null;
}

/**
 * Up to `count` distinct feasible random subnets drawn from `rng`: exactly the candidates (and
 * order) randomSearch evaluates with the same rng, rules and budget. Fewer when the space runs out.
 */
export function randomProposals(
  space: SearchSpaceSpec,
  count: number,
  rng: Rng,
  book: ProposalBook,
  rules: ProposalRules,
): Candidate[] {
  const out: Candidate[] = [];
  while (out.length < count) {
    const c = drawNew(space, () => sampleGenotype(space, rng), book, rules);
    if (c === null) break;
    out.push(c);
  }
  return out;
}

/** The rng of trial `index` (0-based) of a search seeded `seed`: independent of every other trial's. */
export function trialRng(seed: number, index: number): Rng {
  return createRng((seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0);
}

/**
 * A child for trial `index`: the best of `sample` members drawn (with replacement) from
 * `population` (oldest first), with one choice changed; redrawn from a fresh tournament while it
 * is taken, refused or infeasible. Null when no new feasible child turned up.
 */
export function agingChild(
  space: SearchSpaceSpec,
  population: readonly EvaluatedRecord[],
  sample: number,
  rng: Rng,
  book: ProposalBook,
  rules: ProposalRules,
): Candidate | null {
  if (population.length === 0) throw new Error('Aging evolution needs a population to mutate.');
  return drawNew(
    space,
    () => {
      const tournament = Array.from({ length: sample }, () => pick(population, rng));
      const parent = tournament.sort(byAccuracy)[0] ?? pick(population, rng);
      return mutateOneChoice(space, parent.genotype, rng);
    },
    book,
    rules,
  );
}

/** The population aging evolution holds after `arrived` records returned in that order: the latest `size`. */
export function agingPopulation(
  arrived: readonly EvaluatedRecord[],
  size: number,
): EvaluatedRecord[] {
  return arrived.slice(Math.max(0, arrived.length - size));
}
