/**
 * The zero-cost warm-up of a multi-trial evolution run (Abdelfattah et al. 2021): the pool drawn
 * with the run's seed (core/strategies/warmup.ts), scored at initialisation by the spec's warm-up
 * proxy on the zero-cost runner's seeded mini-batch, with progress, pause and stop between members
 * and checkpoints; its best-scored become evolution's first population.
 */
import type { ExperimentSpec, MultiTrialStrategySpec } from '../../core/experiment/spec';
import type { ProxyName } from '../../core/proxies/names';
import { createRng, type Rng } from '../../core/random';
import type { RunCheckpoint } from '../../core/run/checkpoint';
import type { RunControl } from '../../core/run/control';
import type { Genotype } from '../../core/search-space/types';
import { genotypeKey } from '../../core/strategies/genotype-key';
import type { Constraints, CostFn } from '../../core/strategies/types';
import { scoreWarmupPool, warmupPool } from '../../core/strategies/warmup';
import type { ProxyScorer } from '../proxies/scorer';
import type { Emit } from '../step-gate';
import { requireWarmupCheckpoint, trialsCheckpoint, type TrialLog } from './checkpoint';

/** Pool members scored between two checkpoints (as the zero-cost runner). */
export const WARMUP_SCORES_PER_CHECKPOINT = 50;

/** What the warm-up hands evolution: its first population (best-scored first) and how it was chosen. */
export interface WarmupOutcome {
  readonly initial: readonly Genotype[];
  /** The warm-up proxy's score of each chosen member, by genotype key. */
  readonly chosenScores: ReadonlyMap<string, number>;
  readonly poolSize: number;
}

/**
 * The random stream the pool is drawn with: the second fork of the run's seed (the search uses the
 * first), so a warm-up leaves evolution's own draws as they are without one.
 */
export function warmupRng(seed: number): Rng {
  const root = createRng(seed);
  root.fork();
  return root.fork();
}

/** The warm-up's proxy when `s` runs evolution with one, else null. */
export function warmupProxyOf(s: MultiTrialStrategySpec): ProxyName | null {
  return s.search === 'evolution' && s.warmupProxy !== 'none' ? s.warmupProxy : null;
}

/** What the warm-up needs from the run. */
export interface WarmupContext {
  readonly spec: ExperimentSpec;
  readonly proxy: ProxyName;
  readonly pool: number;
  readonly population: number;
  readonly cost: CostFn;
  readonly constraints?: Constraints;
  /** The run's log; its `warmup` scores (not null) grow as members are scored. */
  readonly log: TrialLog;
  /** Makes the scorer (called once, only when some member is still to be scored). */
  readonly scorer: () => ProxyScorer;
  readonly resume?: RunCheckpoint;
}

/**
 * Runs the warm-up: draws the pool; unless the log already holds every score, emits phase 'search'
 * (when none is scored yet) and, per member scored, a 'progress' through the pool and a
 * 'checkpoint' every WARMUP_SCORES_PER_CHECKPOINT and after the last; waits at the gate before
 * each. Gives 'stopped' when the run was stopped. Throws when a resumed checkpoint does not fit.
 */
export async function runWarmup(
  w: WarmupContext,
  control: RunControl,
  emit: Emit,
): Promise<WarmupOutcome | 'stopped'> {
  const pool = warmupPool(w.spec.space, warmupRng(w.spec.seed), {
    pool: w.pool,
    cost: w.cost,
    ...(w.constraints === undefined ? {} : { constraints: w.constraints }),
  });
  if (w.resume) requireWarmupCheckpoint(w.resume, pool.length);
  const { log } = w;
  const scores = log.warmup;
  if (scores === null)
    throw new Error('A run without a warm-up was asked to score a warm-up pool.');
  if (scores.length === 0 && pool.length > 0)
    emit({
      type: 'phase',
      phase: 'search',
      message: `Warm-up: scoring ${pool.length.toLocaleString('en-US')} architecture(s) with ${w.proxy} at initialisation; the ${Math.min(w.population, pool.length)} best-scored start evolution.`,
    });
  let scorer: ProxyScorer | null = null;
  const result = await scoreWarmupPool(
    pool,
    w.population,
    async (genotype, i) => {
      if (!(await control.gate())) return null;
      scorer ??= w.scorer();
      const r = await scorer.score(w.spec.space, genotype, [w.proxy]);
      const score = r.proxies[w.proxy] ?? Number.NaN;
      scores.push(score);
      emit({ type: 'progress', phase: 'search', done: i + 1, total: pool.length });
      if ((i + 1) % WARMUP_SCORES_PER_CHECKPOINT === 0 || i + 1 === pool.length)
        emit(trialsCheckpoint(log));
      return score;
    },
    scores.slice(),
  );
  if (result === null) return 'stopped';
  const chosenScores = new Map<string, number>();
  for (const i of result.chosen)
    chosenScores.set(
      genotypeKey(w.spec.space, result.pool[i] as Genotype),
      result.scores[i] ?? Number.NaN,
    );
  return { initial: result.initial, chosenScores, poolSize: pool.length };
}
