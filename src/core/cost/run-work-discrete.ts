/**
 * The work of the discrete-search runs (engine spos/runner.ts, multi-trial/runner.ts): training,
 * the latency table, scoring every candidate, timing a few whole subnets, and the final scores.
 */
import type { MultiTrialStrategySpec, SposStrategySpec } from '../experiment/spec';
import { spaceSize } from '../search-space/size';
import type { SearchSpaceSpec } from '../search-space/types';
import {
  calibrationExamples,
  items,
  stepsPerEpoch,
  type EngineWorkSettings,
  type RunWork,
  type SplitSizes,
  type WorkItem,
} from './work-units';

/** `budget` candidates, but no more than the space has distinct subnets (searches never evaluate one twice). */
function distinctCandidates(space: SearchSpaceSpec, budget: number): number {
  const size = spaceSize(space);
  return size < BigInt(budget) ? Number(size) : budget;
}

/** Candidates a SPOS search scores: generations x population for evolution, the samples for random search. */
export function sposCandidates(space: SearchSpaceSpec, s: SposStrategySpec): number {
  return distinctCandidates(
    space,
    s.search === 'random' ? s.samples : s.generations * s.population,
  );
}

/** Validation examples each SPOS candidate is scored on: the fixed subset of `validSubset`, or the whole split when it is no larger. */
export function sposScoredExamples(s: SposStrategySpec, valid: number): number {
  return Math.min(s.validSubset, valid);
}

/** Measuring the latency table's `entries`. */
function latency(entries: number): WorkItem {
  return { phase: 'latency', unit: 'latencyEntry', count: entries };
}

/** Timing up to `checked` of the `candidates` evaluated subnets end to end. */
function check(checked: number, candidates: number): WorkItem {
  return { phase: 'check', unit: 'subnetTiming', count: Math.min(checked, candidates) };
}

/**
 * A SPOS run: one single-path step per training step; the latency table (`latencyEntries` to
 * measure); per candidate, BatchNorm calibration on the run's calibration batches and a forward
 * pass over its validation examples; the check; and the best subnet scored on all three splits,
 * each after its own calibration.
 */
export function sposWork(
  space: SearchSpaceSpec,
  s: SposStrategySpec,
  splits: SplitSizes,
  latencyEntries: number,
  engine: EngineWorkSettings,
): RunWork {
  const steps = stepsPerEpoch(splits.train, s.batchSize);
  const candidates = sposCandidates(space, s);
  const calibration = calibrationExamples(splits.train, s.batchSize, s.calibrationBatches);
  const scored = sposScoredExamples(s, splits.valid);
  return items([
    { phase: 'training', unit: 'pathStep', count: s.epochs * steps },
    latency(latencyEntries),
    { phase: 'scoring', unit: 'subnetExample', count: candidates * (calibration + scored) },
    check(engine.checkedSubnets, candidates),
    {
      phase: 'evaluation',
      unit: 'subnetExample',
      count: 3 * calibration + splits.train + splits.valid + splits.test,
    },
  ]);
}

/**
 * A multi-trial run: the latency table, then per trial a subnet trained from scratch for `epochs`
 * (its steps timed on the supernet's path of a sampled genotype: the stand-alone network runs the
 * same ops, with affine BatchNorm) and scored three times, each after calibration: on the validation split before and
 * after training and on the test split; then the check. Evolution with a zero-cost warm-up first
 * scores its pool (capped by the space's size), one subnet step per score as a zero-cost run counts.
 */
export function multiTrialWork(
  space: SearchSpaceSpec,
  s: MultiTrialStrategySpec,
  splits: SplitSizes,
  latencyEntries: number,
  engine: EngineWorkSettings,
): RunWork {
  const steps = stepsPerEpoch(splits.train, s.batchSize);
  const trials = distinctCandidates(space, s.trials);
  const calibration = calibrationExamples(splits.train, s.batchSize, s.calibrationBatches);
  const pool =
    s.search === 'evolution' && s.warmupProxy !== 'none'
      ? distinctCandidates(space, s.warmupPool)
      : 0;
  return items([
    latency(latencyEntries),
    { phase: 'scoring', unit: 'subnetStep', count: pool },
    { phase: 'training', unit: 'subnetStep', count: trials * s.epochs * steps },
    {
      phase: 'scoring',
      unit: 'subnetExample',
      count: trials * (3 * calibration + 2 * splits.valid + splits.test),
    },
    check(engine.checkedSubnets, trials),
  ]);
}
