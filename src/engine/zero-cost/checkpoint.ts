/**
 * Checkpoints of a zero-cost run: no tensors, the proxy scores taken so far (in scoring order), and
 * the architectures trained stand-alone so far (their trial memos and every proxy's scores). A
 * resumed run scores from the next architecture on and answers the trained ones from it.
 */
import { PROXY_NAMES } from '../../core/proxies/names';
import type { RunCheckpoint, TrialMemo } from '../../core/run/checkpoint';
import type { RunEvent } from '../../core/run/protocol';
import { checkpointMismatch, makeCheckpoint, NO_TENSORS, writeTensors } from '../checkpoint';

/** Where a zero-cost run stands: what its checkpoints carry. */
export interface ZeroCostLog {
  /** The chosen proxy's score of each architecture scored so far. */
  readonly scores: number[];
  /** The trained architectures so far, and every proxy's scores of each (PROXY_NAMES order). */
  readonly trained: TrialMemo[];
  readonly trainedProxies: Float64Array[];
  /** Weight steps done across the trained architectures. */
  step: number;
  activeMs: number;
}

/** An empty log, or the log `resume` carries. */
export function createZeroCostLog(resume?: RunCheckpoint): ZeroCostLog {
  return {
    scores: resume?.zeroCost ? Array.from(resume.zeroCost.scores) : [],
    trained: [...(resume?.trials ?? [])],
    trainedProxies: resume?.zeroCost ? resume.zeroCost.trainedProxies.map((p) => p.slice()) : [],
    step: resume?.step ?? 0,
    activeMs: resume?.activeMs ?? 0,
  };
}

/** The 'checkpoint' event of a zero-cost run standing at `log` (epoch = architectures trained). */
export function zeroCostCheckpoint(log: ZeroCostLog): RunEvent {
  const checkpoint: RunCheckpoint = {
    ...makeCheckpoint('zero-cost', {
      step: log.step,
      epoch: log.trained.length,
      activeMs: log.activeMs,
      trials: log.trained,
      latency: null,
    }),
    zeroCost: {
      scores: Float64Array.from(log.scores),
      trainedProxies: log.trainedProxies.map((p) => p.slice()),
    },
  };
  return { type: 'checkpoint', checkpoint };
}

/**
 * Throws a plain message unless `c` fits a zero-cost run that scores `total` architectures and
 * trains `k`: no tensors, at most `total` scores, trained architectures only once all are scored,
 * at most `k` of them, each with every proxy's scores, and `step` the sum of their steps.
 */
export function requireZeroCostCheckpoint(c: RunCheckpoint, total: number, k: number): void {
  writeTensors(NO_TENSORS, c);
  const memo = c.zeroCost;
  if (memo === undefined) throw checkpointMismatch('it carries no proxy scores.');
  const scored = memo.scores.length;
  const trained = c.trials.length;
  const steps = c.trials.reduce((n, m) => n + m.steps, 0);
  if (
    scored > total ||
    (trained > 0 && scored !== total) ||
    trained > k ||
    trained !== c.epoch ||
    memo.trainedProxies.length !== trained ||
    memo.trainedProxies.some((p) => p.length !== PROXY_NAMES.length) ||
    steps !== c.step
  )
    throw checkpointMismatch(
      `it records ${scored} scored and ${trained} trained architecture(s) at step ${c.step}, and this run scores ${total} and trains ${k}.`,
    );
}
