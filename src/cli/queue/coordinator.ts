/**
 * The coordinator of a queued search: puts its trials on the queue as BullMQ jobs (one id per
 * trial, so putting one twice is harmless), follows them until every trial has returned or
 * failed for good, proposes aging evolution's children as results return, and rewrites the run
 * file after every change. Started again with the same name, it picks up the trials the partial
 * run file and the queue already hold and carries on.
 */
import type { Job, Queue } from 'bullmq';
import { createRng } from '../../core/random';
import type { RunFile } from '../../core/export/run-file';
import {
  agingChild,
  agingPopulation,
  emptyBook,
  randomProposals,
  trialRng,
} from '../../core/strategies/async-proposals';
import { genotypeKey } from '../../core/strategies/genotype-key';
import {
  arrivedRecords,
  bestTrial,
  createSearchBook,
  isSettled,
  searchRunFile,
  type Proposal,
} from './search-book';
import { canonicalJson, type SearchPlan } from './search-plan';
import { TRIAL_JOB_OPTIONS, type QueueAddress } from './queue-config';
import {
  CoordinatorError,
  failureOf,
  jobTiming,
  lookAtJobs,
  pct,
  withQueueSession,
  writeWhole,
  type QueueWait,
} from './queue-session';
import { readTrialJob, readTrialResult, trialJobId, type TrialJobData } from './trial-job';

/** Where the search stands, for the live line. */
export interface SearchCounts {
  readonly total: number;
  readonly done: number;
  readonly running: number;
  readonly waiting: number;
  readonly failed: number;
  /** The best validation accuracy so far and its trial, or null. */
  readonly best: { readonly accuracy: number; readonly index: number } | null;
  /** How far each running job has got as its worker reports it (repeats: by seed), if followed. */
  readonly progress?: readonly { readonly index: number; readonly fraction: number }[];
}

/** What the coordinator tells its caller as the search goes. */
export interface CoordinatorHooks {
  onCounts(counts: SearchCounts): void;
  /** A plain line: a trial returned, failed, or was retried. */
  onLine(line: string): void;
}

/** How a coordinated search ended. */
export interface SearchOutcome {
  readonly file: RunFile;
  /** Trials that failed every attempt. */
  readonly failed: number;
  /** Set when the search ended early (the space ran out of new subnets). */
  readonly message: string | null;
}

/**
 * Runs the search of `plan` on the queue at `address`, writing the run file to `outPath` after
 * every change; `partial` is the run file an earlier coordinator of the same search left (its
 * returned trials are kept). Throws (with a plain message) when the queue is lost or holds
 * another experiment under this name.
 */
export async function coordinateSearch(
  plan: SearchPlan,
  address: QueueAddress,
  outPath: string,
  partial: RunFile | null,
  hooks: CoordinatorHooks,
): Promise<SearchOutcome> {
  return withQueueSession(address, (queue, wait) =>
    follow(plan, queue, outPath, partial, hooks, wait),
  );
}

/** The job data of proposal `p`. */
function jobOf(plan: SearchPlan, p: Proposal): TrialJobData {
  return {
    search: plan.name,
    index: p.index,
    spec: plan.spec,
    genotype: p.genotype,
    key: p.key,
    training: plan.training(p.key),
  };
}

/** The loop: resume, put the missing trials on the queue, then follow them to the end. */
async function follow(
  plan: SearchPlan,
  queue: Queue,
  outPath: string,
  partial: RunFile | null,
  hooks: CoordinatorHooks,
  wait: QueueWait,
): Promise<SearchOutcome> {
  const book = createSearchBook(plan, partial?.startedAt ?? new Date().toISOString());
  const proposalBook = emptyBook();
  const specText = canonicalJson(plan.spec);
  const propose = (p: Proposal): void => {
    book.proposals.set(p.index, p);
    proposalBook.taken.add(p.key);
  };
  // The proposals that do not depend on results: random search's all, evolution's first population.
  const rng = createRng(plan.spec.seed).fork();
  const first =
    plan.kind === 'front'
      ? plan.fixed
      : randomProposals(
          plan.spec.space,
          plan.kind === 'random' ? plan.total : Math.min(plan.population, plan.total),
          rng,
          proposalBook,
          plan.rules,
        ).map((c) => ({ ...c, origin: 'random' as const, generation: 0 }));
  first.forEach((c, index) => propose({ ...c, index }));
  let ended: string | null =
    first.length < Math.min(plan.total, plan.kind === 'evolution' ? plan.population : plan.total)
      ? `The space ran out of new subnets meeting the constraints after ${first.length}.`
      : null;
  // Children an earlier coordinator proposed live only in the queue: read them back in order.
  const jobs = new Map<number, Job>();
  for (let index = 0; ; index++) {
    const job = await queue.getJob(trialJobId(plan.name, index));
    if (job === undefined) {
      if (index >= first.length) break;
      continue;
    }
    const data = readTrialJob(job.data);
    if ('problem' in data || canonicalJson(data.spec) !== specText)
      throw new CoordinatorError(
        `The queue already holds a search named "${plan.name}" of another experiment; choose another --name.`,
      );
    jobs.set(index, job);
    if (!book.proposals.has(index)) {
      if (plan.kind !== 'evolution' || index < first.length)
        throw new CoordinatorError(
          `The queue's trial ${index} of "${plan.name}" is not this search's.`,
        );
      propose({
        genotype: data.genotype,
        key: genotypeKey(plan.spec.space, data.genotype),
        cost: plan.rules.cost(data.genotype),
        origin: 'mutation',
        generation: index - first.length + 1,
        index,
      });
    }
  }
  // Trials the partial run file already holds, in the order they returned.
  for (const t of partial?.queue?.trials ?? []) {
    const p = book.proposals.get(t.index);
    if (p !== undefined && p.key === t.key && !isSettled(book, t.index)) book.arrived.push(t);
  }
  const resumed = book.arrived.length;
  // Put on the queue every proposed trial that is neither settled nor queued.
  const enqueue = async (ps: readonly Proposal[]): Promise<void> => {
    const missing = ps.filter((p) => !isSettled(book, p.index) && !jobs.has(p.index));
    if (missing.length === 0) return;
    const added = await queue.addBulk(
      missing.map((p) => ({
        name: `trial ${p.index}`,
        data: jobOf(plan, p),
        opts: { ...TRIAL_JOB_OPTIONS, jobId: trialJobId(plan.name, p.index) },
      })),
    );
    added.forEach((job, i) => {
      const p = missing[i];
      if (p !== undefined) jobs.set(p.index, job);
    });
  };
  const found = jobs.size;
  await enqueue([...book.proposals.values()]);
  if (resumed > 0 || found > 0)
    hooks.onLine(
      `search "${plan.name}": ${book.arrived.length} of ${plan.total} trial(s) already returned, ${found} found on the queue`,
    );
  // Evolution: once the first population has returned, keep `population` trials in flight.
  const topUp = async (): Promise<void> => {
    const settled = book.arrived.length + book.failed.size;
    if (plan.kind !== 'evolution' || ended !== null || settled < first.length) return;
    const fresh: Proposal[] = [];
    while (book.proposals.size < plan.total && book.proposals.size - settled < plan.population) {
      const index = book.proposals.size;
      const population = agingPopulation(arrivedRecords(book), plan.population);
      if (population.length === 0) {
        ended = 'No trial of the first population returned, so evolution has nothing to mutate.';
        break;
      }
      const c = agingChild(
        plan.spec.space,
        population,
        plan.sample,
        trialRng(plan.spec.seed, index),
        proposalBook,
        plan.rules,
      );
      if (c === null) {
        ended = `The space ran out of new subnets meeting the constraints after ${index} trial(s).`;
        break;
      }
      const p: Proposal = { ...c, origin: 'mutation', generation: index - first.length + 1, index };
      propose(p);
      fresh.push(p);
    }
    await enqueue(fresh);
  };
  await topUp();
  let written = '';
  const save = async (status: 'running' | 'finished' | 'failed'): Promise<RunFile> => {
    const file = searchRunFile(book, status);
    const text = JSON.stringify([file.status, file.queue]);
    if (text !== written) {
      await writeWhole(outPath, file);
      written = text;
    }
    return file;
  };
  for (;;) {
    const lost = wait.lost();
    if (lost !== null) throw lost;
    let running = 0;
    let waiting = 0;
    const open = [...jobs.entries()]
      .filter(([index]) => !isSettled(book, index))
      .sort((a, b) => a[0] - b[0]);
    for (const look of await lookAtJobs(queue, open, (i) => trialJobId(plan.name, i))) {
      const { index } = look;
      if (look.state === 'gone') {
        jobs.delete(index);
        const p = book.proposals.get(index);
        if (p !== undefined) await enqueue([p]);
        continue;
      }
      const { state, job: fresh } = look;
      if (state === 'completed') {
        const result = readTrialResult(fresh.returnvalue);
        const p = book.proposals.get(index);
        if (result === null || p === undefined || result.memo.key !== p.key) {
          book.failed.set(index, {
            index,
            key: p?.key ?? '',
            attempts: fresh.attemptsMade,
            reason: 'The worker returned no trial result.',
          });
          continue;
        }
        const m = result.memo;
        book.arrived.push({
          index,
          key: m.key,
          worker: result.worker,
          trainMs: result.trainMs,
          ...jobTiming(fresh),
          steps: m.steps,
          trainLoss: m.trainLoss,
          validAcc: m.validAcc,
          validLoss: m.validLoss,
          testAcc: m.testAcc,
          testLoss: m.testLoss,
        });
        hooks.onLine(
          `trial ${index} done by ${result.worker} in ${(result.trainMs / 1000).toFixed(1)} s: validation ${pct(m.validAcc)}`,
        );
      } else if (state === 'failed') {
        const { failure, line } = failureOf(
          fresh,
          index,
          book.proposals.get(index)?.key ?? '',
          `trial ${index}`,
        );
        book.failed.set(index, failure);
        hooks.onLine(line);
      } else if (state === 'active') running += 1;
      else waiting += 1;
    }
    await topUp();
    const best = bestTrial(book);
    hooks.onCounts({
      total: plan.total,
      done: book.arrived.length,
      running,
      waiting,
      failed: book.failed.size,
      best: best === null ? null : { accuracy: best.validAcc, index: best.index },
    });
    const settled = book.arrived.length + book.failed.size;
    const unsettled = book.proposals.size - settled;
    const finished = unsettled === 0 && (book.proposals.size >= plan.total || ended !== null);
    if (finished) {
      const file = await save(book.arrived.length > 0 ? 'finished' : 'failed');
      return { file, failed: book.failed.size, message: ended };
    }
    await save('running');
    await wait.sleep();
  }
}
