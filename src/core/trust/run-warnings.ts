/**
 * The warnings of a run's results: alphas still near uniform (DARTS), a derived cell or best subnet
 * near chance, and a large discretization gap. Computed from run state data only.
 */
import { capabilitiesOf } from '../strategy/registry';
import { hasAlphas } from '../strategy/capabilities';
import type { ExperimentSpec } from '../experiment/spec';
import type { AlphaSnapshot, SubnetRecord } from '../run/protocol';
import type { RunState } from '../run/state';
import { lastPoint } from '../series/downsample';
import type { CellRole } from '../search-space/types';
import { meanAlphaEntropy } from './alpha-entropy';
import { chanceOf, isNearChance } from './chance';
import { ALPHA_UNIFORM_ENTROPY, DISCRETIZATION_GAP } from './thresholds';
import type { TrustWarning } from './warning';
import { count, percent, points } from './words';

/** What the run warnings read of a run. */
export type TrustedRun = Pick<RunState, 'spec' | 'started' | 'alphas' | 'result' | 'subnets'>;

/** The alphas the results show: the final ones, else the latest snapshot of each cell. */
function shownAlphas(run: TrustedRun): AlphaSnapshot {
  if (run.result !== null && Object.keys(run.result.weights).length > 0) return run.result.weights;
  const out: AlphaSnapshot = {};
  for (const role of Object.keys(run.alphas) as CellRole[]) {
    const series = run.alphas[role];
    const last = series ? lastPoint(series) : null;
    if (last !== null) out[role] = last.weights;
  }
  return out;
}

/** The alphas-uniform warning when the mean normalised entropy of the shown alphas is above ALPHA_UNIFORM_ENTROPY. */
export function alphaWarning(run: TrustedRun): TrustWarning | null {
  const s = run.spec?.strategy;
  if (s === undefined || !hasAlphas(s) || run.started === null) return null;
  const entropy = meanAlphaEntropy(shownAlphas(run), run.started.cells);
  if (entropy === null || !(entropy > ALPHA_UNIFORM_ENTROPY)) return null;
  return {
    kind: 'alphas-uniform',
    problem: `The architecture weights are still close to uniform (mean normalised entropy ${entropy.toFixed(3)}, where 1 is uniform): no op clearly won on most edges, so this genotype is close to an arbitrary pick.`,
    action: `Search longer (now ${count(s.epochs, 'epoch')}) or raise the alpha learning rate (now ${s.alphaLr}) so the alphas can separate before trusting the genotype.`,
  };
}

/** The record of the DARTS derived cell, or the most accurate record of a discrete search; null when there is none. */
function headlineRecord(
  spec: ExperimentSpec,
  records: readonly SubnetRecord[],
): SubnetRecord | null {
  if (capabilitiesOf(spec.strategy.kind).alphas)
    return records.find((r) => r.origin === 'derived') ?? null;
  let best: SubnetRecord | null = null;
  for (const r of records)
    if (Number.isFinite(r.accuracy) && (best === null || r.accuracy > best.accuracy)) best = r;
  return best;
}

/** The near-chance warning for the derived cell (DARTS) or the best subnet (SPOS, multi-trial). */
export function nearChanceWarning(run: TrustedRun): TrustWarning | null {
  const spec = run.spec;
  if (spec === null) return null;
  const record = headlineRecord(spec, run.subnets);
  const { classes, chance } = chanceOf(spec.dataset);
  if (record === null || !isNearChance(record.accuracy, chance)) return null;
  const about = `about chance (${percent(chance)} for ${classes} classes)`;
  const s = spec.strategy;
  const can = capabilitiesOf(s.kind);
  if (can.alphas && !can.trainsMixture)
    return {
      kind: 'derived-near-chance',
      problem: `The derived cell scores ${percent(record.accuracy)} on validation with the supernet’s weights, ${about}: each of its ops was trained only on the steps that sampled it, with other ops around it.`,
      action: `Search longer (now ${count(s.epochs, 'epoch')}) so every op is sampled often enough to learn, and train the cell stand-alone (Subnets & Pareto) to see what it can reach.`,
    };
  if (can.alphas)
    return {
      kind: 'derived-near-chance',
      problem: `The derived cell scores ${percent(record.accuracy)} on validation with the supernet’s weights, ${about}: its ops were only ever trained inside the mixture.`,
      action:
        'Train it stand-alone (Subnets & Pareto) to see what it can reach, and search longer so the alphas commit to ops.',
    };
  if (can.supernet)
    return {
      kind: 'best-near-chance',
      problem: `The best subnet found scores ${percent(record.accuracy)} with weights inherited from the supernet, ${about}: the supernet cannot tell its subnets apart yet.`,
      action: `Train the supernet longer (now ${count(s.epochs, 'epoch')}), and train the best subnets stand-alone before trusting this ranking.`,
    };
  return {
    kind: 'best-near-chance',
    problem: `The best subnet found scores ${percent(record.accuracy)} after its ${count(s.epochs, 'epoch')} of training, ${about}: the trials are too short to learn.`,
    action: 'Raise the epochs per trial so each subnet can learn before it is scored.',
  };
}

/**
 * The discretization-gap warning: the supernet's validation accuracy above the derived cell's by
 * more than DISCRETIZATION_GAP. Only for strategies that train the mixture the supernet's accuracy
 * measures (not GDAS, whose sampled paths never run the mixture).
 */
export function gapWarning(run: TrustedRun): TrustWarning | null {
  if (!run.spec || run.result === null) return null;
  const can = capabilitiesOf(run.spec.strategy.kind);
  if (!can.alphas || !can.trainsMixture) return null;
  const derived = run.subnets.find((r) => r.origin === 'derived');
  const supernet = run.result.metrics.validAcc;
  if (derived === undefined || !Number.isFinite(supernet) || !Number.isFinite(derived.accuracy))
    return null;
  const gap = supernet - derived.accuracy;
  if (!(gap > DISCRETIZATION_GAP)) return null;
  return {
    kind: 'discretization-gap',
    problem: `The derived cell scores ${points(gap)} below the supernet (${percent(derived.accuracy)} against ${percent(supernet)}, both with the supernet’s weights): the supernet’s accuracy does not carry over to the cell it hands over.`,
    action:
      'Judge the cell by its stand-alone accuracy (Subnets & Pareto → Train stand-alone), not by the supernet’s.',
  };
}

/** Every warning about a run's results, in the order shown: genotype first, then accuracies. */
export function runWarnings(run: TrustedRun): TrustWarning[] {
  return [alphaWarning(run), nearChanceWarning(run), gapWarning(run)].filter(
    (w): w is TrustWarning => w !== null,
  );
}
