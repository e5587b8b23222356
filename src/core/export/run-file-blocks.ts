/**
 * The optional blocks of a run file that queue workers add: the queue block (who trained each
 * trial or run, how long it took, what failed) and the repeats block (one experiment run once per
 * seed: each seed's final result and the spread of the final accuracies). Each block has its own
 * `version`, so it can grow without changing the run file's; readers that predate it ignore it.
 */
import { z } from 'zod';
import type { OpName } from '../search-space/ops';
import type { Genotype } from '../search-space/types';
import type { Spread } from '../stats/spread';
import type { SubnetEvaluation } from '../run/protocol';

/** One trial a queue worker trained: which trial, who trained it, how long it waited and trained. */
export interface QueueTrialRecord {
  /** The trial's index in the search (0-based, the order the search proposed it). */
  readonly index: number;
  /** `genotypeKey` of the subnet trained (its record among `subnets`). */
  readonly key: string;
  /** The worker that trained it (host and process id). */
  readonly worker: string;
  /** Time spent training and scoring it on the worker, ms. */
  readonly trainMs: number;
  /** Time from being queued to being picked up for its last attempt, ms. */
  readonly waitMs: number;
  /** Attempts it took (more than 1 after a worker died or the training threw). */
  readonly attempts: number;
  /** When it finished (ISO time). */
  readonly finishedAt: string;
  /** Weight steps trained, and the mean training loss of the last epoch. */
  readonly steps: number;
  readonly trainLoss: number;
  /** Scores of the trained subnet on the validation and test splits. */
  readonly validAcc: number;
  readonly validLoss: number;
  readonly testAcc: number;
  readonly testLoss: number;
}

/** A trial that failed every attempt. */
export interface QueueFailure {
  readonly index: number;
  readonly key: string;
  readonly attempts: number;
  readonly reason: string;
}

/**
 * The queue block of a run file: the search's queue name, its trials in the order they finished,
 * and those that failed. In a repeats file a "trial" is one seed's whole run (index = repeat).
 */
export interface RunFileQueue {
  readonly version: 1;
  readonly name: string;
  readonly trials: readonly QueueTrialRecord[];
  readonly failed: readonly QueueFailure[];
}

/** One seed's run in a repeats file: its final result, where its own run file is, who ran it. */
export interface RepeatSeed {
  /** The repeat's index (0-based) and the experiment seed its run used. */
  readonly index: number;
  readonly seed: number;
  /** Its own run file, next to the repeats file. */
  readonly file: string;
  /** The run's final cell or subnet (null when the run ended without one) and its `genotypeKey`. */
  readonly genotype: Genotype | null;
  readonly key: string | null;
  /** The validation accuracy of that subnet as the run evaluated it (`evaluation`); NaN when none. */
  readonly accuracy: number;
  readonly evaluation: SubnetEvaluation | null;
  /** The run's final metrics on the validation and test splits (the supernet's for DARTS-like runs). */
  readonly validAcc: number;
  readonly testAcc: number;
  readonly worker: string;
  /** The run's time on its worker, s. */
  readonly seconds: number;
}

/**
 * The repeats block: the seeds run so far (by index) and the spread over them of the final
 * subnet's accuracy and of the final test accuracy. The file's `subnets` are the seeds' final
 * subnets (one record per distinct subnet, its `seed` the first seed that found it) and its
 * `result` the run of the median seed by `accuracy`; each seed's curves are in its own file.
 */
export interface RunFileRepeats {
  readonly version: 1;
  /** Repeats asked for (the seeds are `spec.seed` … `spec.seed + count − 1`). */
  readonly count: number;
  readonly seeds: readonly RepeatSeed[];
  readonly spread: { readonly accuracy: Spread; readonly testAcc: Spread };
}

/** A number that was written as null when it was not finite (NaN) comes back as NaN. */
const num = z.union([z.number(), z.null()]).transform((v) => (v === null ? Number.NaN : v));
const text = z.string().max(256);

const cellGenotype = z.object({
  edges: z
    .array(
      z.object({
        from: text,
        to: text,
        op: z.custom<OpName>((v) => typeof v === 'string', 'Expected a string'),
      }),
    )
    .max(4096),
  concat: z.array(text).max(1024),
});

/** A genotype as a run file writes it. */
export const genotypeSchema = z.object({ normal: cellGenotype, reduce: cellGenotype.nullable() });

/** The queue block's schema. */
export const queueBlockSchema = z.object({
  version: z.literal(1),
  name: text,
  trials: z
    .array(
      z.object({
        index: z.number(),
        key: z.string().max(65536),
        worker: text,
        trainMs: z.number(),
        waitMs: z.number(),
        attempts: z.number(),
        finishedAt: z.string().max(64),
        steps: z.number(),
        trainLoss: num,
        validAcc: num,
        validLoss: num,
        testAcc: num,
        testLoss: num,
      }),
    )
    .max(100_000),
  failed: z
    .array(
      z.object({
        index: z.number(),
        key: z.string().max(65536),
        attempts: z.number(),
        reason: z.string().max(4096),
      }),
    )
    .max(100_000),
});

const spread = z.object({ n: z.number(), mean: num, sd: num, min: num, max: num });

/** The repeats block's schema. */
export const repeatsBlockSchema = z.object({
  version: z.literal(1),
  count: z.number().int().min(1),
  seeds: z
    .array(
      z.object({
        index: z.number().int().min(0),
        seed: z.number(),
        file: text,
        genotype: genotypeSchema.nullable(),
        key: z.string().max(65536).nullable(),
        accuracy: num,
        evaluation: z.enum(['inherited', 'standalone', 'proxy']).nullable(),
        validAcc: num,
        testAcc: num,
        worker: text,
        seconds: z.number(),
      }),
    )
    .max(10_000),
  spread: z.object({ accuracy: spread, testAcc: spread }),
});
