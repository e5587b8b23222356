/**
 * Regularized (aging) evolution (Real et al.): a queue population; each cycle samples a few members,
 * mutates the best one, appends the child and drops the oldest member, whatever its accuracy.
 */
import type { Genotype, SearchSpaceSpec } from '../search-space/types';
import { pick } from './cell-choices';
import { byAccuracy, createLedger } from './ledger';
import { mutateOneChoice } from './mutate';
import { sampleGenotype } from './sample';
import type { EvaluatedRecord, SearchHooks, SearchResult } from './types';

/** Aging evolution's hyper-parameters. */
export interface AgingEvolutionParams {
  /** Members of the queue. */
  readonly population: number;
  /** Members drawn (with replacement, as in the reference code) to pick each parent. */
  readonly sample: number;
  /** Total subnets to evaluate, the first population included (the paper's C). */
  readonly cycles: number;
  /**
   * The first population's members chosen before the search (a zero-cost warm-up's best-scored,
   * warmup.ts), evaluated first with origin 'warmup'; random samples fill the rest.
   */
  readonly initial?: readonly Genotype[];
}

/** NATS-Bench's setting for regularized evolution: population 10, sample 3. */
export const AGING_EVOLUTION_DEFAULTS = { population: 10, sample: 3 } as const;

/** Aging evolution's hooks: the shared ones plus the queue after every change. */
export interface AgingEvolutionHooks extends SearchHooks {
  /** Called with the population, oldest first, each time a member joins (and the oldest leaves). */
  readonly onPopulation?: (population: readonly EvaluatedRecord[]) => void;
}

/**
 * Runs aging evolution: `population` feasible subnets (the `initial` ones first, then random
 * samples), then children until `cycles`
 * subnets have been evaluated. Each child changes one choice of the best of `sample` members;
 * a child seen before or breaking a constraint is redrawn (from a fresh sample) and never
 * evaluated. Ends early, saying so, when no new feasible child or subnet turns up, or when
 * `shouldStop` says so.
 */
export async function agingEvolution(
  space: SearchSpaceSpec,
  params: AgingEvolutionParams,
  hooks: AgingEvolutionHooks,
): Promise<SearchResult> {
  if (!(params.population >= 1 && params.sample >= 1))
    throw new Error(
      `Aging evolution needs a population and a sample of at least 1 (got ${params.population} and ${params.sample}).`,
    );
  const ledger = createLedger(space, hooks);
  const { rng } = hooks;
  const queue: EvaluatedRecord[] = [];
  const stopped = () =>
    ledger.finish('stopped', `Stopped after ${ledger.records.length} evaluation(s).`);
  const first = Math.min(params.population, params.cycles);
  for (const genotype of (params.initial ?? []).slice(0, first)) {
    if (ledger.stopped()) return stopped();
    const candidate = ledger.consider(genotype);
    if (!candidate) continue;
    const record = await ledger.evaluate(candidate, 'warmup', 0);
    if (!record) return stopped();
    queue.push(record);
    hooks.onPopulation?.([...queue]);
  }
  while (queue.length < first) {
    if (ledger.stopped()) return stopped();
    const candidate = ledger.draw(() => sampleGenotype(space, rng));
    if (!candidate) return ledger.exhausted();
    const record = await ledger.evaluate(candidate, 'random', 0);
    if (!record) return stopped();
    queue.push(record);
    hooks.onPopulation?.([...queue]);
  }
  for (let cycle = 1; ledger.records.length < params.cycles; cycle++) {
    if (ledger.stopped()) return stopped();
    const candidate = ledger.draw(() => {
      const tournament = Array.from({ length: params.sample }, () => pick(queue, rng));
      const parent = tournament.sort(byAccuracy)[0] ?? pick(queue, rng);
      return mutateOneChoice(space, parent.genotype, rng);
    });
    if (!candidate) return ledger.exhausted();
    const record = await ledger.evaluate(candidate, 'mutation', cycle);
    if (!record) return stopped();
    queue.push(record);
    if (queue.length > params.population) queue.shift();
    hooks.onPopulation?.([...queue]);
  }
  return ledger.finish(
    'complete',
    `Evaluated ${ledger.records.length} subnet(s) over ${params.cycles} cycle(s).`,
  );
}
