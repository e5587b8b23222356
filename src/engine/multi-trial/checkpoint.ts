/**
 * Checkpoints of a multi-trial run: no tensors, only the trials finished so far (in evaluation
 * order), the latency table and, with a zero-cost warm-up, its pool's scores so far. A resumed run
 * replays its search and answers the finished trials (and the scored pool members) from the
 * checkpoint instead of training (scoring) them again.
 */
import type { LatencyTable } from '../../core/cost/latency';
import type { RunCheckpoint, TrialMemo } from '../../core/run/checkpoint';
import type { RunEvent, SubnetRecord } from '../../core/run/protocol';
import type { EvaluatedRecord } from '../../core/strategies/types';
import { checkpointMismatch, makeCheckpoint, NO_TENSORS, writeTensors } from '../checkpoint';
import { subnetRecord } from '../search-latency';
import type { StandaloneResult } from '../standalone';
import type { Emit } from '../step-gate';
import type { SubnetScore } from '../subnet-eval';

/** What a trial leaves behind: its validation and test scores. */
export interface TrialScores {
  readonly valid: SubnetScore;
  readonly test: SubnetScore;
}

/** The memo of a finished trial of genotype `key`. */
export function trialMemo(key: string, r: StandaloneResult): TrialMemo {
  return {
    key,
    steps: r.steps,
    trainLoss: r.trainLoss,
    validAcc: r.valid.accuracy,
    validLoss: r.valid.loss,
    testAcc: r.test.accuracy,
    testLoss: r.test.loss,
  };
}

/** The scores a memo stands for. */
export function memoScores(m: TrialMemo): TrialScores {
  return {
    valid: { accuracy: m.validAcc, loss: m.validLoss },
    test: { accuracy: m.testAcc, loss: m.testLoss },
  };
}

/** The finished trials of a run and where it stands: what its checkpoints carry. */
export interface TrialLog {
  /** Validation and test scores of each trained subnet, by genotype key. */
  readonly scores: Map<string, TrialScores>;
  /** Finished trials in evaluation order; the first `replay.length` come from the resumed checkpoint. */
  readonly memos: TrialMemo[];
  readonly replay: readonly TrialMemo[];
  /** Weight steps done across trials (the current one included), and trials finished. */
  step: number;
  done: number;
  activeMs: number;
  /** The latency table the search prices subnets with. */
  table: LatencyTable | null;
  /** The warm-up proxy's scores of the pool so far, in pool order; null for a run without a warm-up. */
  readonly warmup: number[] | null;
}

/** An empty log (with an empty warm-up when `warmup`), replaying the trials and warm-up scores of `resume` when given. */
export function createTrialLog(resume: RunCheckpoint | undefined, warmup: boolean): TrialLog {
  return {
    scores: new Map(),
    memos: [],
    replay: resume?.trials ?? [],
    step: 0,
    done: 0,
    activeMs: resume?.activeMs ?? 0,
    table: null,
    warmup: warmup ? Array.from(resume?.warmup?.scores ?? []) : null,
  };
}

/** Counts a finished trial: its memo and scores, the steps and trials done. */
export function recordTrial(log: TrialLog, memo: TrialMemo): void {
  log.step += memo.steps;
  log.done += 1;
  log.memos.push(memo);
  log.scores.set(memo.key, memoScores(memo));
}

/** The 'checkpoint' event of a multi-trial run standing at `log` (epoch = trials finished). */
export function trialsCheckpoint(log: TrialLog): RunEvent {
  const checkpoint = makeCheckpoint('multi-trial', {
    step: log.step,
    epoch: log.memos.length,
    activeMs: log.activeMs,
    trials: log.memos,
    latency: log.table,
  });
  if (log.warmup === null) return { type: 'checkpoint', checkpoint };
  return {
    type: 'checkpoint',
    checkpoint: { ...checkpoint, warmup: { scores: Float64Array.from(log.warmup) } },
  };
}

/**
 * The search's onEvaluated hook: for a trial past the replayed ones, a 'subnet' (evaluation
 * 'standalone', with the proxy scores `proxies` gives for its key, e.g. a warm-up member's),
 * 'progress' through the `total` trials and a 'checkpoint'; nothing for a replayed one.
 */
export function reportTrial(
  log: TrialLog,
  total: number,
  emit: Emit,
  proxies: (key: string) => SubnetRecord['proxies'] = () => undefined,
): (r: EvaluatedRecord) => void {
  return (r: EvaluatedRecord): void => {
    if (log.done <= log.replay.length) return;
    const scores = proxies(r.key);
    const record = subnetRecord(r, 'standalone');
    emit({
      type: 'subnet',
      record: scores === undefined ? record : { ...record, proxies: scores },
    });
    emit({ type: 'progress', phase: 'search', done: log.done, total });
    emit(trialsCheckpoint(log));
  };
}

/**
 * Throws a plain message unless `c` fits a multi-trial run of `trials` trials, with a warm-up or
 * not: no tensors, one memo per trial done, at most `trials` of them, `step` the sum of their
 * steps, and warm-up scores exactly when the run has a warm-up.
 */
export function requireTrialsCheckpoint(c: RunCheckpoint, trials: number, warmup: boolean): void {
  writeTensors(NO_TENSORS, c);
  if (warmup !== (c.warmup !== undefined))
    throw checkpointMismatch(
      warmup
        ? 'it carries no warm-up scores, and this run starts evolution from a zero-cost warm-up.'
        : 'it carries warm-up scores, and this run has no zero-cost warm-up.',
    );
  const steps = c.trials.reduce((n, m) => n + m.steps, 0);
  if (c.trials.length !== c.epoch || c.trials.length > trials || steps !== c.step)
    throw checkpointMismatch(
      `it records ${c.trials.length} finished trial(s) of ${steps} step(s) at trial ${c.epoch}, step ${c.step}, and this run has ${trials} trial(s).`,
    );
}

/**
 * The memo answering trial `index` (0-based) of a replayed search, or null once past the
 * checkpoint's trials; throws when the search proposes another subnet than the checkpoint trained.
 */
export function replayedTrial(
  memos: readonly TrialMemo[],
  index: number,
  key: string,
): TrialMemo | null {
  const m = memos[index];
  if (m === undefined) return null;
  if (m.key !== key)
    throw checkpointMismatch(
      `its trial ${index + 1} trained ${m.key}, and this run's search now proposes ${key}.`,
    );
  return m;
}

/**
 * Throws a plain message unless the warm-up scores of `c` fit a pool of `pool` members: at most
 * `pool` of them, and all of them once a trial is done (trials start after the warm-up).
 */
export function requireWarmupCheckpoint(c: RunCheckpoint, pool: number): void {
  const scored = c.warmup?.scores.length ?? 0;
  if (scored > pool || (c.trials.length > 0 && scored !== pool))
    throw checkpointMismatch(
      `it records ${scored} warm-up score(s) and ${c.trials.length} trial(s), and this run's warm-up pool holds ${pool}.`,
    );
}
