/**
 * What travels on the queue for repeats: a repeat job (the whole experiment, with the seed of one
 * repeat, to run as `cli run` runs it) and its result (the run file that run wrote, the worker
 * and its time). Both are checked on arrival, since anyone who can reach Redis can put data there.
 */
import { z } from 'zod';
import { experimentSchema } from '../../core/experiment/schema';
import type { ExperimentSpec } from '../../core/experiment/spec';

/** One repeat: run `spec` (its seed already the repeat's) to its end. */
export interface RepeatJobData {
  readonly kind: 'repeat';
  /** The repeats' name on the queue (their jobs are `<search>-r<index>`). */
  readonly search: string;
  readonly index: number;
  readonly spec: ExperimentSpec;
}

/** A finished repeat as the worker reports it. */
export interface RepeatJobResult {
  /** The run file's text, exactly as `cli run` writes it. */
  readonly runFile: string;
  readonly worker: string;
  /** The run's time on the worker, ms. */
  readonly trainMs: number;
}

const jobSchema = z.object({
  kind: z.literal('repeat'),
  search: z.string().max(256),
  index: z.number().int().min(0),
  spec: experimentSchema,
});

const resultSchema = z.object({
  runFile: z.string().max(64 * 1024 * 1024),
  worker: z.string().max(256),
  trainMs: z.number(),
});

/** True when a job's data says it is a repeat job (whatever else is wrong with it). */
export function isRepeatJob(data: unknown): boolean {
  return (
    typeof data === 'object' && data !== null && (data as { kind?: unknown }).kind === 'repeat'
  );
}

/** The job's data if it is a repeat job, or what is wrong with it. */
export function readRepeatJob(data: unknown): RepeatJobData | { readonly problem: string } {
  const r = jobSchema.safeParse(data);
  if (r.success) return r.data;
  const first = r.error.issues[0];
  return {
    problem: `The job is not a repeat job (${first ? `${first.path.join('.')}: ${first.message}` : 'bad shape'}).`,
  };
}

/** A job's return value if it is a repeat result, else null. */
export function readRepeatResult(value: unknown): RepeatJobResult | null {
  const r = resultSchema.safeParse(value);
  return r.success ? r.data : null;
}

/** The job id of repeat `index` of `search`. */
export function repeatJobId(search: string, index: number): string {
  return `${search}-r${index}`;
}
