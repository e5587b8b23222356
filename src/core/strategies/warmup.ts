/**
 * The zero-cost warm-up of aging evolution (Abdelfattah et al. 2021, section 5): a pool of
 * distinct architectures meeting the constraints is scored at initialisation by a proxy, and the
 * `population` best-scored of them become evolution's first population instead of random samples.
 */
import { ENUMERATE_LIMIT, enumerateGenotypes } from '../proxies/enumerate';
import type { ProxyName } from '../proxies/names';
import { topScored } from '../proxies/top-k';
import type { Rng } from '../random';
import { spaceSize } from '../search-space/size';
import type { Genotype, SearchSpaceSpec } from '../search-space/types';
import { isFeasible } from './constraints';
import { sampleGenotype } from './sample';
import { genotypeKey } from './genotype-key';
import type { Constraints, CostFn } from './types';

/** The warm-up's proxy, or 'none' for evolution's random first population (the default). */
export type WarmupProxy = ProxyName | 'none';

/** The pool a warm-up scores unless told otherwise: a few hundred, of the order the paper's NAS-Bench-201 runs used. */
export const WARMUP_POOL_DEFAULT = 500;

/** Draws allowed per pool member before a sampled pool stops short (a draw seen before or refused is spent). */
const TRIES_PER_MEMBER = 50;

/** How the pool is drawn: its size, the costs and bounds that make a member feasible. */
export interface WarmupPoolOptions {
  readonly pool: number;
  readonly cost: CostFn;
  readonly constraints?: Constraints;
}

/**
 * The pool in scoring order: every feasible genotype (enumerate.ts order) when the space holds no
 * more than `pool` (and ENUMERATE_LIMIT) genotypes, else up to `pool` distinct feasible ones drawn
 * uniformly with `rng` (fewer when 50 draws per member find no more).
 */
export function warmupPool(space: SearchSpaceSpec, rng: Rng, o: WarmupPoolOptions): Genotype[] {
  const feasible = (g: Genotype) => isFeasible(o.cost(g), o.constraints);
  const size = spaceSize(space);
  const n = Math.max(0, Math.floor(o.pool));
  if (size <= BigInt(n) && size <= BigInt(ENUMERATE_LIMIT))
    return enumerateGenotypes(space).filter(feasible);
  const seen = new Set<string>();
  const out: Genotype[] = [];
  for (let tries = 0; out.length < n && tries < TRIES_PER_MEMBER * n; tries++) {
    const g = sampleGenotype(space, rng);
    const key = genotypeKey(space, g);
    if (seen.has(key)) continue;
    seen.add(key);
    if (feasible(g)) out.push(g);
  }
  return out;
}

/** Scores one pool member (index in pool order); null when the run was stopped. */
export type WarmupScoreFn = (genotype: Genotype, index: number) => Promise<number | null>;

/** The warm-up's outcome: the pool, every member's score (pool order) and the chosen first population, best first. */
export interface WarmupResult {
  readonly pool: readonly Genotype[];
  readonly scores: readonly number[];
  /** Pool indices of the chosen members, best-scored first (NaN scores never chosen). */
  readonly chosen: readonly number[];
  readonly initial: readonly Genotype[];
}

/**
 * Scores the pool's members in order, from `scored.length` on (the scores a resumed run carries
 * answer the first ones), and picks the `population` best-scored (ties in pool order, NaN never).
 * Null when `score` says the run stopped.
 */
export async function scoreWarmupPool(
  pool: readonly Genotype[],
  population: number,
  score: WarmupScoreFn,
  scored: readonly number[] = [],
): Promise<WarmupResult | null> {
  if (scored.length > pool.length)
    throw new Error(`The warm-up carries ${scored.length} scores for a pool of ${pool.length}.`);
  const scores = [...scored];
  for (let i = scores.length; i < pool.length; i++) {
    const s = await score(pool[i] as Genotype, i);
    if (s === null) return null;
    scores.push(s);
  }
  const chosen = topScored(scores, population);
  return { pool, scores, chosen, initial: chosen.map((i) => pool[i] as Genotype) };
}
