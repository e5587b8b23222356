/** Hyper-parameters of the SPOS evolutionary search: the paper's defaults and a version scaled to small spaces and budgets. */

/** One SPOS evolution setting. */
export interface EvolutionParams {
  readonly generations: number;
  /** Candidates evaluated per generation. */
  readonly population: number;
  /** Best candidates so far that parent the next generation. */
  readonly topK: number;
  readonly mutations: number;
  readonly crossovers: number;
  /** Probability that a mutation re-draws each choice. */
  readonly mutationProbability: number;
}

/** The SPOS paper's search (Guo et al.): 20 generations of 50, top 10 kept, 25 mutations (p = 0.1) and 25 crossovers. */
export const SPOS_EVOLUTION: EvolutionParams = {
  generations: 20,
  population: 50,
  topK: 10,
  mutations: 25,
  crossovers: 25,
  mutationProbability: 0.1,
};

/**
 * The SPOS defaults shrunk so the search evaluates at most half of a small space, and at most
 * `budget` subnets when given (stand-alone evaluation is costly): generations x population never
 * exceeds either. Population and generations shrink together by the square root of the
 * evaluation ratio (at least 4 per generation when the budget allows); top-k stays a fifth of the
 * population (at least 2) and mutations and crossovers half each. Spaces large enough for 1000
 * evaluations within budget get the paper's values unchanged.
 */
export function scaledEvolution(spaceSize: bigint, budget?: number): EvolutionParams {
  const full = SPOS_EVOLUTION.generations * SPOS_EVOLUTION.population;
  const halfSpace = spaceSize / 2n > BigInt(full) ? full : Number(spaceSize / 2n);
  const evaluations = Math.max(1, Math.min(full, halfSpace, budget ?? full));
  if (evaluations >= full) return SPOS_EVOLUTION;
  const ratio = Math.sqrt(evaluations / full);
  const population = Math.min(
    evaluations,
    Math.max(4, Math.round(SPOS_EVOLUTION.population * ratio)),
  );
  const generations = Math.max(
    1,
    Math.min(SPOS_EVOLUTION.generations, Math.floor(evaluations / population)),
  );
  const mutations = Math.ceil(population / 2);
  return {
    generations,
    population,
    topK: Math.min(population, Math.max(2, Math.round(population / 5))),
    mutations,
    crossovers: population - mutations,
    mutationProbability: SPOS_EVOLUTION.mutationProbability,
  };
}
