/**
 * The work of a DARTS run (engine darts/: runner.ts, loop.ts, trainer.ts; diagnostics/, selection/):
 * its search steps, its evaluations, the collapse diagnostics after every epoch and, when chosen,
 * perturbation-based selection.
 */
import { DARTS_CALIBRATION_BATCHES } from '../experiment/defaults';
import type { DartsSettings, DartsStrategySpec } from '../experiment/spec';
import type { CellSpec, SearchSpaceSpec } from '../search-space/types';
import { selectionCount } from './selection-count';
import {
  calibrationExamples,
  items,
  stepsPerEpoch,
  type EngineWorkSettings,
  type RunWork,
  type SplitSizes,
  type WorkItem,
} from './work-units';

/** Alphas of one searched cell as the engine stores them: edges x the widest op list (padding included). */
function cellAlphas(cell: CellSpec): number {
  return cell.edges.length * Math.max(1, ...cell.edges.map((e) => e.ops.length));
}

/** Every alpha of the supernet: the Lanczos iteration takes at most this many products. */
export function alphaCount(space: SearchSpaceSpec): number {
  return cellAlphas(space.normal) + (space.reduce ? cellAlphas(space.reduce) : 0);
}

/**
 * The search itself. A step after the warm-up is a first-order search step (the architect's alpha
 * step on a validation batch, then the weight step); second order (darts.ts) adds two
 * weight-sized gradients (the training gradient for the unrolled weights, and the validation
 * gradient in weights and alphas at them, each counted as a weight step) and one more alpha
 * gradient (the finite-difference Hessian-vector product takes two at w ± ε, where first order
 * takes one). A warm-up step is a weight step alone.
 */
function searchSteps(s: DartsSettings, steps: number): WorkItem[] {
  const searched = Math.max(0, s.epochs - s.warmupEpochs) * steps;
  const warmup = Math.min(s.warmupEpochs, s.epochs) * steps;
  const second = s.order === 2 ? searched : 0;
  return [
    { phase: 'training', unit: 'searchStep', count: searched },
    { phase: 'training', unit: 'weightStep', count: warmup + 2 * second },
    { phase: 'training', unit: 'alphaPass', count: second },
  ];
}

/**
 * Evaluation: the validation split after every epoch, then the training and test splits at the end
 * (the last epoch's validation score is reused), all through the supernet; then the magnitude-
 * derived cell scored with inherited weights on the validation split after BatchNorm calibration.
 */
export function evaluation(
  s: Pick<DartsStrategySpec, 'epochs' | 'batchSize'>,
  splits: SplitSizes,
): WorkItem[] {
  const calibration = calibrationExamples(splits.train, s.batchSize, DARTS_CALIBRATION_BATCHES);
  return [
    {
      phase: 'evaluation',
      unit: 'supernetExample',
      count: s.epochs * splits.valid + splits.train + splits.test,
    },
    { phase: 'evaluation', unit: 'subnetExample', count: calibration + splits.valid },
  ];
}

/**
 * Collapse diagnostics after every epoch past the warm-up: the dominant Hessian eigenvalue from up
 * to `hessianProducts` Hessian-vector products (counted at the most; Lanczos may stop sooner), each
 * two alpha gradients over the fixed validation sample in batches of the run's batch size.
 */
export function diagnostics(
  space: SearchSpaceSpec,
  s: Pick<DartsStrategySpec, 'epochs' | 'batchSize' | 'warmupEpochs'>,
  splits: SplitSizes,
  engine: EngineWorkSettings,
): WorkItem[] {
  const sample = Math.min(engine.hessianExamples, splits.valid);
  const batches = Math.ceil(sample / s.batchSize);
  const products = Math.min(engine.hessianProducts, alphaCount(space));
  const epochs = Math.max(0, s.epochs - s.warmupEpochs);
  return [{ phase: 'diagnostics', unit: 'alphaPass', count: epochs * products * 2 * batches }];
}

/**
 * Perturbation-based selection (selection/perturbation.ts): one validation pass through the
 * supernet per decision and per masked candidate; between rounds, `tuneEpochs` epochs of tuning
 * steps (a weight step each, with an alpha gradient first while edge decisions remain); then the
 * selected cell scored as the derived one is (counted even when it equals the derived cell, which
 * is then not scored again).
 */
function selection(
  space: SearchSpaceSpec,
  s: DartsSettings,
  splits: SplitSizes,
  steps: number,
): WorkItem[] {
  if (s.selection !== 'perturbation') return [];
  const c = selectionCount(space);
  const rounds = c.opRounds + c.nodeRounds;
  const tune = s.tuneEpochs * steps;
  const calibration = calibrationExamples(splits.train, s.batchSize, DARTS_CALIBRATION_BATCHES);
  return [
    { phase: 'selection', unit: 'supernetExample', count: c.passes * splits.valid },
    { phase: 'selection', unit: 'weightStep', count: Math.max(0, rounds - 1) * tune },
    { phase: 'selection', unit: 'alphaPass', count: Math.max(0, c.opRounds - 1) * tune },
    { phase: 'selection', unit: 'subnetExample', count: calibration + splits.valid },
  ];
}

/** Everything a DARTS run of `s` on `space` does, on splits of `splits` examples. */
export function dartsWork(
  space: SearchSpaceSpec,
  s: DartsSettings,
  splits: SplitSizes,
  engine: EngineWorkSettings,
): RunWork {
  const steps = stepsPerEpoch(splits.train, s.batchSize);
  return items([
    ...searchSteps(s, steps),
    ...evaluation(s, splits),
    ...diagnostics(space, s, splits, engine),
    ...selection(space, s, splits, steps),
  ]);
}
