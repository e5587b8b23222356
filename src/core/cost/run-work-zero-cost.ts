/** The work of a zero-cost run (engine zero-cost/runner.ts): scoring the architectures with the proxy, then training and scoring the top k. */
import type { ZeroCostStrategySpec } from '../experiment/spec';
import { PROXY_NAMES } from '../proxies/names';
import { zeroCostScoredCount } from '../proxies/zero-cost-plan';
import type { SearchSpaceSpec } from '../search-space/types';
import {
  calibrationExamples,
  items,
  stepsPerEpoch,
  type RunWork,
  type SplitSizes,
} from './work-units';

/**
 * A zero-cost run: each scored architecture counted as one subnet step (a forward and backward
 * pass on one mini-batch, what synflow, snip and grad_norm do; grasp and jacob_cov take a few
 * more), then per trained architecture its stand-alone training and three calibrated scorings
 * (as a multi-trial trial), and every proxy on it (one subnet step each).
 */
export function zeroCostWork(
  space: SearchSpaceSpec,
  s: ZeroCostStrategySpec,
  splits: SplitSizes,
): RunWork {
  const scored = zeroCostScoredCount(space, s.architectures);
  const trained = Math.min(scored, s.topK);
  const steps = stepsPerEpoch(splits.train, s.batchSize);
  const calibration = calibrationExamples(splits.train, s.batchSize, s.calibrationBatches);
  return items([
    { phase: 'scoring', unit: 'subnetStep', count: scored + trained * PROXY_NAMES.length },
    { phase: 'training', unit: 'subnetStep', count: trained * s.epochs * steps },
    {
      phase: 'evaluation',
      unit: 'subnetExample',
      count: trained * (3 * calibration + 2 * splits.valid + splits.test),
    },
  ]);
}
