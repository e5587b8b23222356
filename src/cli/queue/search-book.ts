/**
 * The coordinator's ledger of a queued search: every trial proposed (by index), the ones that
 * returned (in arrival order) and the ones that failed; and the run file it stands for, which the
 * studio imports like any run: subnets in trial order, the most accurate as the result, one step
 * per returned trial, and the queue block saying who trained what, how long it took.
 */
import type {
  QueueFailure,
  QueueTrialRecord,
  RunFile,
  RunFileSource,
} from '../../core/export/run-file';
import { runFileOf } from '../../core/export/run-file';
import type { RunStatus, RunStep, SubnetRecord } from '../../core/run/protocol';
import { appendPoints, emptySeries } from '../../core/series/downsample';
import type { EvaluatedRecord } from '../../core/strategies/types';
import type { FixedCandidate, SearchPlan } from './search-plan';

/** A proposed trial. */
export type Proposal = FixedCandidate & { readonly index: number };

/** Everything the coordinator knows about its search. */
export interface SearchBook {
  readonly plan: SearchPlan;
  readonly proposals: Map<number, Proposal>;
  /** Returned trials in arrival order. */
  readonly arrived: QueueTrialRecord[];
  readonly failed: Map<number, QueueFailure>;
  readonly startedAt: string;
}

/** An empty book for `plan`. */
export function createSearchBook(plan: SearchPlan, startedAt: string): SearchBook {
  return { plan, proposals: new Map(), arrived: [], failed: new Map(), startedAt };
}

/** True when trial `index` has returned or failed. */
export function isSettled(book: SearchBook, index: number): boolean {
  return book.failed.has(index) || book.arrived.some((t) => t.index === index);
}

/** The evaluated record of a returned trial (its proposal must be known). */
export function evaluatedOf(book: SearchBook, t: QueueTrialRecord): EvaluatedRecord | null {
  const p = book.proposals.get(t.index);
  if (p === undefined) return null;
  return {
    genotype: p.genotype,
    key: p.key,
    accuracy: t.validAcc,
    params: p.cost.params,
    flops: p.cost.flops,
    generation: p.generation,
    origin: p.origin,
  };
}

/** The returned trials' records in arrival order (aging evolution's queue is fed in this order). */
export function arrivedRecords(book: SearchBook): EvaluatedRecord[] {
  return book.arrived.flatMap((t) => {
    const r = evaluatedOf(book, t);
    return r === null ? [] : [r];
  });
}

/** The most accurate returned trial (the lowest index among equals), or null. */
export function bestTrial(book: SearchBook): QueueTrialRecord | null {
  let best: QueueTrialRecord | null = null;
  const acc = (t: QueueTrialRecord) => (Number.isNaN(t.validAcc) ? -Infinity : t.validAcc);
  for (const t of [...book.arrived].sort((a, b) => a.index - b.index))
    if (best === null || acc(t) > acc(best)) best = t;
  return best;
}

/** The run file of the search as it stands; `status` is 'running' until every trial is settled. */
export function searchRunFile(book: SearchBook, status: RunStatus): RunFile {
  const byIndex = [...book.arrived].sort((a, b) => a.index - b.index);
  const subnets: SubnetRecord[] = byIndex.flatMap((t) => {
    const r = evaluatedOf(book, t);
    return r === null
      ? []
      : [
          {
            key: r.key,
            genotype: r.genotype,
            accuracy: r.accuracy,
            evaluation: 'standalone' as const,
            params: r.params,
            flops: r.flops,
            latencyMs: null,
            generation: r.generation,
            origin: r.origin,
          },
        ];
  });
  let step = 0;
  let elapsedMs = 0;
  const epochs = book.plan.training('').epochs;
  const steps: RunStep[] = book.arrived.map((t, i) => {
    step += t.steps;
    elapsedMs += t.trainMs;
    return {
      step,
      epoch: (i + 1) * epochs,
      trainLoss: t.trainLoss,
      trainAcc: Number.NaN,
      alphaLoss: Number.NaN,
      elapsedMs,
    };
  });
  const best = bestTrial(book);
  const bestProposal = best === null ? undefined : book.proposals.get(best.index);
  const source: RunFileSource = {
    spec: book.plan.spec,
    status,
    result:
      best === null || bestProposal === undefined
        ? null
        : {
            genotype: bestProposal.genotype,
            metrics: {
              trainAcc: Number.NaN,
              validAcc: best.validAcc,
              testAcc: best.testAcc,
              trainLoss: Number.NaN,
              validLoss: best.validLoss,
              testLoss: best.testLoss,
            },
          },
    subnets,
    steps: appendPoints(emptySeries<RunStep>(), steps),
    evals: emptySeries(),
    queue: {
      version: 1,
      name: book.plan.name,
      trials: book.arrived,
      failed: [...book.failed.values()].sort((a, b) => a.index - b.index),
    },
  };
  return runFileOf(source, { startedAt: book.startedAt, exportedAt: new Date().toISOString() });
}
