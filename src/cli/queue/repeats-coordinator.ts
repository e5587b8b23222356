/**
 * The coordinator of queued repeats: puts one job per seed on the queue (one id per repeat, so
 * putting one twice is harmless), follows them until each has returned or failed for good, writes
 * each returned seed's run file next to the merged one and rewrites the merged repeats file after
 * every change. Started again with the same name, it keeps the seeds whose run files the partial
 * repeats file lists and carries on with the rest.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Job, Queue } from 'bullmq';
import { parseRunFile, type QueueFailure, type RunFile } from '../../core/export/run-file';
import {
  repeatSeedOf,
  repeatsRunFile,
  type ReturnedRepeat,
} from '../../core/export/run-file-repeats';
import { genotypeKey } from '../../core/strategies/genotype-key';
import type { CoordinatorHooks, SearchOutcome } from './coordinator';
import { TRIAL_JOB_OPTIONS, type QueueAddress } from './queue-config';
import {
  CoordinatorError,
  failureOf,
  jobTiming,
  lookAtJobs,
  pct,
  withQueueSession,
  writeTextWhole,
  writeWhole,
  type QueueWait,
} from './queue-session';
import { readRepeatJob, readRepeatResult, repeatJobId, type RepeatJobData } from './repeat-job';
import { repeatFilePath, repeatSpec, type RepeatsPlan } from './repeat-plan';
import { canonicalJson } from './search-plan';
import type { TrialProgress } from './trial-worker';

/**
 * Runs the repeats of `plan` on the queue at `address`, writing each seed's run file next to
 * `outPath` and the merged repeats file to `outPath` after every change; `partial` is the repeats
 * file an earlier coordinator of the same repeats left. Throws (with a plain message) when the
 * queue is lost or holds other work under this name.
 */
export function coordinateRepeats(
  plan: RepeatsPlan,
  address: QueueAddress,
  outPath: string,
  partial: RunFile | null,
  hooks: CoordinatorHooks,
): Promise<SearchOutcome> {
  return withQueueSession(address, (queue, wait) =>
    follow(plan, queue, outPath, partial, hooks, wait),
  );
}

/** Repeat `index`'s run file read back from `text`, if it is that repeat's finished run. */
function runOfRepeat(plan: RepeatsPlan, index: number, text: string): RunFile | null {
  const read = parseRunFile(text);
  if (!read.ok || read.run.status !== 'finished') return null;
  return canonicalJson(read.run.spec) === canonicalJson(repeatSpec(plan, index)) ? read.run : null;
}

/** The seeds the partial repeats file lists whose own run files are still there and theirs. */
async function resumed(
  plan: RepeatsPlan,
  outPath: string,
  partial: RunFile | null,
): Promise<ReturnedRepeat[]> {
  const kept: ReturnedRepeat[] = [];
  for (const trial of partial?.queue?.trials ?? []) {
    if (trial.index >= plan.count || kept.some((r) => r.index === trial.index)) continue;
    const path = repeatFilePath(plan, outPath, trial.index);
    const run = await readFile(path, 'utf8').then(
      (text) => runOfRepeat(plan, trial.index, text),
      () => null,
    );
    if (run !== null) kept.push({ index: trial.index, file: basename(path), run, trial });
  }
  return kept;
}

/** The loop: resume, put the missing repeats on the queue, then follow them to the end. */
async function follow(
  plan: RepeatsPlan,
  queue: Queue,
  outPath: string,
  partial: RunFile | null,
  hooks: CoordinatorHooks,
  wait: QueueWait,
): Promise<SearchOutcome> {
  const startedAt = partial?.startedAt ?? new Date().toISOString();
  const returned = await resumed(plan, outPath, partial);
  const failed = new Map<number, QueueFailure>();
  const settled = (index: number): boolean =>
    failed.has(index) || returned.some((r) => r.index === index);
  const jobs = new Map<number, Job>();
  for (let index = 0; index < plan.count; index++) {
    const job = await queue.getJob(repeatJobId(plan.name, index));
    if (job === undefined) continue;
    const data = readRepeatJob(job.data);
    if ('problem' in data || canonicalJson(data.spec) !== canonicalJson(repeatSpec(plan, index)))
      throw new CoordinatorError(
        `The queue already holds work named "${plan.name}" of another experiment; choose another --name.`,
      );
    jobs.set(index, job);
  }
  const enqueue = async (indices: readonly number[]): Promise<void> => {
    const missing = indices.filter((i) => !settled(i) && !jobs.has(i));
    if (missing.length === 0) return;
    const added = await queue.addBulk(
      missing.map((index) => {
        const data: RepeatJobData = {
          kind: 'repeat',
          search: plan.name,
          index,
          spec: repeatSpec(plan, index),
        };
        return {
          name: `repeat ${index}`,
          data,
          opts: { ...TRIAL_JOB_OPTIONS, jobId: repeatJobId(plan.name, index) },
        };
      }),
    );
    added.forEach((job, i) => {
      const index = missing[i];
      if (index !== undefined) jobs.set(index, job);
    });
  };
  const found = jobs.size;
  await enqueue(Array.from({ length: plan.count }, (_, i) => i));
  if (returned.length > 0 || found > 0)
    hooks.onLine(
      `repeats "${plan.name}": ${returned.length} of ${plan.count} seed(s) already returned, ${found} found on the queue`,
    );
  let written = '';
  const save = async (status: 'running' | 'finished' | 'failed'): Promise<RunFile> => {
    const file = repeatsRunFile(
      {
        spec: plan.spec,
        name: plan.name,
        count: plan.count,
        status,
        startedAt,
        returned,
        failed: [...failed.values()],
      },
      new Date().toISOString(),
    );
    const text = JSON.stringify([file.status, file.queue]);
    if (text !== written) {
      await writeWhole(outPath, file);
      written = text;
    }
    return file;
  };
  const seedOf = (index: number): number => repeatSpec(plan, index).seed;
  const started = new Set<number>();
  for (;;) {
    const lost = wait.lost();
    if (lost !== null) throw lost;
    let running = 0;
    let waiting = 0;
    const progress: { index: number; fraction: number }[] = [];
    const open = [...jobs.entries()].filter(([i]) => !settled(i)).sort((a, b) => a[0] - b[0]);
    for (const look of await lookAtJobs(queue, open, (i) => repeatJobId(plan.name, i))) {
      const { index } = look;
      const what = `seed ${seedOf(index)} (repeat ${index})`;
      if (look.state === 'gone') {
        jobs.delete(index);
        await enqueue([index]);
      } else if (look.state === 'completed') {
        const result = readRepeatResult(look.job.returnvalue);
        const run = result === null ? null : runOfRepeat(plan, index, result.runFile);
        if (result === null || run === null) {
          const reason = 'The worker returned no finished run file of this seed.';
          failed.set(index, { index, key: '', attempts: look.job.attemptsMade, reason });
          hooks.onLine(`${what} failed: ${reason}`);
          continue;
        }
        const path = repeatFilePath(plan, outPath, index);
        await writeTextWhole(path, `${result.runFile}\n`);
        const m = run.result?.metrics;
        const steps = run.series.steps;
        returned.push({
          index,
          file: basename(path),
          run,
          trial: {
            index,
            key: run.result === null ? '' : genotypeKey(run.spec.space, run.result.genotype),
            worker: result.worker,
            trainMs: result.trainMs,
            ...jobTiming(look.job),
            steps: steps[steps.length - 1]?.step ?? 0,
            trainLoss: m?.trainLoss ?? Number.NaN,
            validAcc: m?.validAcc ?? Number.NaN,
            validLoss: m?.validLoss ?? Number.NaN,
            testAcc: m?.testAcc ?? Number.NaN,
            testLoss: m?.testLoss ?? Number.NaN,
          },
        });
        const final = repeatSeedOf(returned[returned.length - 1] as ReturnedRepeat);
        hooks.onLine(
          `${what} done by ${result.worker} in ${(result.trainMs / 1000).toFixed(1)} s: final subnet ${pct(final.accuracy)} (${final.evaluation ?? 'none'}), test ${pct(final.testAcc)}; wrote ${basename(path)}`,
        );
      } else if (look.state === 'failed') {
        const { failure, line } = failureOf(look.job, index, '', what);
        failed.set(index, failure);
        hooks.onLine(line);
      } else if (look.state === 'active') {
        running += 1;
        // Read again for the progress its worker reported (few jobs: one round trip each is cheap).
        const job = (await queue.getJob(repeatJobId(plan.name, index))) ?? look.job;
        if (!started.has(index)) {
          started.add(index);
          hooks.onLine(`${what} started on ${job.processedBy ?? 'a worker'}`);
        }
        const p = job.progress as Partial<TrialProgress> | number;
        if (typeof p === 'object' && typeof p.step === 'number' && (p.total ?? 0) > 0)
          progress.push({ index: seedOf(index), fraction: p.step / (p.total ?? 1) });
      } else waiting += 1;
    }
    const file = await save(
      returned.length + failed.size < plan.count
        ? 'running'
        : returned.length > 0
          ? 'finished'
          : 'failed',
    );
    const best = file.repeats?.seeds.reduce<{ accuracy: number; index: number } | null>(
      (b, s) =>
        Number.isFinite(s.accuracy) && (b === null || s.accuracy > b.accuracy)
          ? { accuracy: s.accuracy, index: s.seed }
          : b,
      null,
    );
    hooks.onCounts({
      total: plan.count,
      done: returned.length,
      running,
      waiting,
      failed: failed.size,
      best: best ?? null,
      progress,
    });
    if (file.status !== 'running') return { file, failed: failed.size, message: null };
    await wait.sleep();
  }
}
