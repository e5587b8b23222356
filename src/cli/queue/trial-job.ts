/**
 * What travels on the queue: a trial job (one subnet of one experiment to train stand-alone, with
 * its budget and seed) and a trial's result (its scores, the worker that trained it and how long
 * it took). Both are checked on arrival, since anyone who can reach Redis can put data there.
 */
import { z } from 'zod';
import { experimentSchema } from '../../core/experiment/schema';
import type { ExperimentSpec } from '../../core/experiment/spec';
import type { TrialMemo } from '../../core/run/checkpoint';
import type { OpName } from '../../core/search-space/ops';
import type { Genotype } from '../../core/search-space/types';
import type { StandaloneOptions } from '../../engine/standalone';

/** One trial: train `genotype` of `spec`'s space from scratch on `spec`'s data with `training`. */
export interface TrialJobData {
  /** The search's name (its jobs are `<search>-t<index>`). */
  readonly search: string;
  readonly index: number;
  readonly spec: ExperimentSpec;
  readonly genotype: Genotype;
  /** `genotypeKey(spec.space, genotype)`. */
  readonly key: string;
  readonly training: StandaloneOptions;
}

/** A trained trial as the worker reports it. */
export interface TrialJobResult {
  readonly memo: TrialMemo;
  /** The worker that trained it (host and process id). */
  readonly worker: string;
  /** Training and scoring time on the worker, ms. */
  readonly trainMs: number;
}

/** A number that JSON carried as null because it was NaN. */
const num = z.union([z.number(), z.null()]).transform((v) => (v === null ? Number.NaN : v));

const cell = z.object({
  edges: z
    .array(
      z.object({
        from: z.string().max(256),
        to: z.string().max(256),
        op: z.custom<OpName>((v) => typeof v === 'string', 'Expected a string'),
      }),
    )
    .max(4096),
  concat: z.array(z.string().max(256)).max(1024),
});

const jobSchema = z.object({
  search: z.string().max(256),
  index: z.number().int().min(0),
  spec: experimentSchema,
  genotype: z.object({ normal: cell, reduce: cell.nullable() }),
  key: z.string().max(65536),
  training: z.object({
    epochs: z.number().int().min(1),
    batchSize: z.number().int().min(1),
    weightLr: z.number(),
    weightLrMin: z.number(),
    momentum: z.number(),
    weightDecay: z.number(),
    gradClip: z.number(),
    seed: z.number(),
    calibrationBatches: z.number().int().min(0),
  }),
});

const resultSchema = z.object({
  memo: z.object({
    key: z.string().max(65536),
    steps: z.number(),
    trainLoss: num,
    validAcc: num,
    validLoss: num,
    testAcc: num,
    testLoss: num,
  }),
  worker: z.string().max(256),
  trainMs: z.number(),
});

/** The job's data if it is a trial job, or what is wrong with it. */
export function readTrialJob(data: unknown): TrialJobData | { readonly problem: string } {
  const r = jobSchema.safeParse(data);
  if (r.success) return r.data;
  const first = r.error.issues[0];
  return {
    problem: `The job is not a trial job (${first ? `${first.path.join('.')}: ${first.message}` : 'bad shape'}).`,
  };
}

/** A job's return value if it is a trial result, else null. */
export function readTrialResult(value: unknown): TrialJobResult | null {
  const r = resultSchema.safeParse(value);
  return r.success ? r.data : null;
}

/** The job id of trial `index` of search `search`. */
export function trialJobId(search: string, index: number): string {
  return `${search}-t${index}`;
}
