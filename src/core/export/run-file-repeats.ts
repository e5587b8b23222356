/**
 * The repeats file: one experiment run once per seed, merged into one run file the studio imports
 * like any run. Its subnets are the seeds' final subnets (each marked with its seed, so the Pareto
 * view shows the spread), its result the run of the median seed, its `repeats` block every seed's
 * final numbers and their spread, and its `queue` block who ran each seed. Each seed's curves stay
 * in that seed's own run file.
 */
import type { ExperimentSpec } from '../experiment/spec';
import type { RunStatus, RunStep, SubnetRecord } from '../run/protocol';
import { emptySeries } from '../series/downsample';
import { spreadOf } from '../stats/spread';
import { genotypeKey } from '../strategies/genotype-key';
import type { QueueFailure, QueueTrialRecord, RepeatSeed } from './run-file-blocks';
import { runFileOf, type RunFile, type RunFileEval } from './run-file';

/** One seed's finished run: its run file, where it lies, and the queue's record of it. */
export interface ReturnedRepeat {
  readonly index: number;
  /** Its run file's name, next to the repeats file. */
  readonly file: string;
  readonly run: RunFile;
  readonly trial: QueueTrialRecord;
}

/** Everything a repeats file is made from. */
export interface RepeatsSource {
  /** The experiment as given (its seed is the first repeat's). */
  readonly spec: ExperimentSpec;
  readonly name: string;
  readonly count: number;
  readonly status: RunStatus;
  readonly startedAt: string;
  /** Returned repeats in the order they returned. */
  readonly returned: readonly ReturnedRepeat[];
  readonly failed: readonly QueueFailure[];
}

/** The seed's final result as the repeats block records it. */
export function repeatSeedOf(r: ReturnedRepeat): RepeatSeed {
  const { run } = r;
  const genotype = run.result?.genotype ?? null;
  const key = genotype === null ? null : genotypeKey(run.spec.space, genotype);
  const record = key === null ? undefined : run.subnets.find((s) => s.key === key);
  return {
    index: r.index,
    seed: run.spec.seed,
    file: r.file,
    genotype,
    key,
    accuracy: record?.accuracy ?? Number.NaN,
    evaluation: record?.evaluation ?? null,
    validAcc: run.result?.metrics.validAcc ?? Number.NaN,
    testAcc: run.result?.metrics.testAcc ?? Number.NaN,
    worker: r.trial.worker,
    seconds: r.trial.trainMs / 1000,
  };
}

/** The seed whose final subnet's accuracy is the median (the lower middle one for an even count; the lower index among equals); null when none has one. A repeats file's `result` is its run's. */
export function medianSeed(seeds: readonly RepeatSeed[]): RepeatSeed | null {
  const ranked = seeds
    .filter((s) => Number.isFinite(s.accuracy))
    .sort((a, b) => a.accuracy - b.accuracy || a.index - b.index);
  return ranked[(ranked.length - 1) >> 1] ?? null;
}

/** The repeats file as it stands (`status` 'running' until every repeat has returned or failed). */
export function repeatsRunFile(source: RepeatsSource, exportedAt: string): RunFile {
  const byIndex = [...source.returned].sort((a, b) => a.index - b.index);
  const seeds = byIndex.map(repeatSeedOf);
  const seen = new Set<string>();
  const subnets: SubnetRecord[] = [];
  for (const [i, s] of seeds.entries()) {
    const record = byIndex[i]?.run.subnets.find((r) => r.key === s.key);
    if (record === undefined || seen.has(record.key)) continue;
    seen.add(record.key);
    subnets.push({ ...record, seed: s.seed });
  }
  const mid = medianSeed(seeds);
  const median = mid === null ? undefined : byIndex.find((r) => r.index === mid.index);
  const file = runFileOf(
    {
      spec: source.spec,
      status: source.status,
      result: null,
      subnets,
      steps: emptySeries<RunStep>(),
      evals: emptySeries<RunFileEval>(),
      queue: {
        version: 1,
        name: source.name,
        trials: source.returned.map((r) => r.trial),
        failed: [...source.failed].sort((a, b) => a.index - b.index),
      },
      repeats: {
        version: 1,
        count: source.count,
        seeds,
        spread: {
          accuracy: spreadOf(seeds.map((s) => s.accuracy)),
          testAcc: spreadOf(seeds.map((s) => s.testAcc)),
        },
      },
    },
    { startedAt: source.startedAt, exportedAt },
  );
  return { ...file, result: median?.run.result ?? null };
}
