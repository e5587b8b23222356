/**
 * The work a run does, counted from its spec before it runs: how many units of each kind (a
 * supernet weight step, an alpha gradient, an example through the supernet, ...) each phase takes.
 * The engine's probe times one unit of each kind on the device, and the product is the expected
 * run time (run-estimate.ts). The units are named in work-units.ts; per-strategy counts live in
 * run-work-darts.ts and run-work-discrete.ts.
 *
 * What every count simplifies: a unit costs the same wherever it occurs (an epoch's last, shorter
 * batch counts as a whole one; evaluation is counted per example, whatever its batch size; a
 * path's or subnet's cost is the median over a few sampled ones); host work between units (events,
 * genotype derivation, checkpoints) and building networks are not counted; and a run is counted
 * to its full budget: DARTS+ may stop it early, the Hessian iteration may converge in fewer
 * products, and a search may run out of new subnets.
 */
import { datasetInput } from '../data/load';
import { splitCounts } from '../data/split';
import type { ExperimentSpec, StrategyKind, StrategySpec } from '../experiment/spec';
import { forKind } from '../strategy/registry';
import { latencyKeys } from './latency';
import { dartsWork } from './run-work-darts';
import { gdasWork } from './run-work-gdas';
import { multiTrialWork, sposWork } from './run-work-discrete';
import type { RunWork, SplitSizes, WorkContext } from './work-units';
import { zeroCostWork } from './run-work-zero-cost';

/** The split sizes a spec's dataset gives (samples rounded down, as the loader does). */
export function specSplits(spec: ExperimentSpec): SplitSizes {
  const d = spec.dataset;
  return splitCounts(Math.floor(d.samples), d.trainFraction, d.validFraction);
}

/** Entries of the space's latency table (every key it needs). */
export function latencyEntriesOf(spec: ExperimentSpec): number {
  const { input, classes } = datasetInput(spec.dataset);
  return latencyKeys(spec.space, input, classes).length;
}

/** Counts the work of a run of one strategy kind on `splits`. */
type WorkOf = (
  s: StrategySpec,
  spec: ExperimentSpec,
  splits: SplitSizes,
  context: WorkContext,
) => RunWork;

/** The latency-table entries a run measures: the context's count, or every key of the space. */
function latencyOf(spec: ExperimentSpec, context: WorkContext): number {
  return context.latencyEntries ?? latencyEntriesOf(spec);
}

/** Each strategy kind's work count (a new strategy adds its row; a missing kind fails to compile). */
const WORK: Readonly<Record<StrategyKind, WorkOf>> = {
  darts: forKind('darts', (s, spec: ExperimentSpec, splits: SplitSizes, context: WorkContext) =>
    dartsWork(spec.space, s, splits, context.engine),
  ),
  gdas: forKind('gdas', (s, spec: ExperimentSpec, splits: SplitSizes, context: WorkContext) =>
    gdasWork(spec.space, s, splits, context.engine),
  ),
  'pc-darts': forKind(
    'pc-darts',
    // A PC-DARTS step does at most a DARTS step's work (a quarter of the channels through the ops).
    (s, spec: ExperimentSpec, splits: SplitSizes, context: WorkContext) =>
      dartsWork(spec.space, s, splits, context.engine),
  ),
  spos: forKind('spos', (s, spec: ExperimentSpec, splits: SplitSizes, context: WorkContext) =>
    sposWork(spec.space, s, splits, latencyOf(spec, context), context.engine),
  ),
  'multi-trial': forKind(
    'multi-trial',
    (s, spec: ExperimentSpec, splits: SplitSizes, context: WorkContext) =>
      multiTrialWork(spec.space, s, splits, latencyOf(spec, context), context.engine),
  ),
  'zero-cost': forKind('zero-cost', (s, spec: ExperimentSpec, splits: SplitSizes) =>
    zeroCostWork(spec.space, s, splits),
  ),
};

/** The work of running `spec` to its end (see the module comment for what is simplified). Call it on a valid spec. */
export function runWork(spec: ExperimentSpec, context: WorkContext): RunWork {
  return WORK[spec.strategy.kind](spec.strategy, spec, specSplits(spec), context);
}
