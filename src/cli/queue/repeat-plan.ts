/**
 * What a queued repeats run carries out: one experiment (any strategy `run` supports) run once per
 * seed, the seeds `spec.seed`, `spec.seed + 1`, …; each repeat's run file sits next to the merged
 * one (`run.json` → `run.seed-3.json`).
 */
import { basename, dirname, join } from 'node:path';
import type { ExperimentSpec } from '../../core/experiment/spec';
import { hash53 } from '../../core/hash';

/** Most repeats one command runs. */
export const MAX_REPEATS = 1000;

/** Repeats of one experiment over seeds. */
export interface RepeatsPlan {
  readonly name: string;
  /** The experiment as given (its seed is the first repeat's). */
  readonly spec: ExperimentSpec;
  readonly count: number;
}

/** The seed of repeat `index`. */
export function repeatSeed(plan: RepeatsPlan, index: number): number {
  return plan.spec.seed + index;
}

/** The experiment repeat `index` runs: the plan's with that repeat's seed. */
export function repeatSpec(plan: RepeatsPlan, index: number): ExperimentSpec {
  return { ...plan.spec, seed: repeatSeed(plan, index) };
}

/** The path of repeat `index`'s own run file, next to `outPath`. */
export function repeatFilePath(plan: RepeatsPlan, outPath: string, index: number): string {
  const stem = basename(outPath).replace(/\.json$/i, '');
  return join(dirname(outPath), `${stem}.seed-${repeatSeed(plan, index)}.json`);
}

/** The plan of `count` repeats of `spec`, or why the queue cannot carry them out. */
export function repeatsPlanOf(
  spec: ExperimentSpec,
  count: number,
  name: string | null,
): RepeatsPlan | { readonly problem: string } {
  if (spec.dataset.id === 'upload')
    return { problem: 'Experiments on an uploaded file cannot be repeated on the queue.' };
  const s = spec.strategy;
  if ('latency' in s && s.latency.form !== 'off')
    return {
      problem: `A latency-aware loss cannot be repeated on the queue (each worker's machine measures its own latency table, so the seeds would not be comparable); turn it off or use \`run\` once per seed.`,
    };
  if ('constraints' in s && s.constraints.maxLatencyMs !== null)
    return {
      problem: `A latency bound cannot be checked on the queue (each worker's machine has its own latencies); remove maxLatencyMs (${s.constraints.maxLatencyMs} ms) or use \`run\`.`,
    };
  if (spec.seed + count - 1 > Number.MAX_SAFE_INTEGER)
    return { problem: 'The seeds of these repeats run past the largest safe whole number.' };
  return { name: name ?? `repeats-${hash53(JSON.stringify([spec, count]))}`, spec, count };
}
