/**
 * Checkpoints of a multi-trial run: no tensors, only the trials finished so far (in evaluation
 * order) and the latency table. A resumed run replays its search and answers the finished trials
 * from the checkpoint instead of training them again.
 */
import type { LatencyTable } from '../../core/cost/latency';
import type { RunCheckpoint, TrialMemo } from '../../core/run/checkpoint';
import type { RunEvent } from '../../core/run/protocol';
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
}

/** An empty log, replaying the trials of `resume` when given. */
export function createTrialLog(resume?: RunCheckpoint): TrialLog {
  return {
    scores: new Map(),
    memos: [],
    replay: resume?.trials ?? [],
    step: 0,
    done: 0,
    activeMs: resume?.activeMs ?? 0,
    table: null,
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
  return { type: 'checkpoint', checkpoint };
}

/**
 * The search's onEvaluated hook: for a trial past the replayed ones, a 'subnet' (evaluation
 * 'standalone'), 'progress' through the `total` trials and a 'checkpoint'; nothing for a replayed one.
 */
export function reportTrial(
  log: TrialLog,
  total: number,
  emit: Emit,
): (r: EvaluatedRecord) => void {
  return (r: EvaluatedRecord): void => {
    if (log.done <= log.replay.length) return;
    emit({ type: 'subnet', record: subnetRecord(r, 'standalone') });
    emit({ type: 'progress', phase: 'search', done: log.done, total });
    emit(trialsCheckpoint(log));
  };
}

/**
 * Throws a plain message unless `c` fits a multi-trial run of `trials` trials: no tensors, one
 * memo per trial done, at most `trials` of them, and `step` the sum of their steps.
 */
export function requireTrialsCheckpoint(c: RunCheckpoint, trials: number): void {
  writeTensors(NO_TENSORS, c);
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
