/**
 * A queue worker: one BullMQ Worker taking jobs one at a time: trials (one subnet trained
 * stand-alone) and repeats (a whole experiment run with one seed), with the studio's engine (wasm
 * in Node), reporting progress while it works and its scores or run file when done.
 */
import { hostname } from 'node:os';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { initNodeBackend } from '../../engine/node-backend';
import type { CliIo } from '../io';
import {
  connectionOptions,
  queueErrorText,
  stallSettings,
  TRIAL_QUEUE,
  type QueueAddress,
} from './queue-config';
import { pct } from './queue-session';
import { isRepeatJob, readRepeatJob, type RepeatJobResult } from './repeat-job';
import { runRepeatJob } from './run-repeat';
import { trainTrialJob } from './train-trial';
import { readTrialJob, type TrialJobResult } from './trial-job';

/** Least time between two progress reports of one trial, ms. */
const PROGRESS_MS = 500;

/** What a worker reports while it trains a trial or runs a repeat (job.progress). */
export interface TrialProgress {
  readonly worker: string;
  readonly step: number;
  readonly total: number;
}

/** This process's name on the queue: host and process id. */
export function workerName(): string {
  return `${hostname()}:${process.pid}`;
}

/**
 * Takes trials from the queue at `address` until SIGINT or SIGTERM (the trial in hand is finished
 * first) or until the queue cannot be reached for good. Resolves with the exit code: 0 stopped
 * when asked, 1 the queue was lost.
 */
export async function runTrialWorker(address: QueueAddress, io: CliIo): Promise<number> {
  await initNodeBackend('wasm');
  const name = workerName();
  const stall = stallSettings();
  /** Reports progress at most every PROGRESS_MS (and at the last step). */
  const reporter = (job: Job) => {
    let last = -Infinity;
    return (step: number, total: number): void => {
      const t = performance.now();
      if (t - last < PROGRESS_MS && step !== total) return;
      last = t;
      const progress: TrialProgress = { worker: name, step, total };
      job.updateProgress({ ...progress }).catch(() => undefined);
    };
  };
  const repeat = async (job: Job): Promise<RepeatJobResult> => {
    const data = readRepeatJob(job.data);
    if ('problem' in data) throw new UnrecoverableError(data.problem);
    const what = `repeat ${data.index} (seed ${data.spec.seed}) of ${data.search}`;
    io.err(`${name}: ${what} (attempt ${job.attemptsMade + 1})`);
    const started = performance.now();
    const runFile = await runRepeatJob(data, reporter(job));
    const trainMs = performance.now() - started;
    io.err(`${name}: ${what} done in ${(trainMs / 1000).toFixed(1)} s`);
    return { runFile, worker: name, trainMs };
  };
  const process_ = async (job: Job): Promise<TrialJobResult | RepeatJobResult> => {
    if (isRepeatJob(job.data)) return repeat(job);
    const data = readTrialJob(job.data);
    if ('problem' in data) throw new UnrecoverableError(data.problem);
    io.err(`${name}: trial ${data.index} of ${data.search} (attempt ${job.attemptsMade + 1})`);
    const started = performance.now();
    const memo = await trainTrialJob(data, reporter(job));
    const trainMs = performance.now() - started;
    io.err(
      `${name}: trial ${data.index} of ${data.search} done in ${(trainMs / 1000).toFixed(1)} s, validation ${pct(memo.validAcc)}`,
    );
    return { memo, worker: name, trainMs };
  };
  const worker = new Worker(TRIAL_QUEUE, process_, {
    connection: connectionOptions(address, true),
    name,
    concurrency: 1,
    lockDuration: stall.lockMs,
    stalledInterval: stall.stalledMs,
    maxStalledCount: stall.maxStalled,
    autorun: false,
  });
  return new Promise<number>((resolve) => {
    let ended = false;
    const end = (code: number): void => {
      if (ended) return;
      ended = true;
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      worker
        .close(code !== 0)
        .catch(() => undefined)
        .finally(() => resolve(code));
    };
    const stop = (): void => {
      io.err(`${name}: stopping after the trial in hand…`);
      end(0);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    let lastError = '';
    worker.on('error', (err) => {
      const text = queueErrorText(address, err);
      if (text !== lastError) io.err(text);
      lastError = text;
      if (/Connection is closed/i.test(err.message)) {
        io.err(`${name}: gave up on the queue; start the worker again once Redis is back.`);
        end(1);
      }
    });
    worker.on('ready', () => io.err(`${name}: waiting for trials on ${address.text}`));
    // The connection gives up after retrying for giveUpMs (queue-config.ts): then so does the worker.
    worker.client
      .then((client) =>
        client.once('end', () => {
          io.err(`${name}: gave up on the queue; start the worker again once Redis is back.`);
          end(1);
        }),
      )
      .catch(() => undefined);
    worker.run().catch((err: unknown) => {
      io.err(queueErrorText(address, err));
      end(1);
    });
  });
}
