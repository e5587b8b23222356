/**
 * The work of a GDAS run (engine gdas/): its steps on sampled paths, then the evaluations and
 * collapse diagnostics it shares with DARTS.
 */
import type { GdasStrategySpec } from '../experiment/spec';
import type { SearchSpaceSpec } from '../search-space/types';
import { diagnostics, evaluation } from './run-work-darts';
import {
  items,
  stepsPerEpoch,
  type EngineWorkSettings,
  type RunWork,
  type SplitSizes,
} from './work-units';

/**
 * Everything a GDAS run of `s` on `space` does, on splits of `splits` examples. A step runs one
 * sampled op per edge, so it is counted in path steps: the weight step on a training batch, and
 * after the warm-up the alpha gradient on a validation batch through another sampled path (counted
 * as a second path step: a forward and backward through one op per edge).
 */
export function gdasWork(
  space: SearchSpaceSpec,
  s: GdasStrategySpec,
  splits: SplitSizes,
  engine: EngineWorkSettings,
): RunWork {
  const steps = stepsPerEpoch(splits.train, s.batchSize);
  const searched = Math.max(0, s.epochs - s.warmupEpochs) * steps;
  return items([
    { phase: 'training', unit: 'pathStep', count: s.epochs * steps + searched },
    ...evaluation(s, splits),
    ...diagnostics(space, s, splits, engine),
  ]);
}
