/**
 * A coordinator's connection to the queue: the BullMQ Queue it adds and reads jobs with, the
 * events that wake it when a job moves, a wait between two looks (an event or a second, whichever
 * comes first), and the plain message when Redis is lost. Shared by every kind of queued work.
 */
import { Queue, QueueEvents, type Job } from 'bullmq';
import { rename, writeFile } from 'node:fs/promises';
import { serializeRunFile, type QueueFailure, type RunFile } from '../../core/export/run-file';
import {
  connectionOptions,
  queueErrorText,
  TRIAL_ATTEMPTS,
  TRIAL_JOB_OPTIONS,
  TRIAL_QUEUE,
  type QueueAddress,
} from './queue-config';

/** A coordinator's own plain message (a name taken by other work, an unwritable file): passed on as it is, never read as a lost queue. */
export class CoordinatorError extends Error {}

/**
 * The exit code of a queued command that threw, after saying why on `say`: 2 for a
 * CoordinatorError (the queue or the name refused the work), else 1 with how to carry on
 * (`what`, e.g. 'trials', stay on the queue).
 */
export function coordinatorFailure(err: unknown, what: string, say: (line: string) => void): 1 | 2 {
  say(err instanceof Error ? err.message : String(err));
  if (err instanceof CoordinatorError) return 2;
  say(`The ${what} stay on the queue; run the same command again to carry on.`);
  return 1;
}

/** Longest wait between two looks at the queue when no event arrives, ms. */
const POLL_MS = 1000;

/** Waiting for the queue to change, and whether the connection was lost meanwhile. */
export interface QueueWait {
  sleep(): Promise<void>;
  /** The error that lost the connection, or null. */
  lost(): unknown;
}

/**
 * Opens the queue at `address`, runs `body` with it and closes it. Throws (with a plain
 * message) when the queue cannot be reached or is lost.
 */
export async function withQueueSession<T>(
  address: QueueAddress,
  body: (queue: Queue, wait: QueueWait) => Promise<T>,
): Promise<T> {
  const queue = new Queue(TRIAL_QUEUE, {
    connection: connectionOptions(address, false),
    defaultJobOptions: TRIAL_JOB_OPTIONS,
  });
  const events = new QueueEvents(TRIAL_QUEUE, { connection: connectionOptions(address, true) });
  let lost: unknown = null;
  let wake: (() => void) | null = null;
  const poke = (): void => {
    wake?.();
    wake = null;
  };
  const onError = (err: Error): void => {
    if (/Connection is closed/i.test(err.message)) {
      lost = err;
      poke();
    }
  };
  queue.on('error', onError);
  events.on('error', onError);
  for (const e of ['completed', 'failed', 'active', 'stalled', 'retries-exhausted'])
    events.on(e as 'completed', poke);
  try {
    await Promise.all([queue.waitUntilReady(), events.waitUntilReady()]);
    return await body(queue, {
      sleep: () =>
        new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(poke, POLL_MS);
        }),
      lost: () => lost,
    });
  } catch (err) {
    if (err instanceof CoordinatorError && lost === null) throw err;
    throw new Error(queueErrorText(address, lost ?? err));
  } finally {
    await Promise.allSettled([events.close(), queue.close()]);
  }
}

/** Where one followed job stands: settled jobs are read again, so their fields are final. */
export type JobLook =
  | { readonly index: number; readonly state: 'gone' }
  | {
      readonly index: number;
      readonly state: 'completed' | 'failed' | 'active' | 'waiting';
      readonly job: Job;
    };

/**
 * The states of the jobs `open` (index and job, in index order), asked all at once (the client
 * pipelines the commands: one round trip, not one a job). 'gone' means the queue lost the job
 * (removed or never added): the caller puts it back.
 */
export async function lookAtJobs(
  queue: Queue,
  open: readonly (readonly [number, Job])[],
  idOf: (index: number) => string,
): Promise<JobLook[]> {
  const states = await Promise.all(
    open.map(([index, job]) => queue.getJobState(job.id ?? idOf(index))),
  );
  const looks: JobLook[] = [];
  for (const [i, [index, job]] of open.entries()) {
    const id = job.id ?? idOf(index);
    const state = states[i] ?? 'unknown';
    // Read after the state, so a settled job's fields are its final ones.
    const fresh = state === 'completed' || state === 'failed' ? await queue.getJob(id) : job;
    if (fresh === undefined || state === 'unknown') looks.push({ index, state: 'gone' });
    else if (state === 'completed' || state === 'failed' || state === 'active')
      looks.push({ index, state, job: fresh });
    else looks.push({ index, state: 'waiting', job: fresh });
  }
  return looks;
}

/** Writes `text` to `path` whole (a reader never sees half a file); a failure is a plain CoordinatorError. */
export async function writeTextWhole(path: string, text: string): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, text);
    await rename(tmp, path);
  } catch (e) {
    throw new CoordinatorError(
      `Cannot write ${path}: ${e instanceof Error ? e.message : String(e)}.`,
    );
  }
}

/** Writes run file `file` to `path` whole. */
export function writeWhole(path: string, file: RunFile): Promise<void> {
  return writeTextWhole(path, `${serializeRunFile(file)}\n`);
}

/** Percent with one decimal. */
export const pct = (v: number): string => (Number.isFinite(v) ? `${(100 * v).toFixed(1)}%` : 'n/a');

/** A completed job's wait before its last attempt, attempts and finishing time, as a run file records them. */
export function jobTiming(job: Job): {
  readonly waitMs: number;
  readonly attempts: number;
  readonly finishedAt: string;
} {
  return {
    waitMs: Math.max(0, (job.processedOn ?? job.timestamp) - job.timestamp),
    attempts: Math.max(1, job.attemptsMade),
    finishedAt: new Date(job.finishedOn ?? Date.now()).toISOString(),
  };
}

/** A job that failed every attempt, as a run file records it, and the line saying so (`what`: "trial 3"). */
export function failureOf(
  job: Job,
  index: number,
  key: string,
  what: string,
): { readonly failure: QueueFailure; readonly line: string } {
  const reason = job.failedReason || 'no reason given';
  return {
    failure: { index, key, attempts: job.attemptsMade, reason },
    line: `${what} failed after ${job.attemptsMade} of ${TRIAL_ATTEMPTS} attempt(s): ${reason}`,
  };
}
