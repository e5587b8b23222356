/** Pure read-outs for the search view's components: words for states and origins, a point's summary, which points can still be trained, the latency check's agreement, the derived cell's line. */
import { hasCalibration } from '../../core/strategy/capabilities';
import { formatPercent, type SubnetSummary } from '../../charts/pareto-format';
import type { ExperimentSpec } from '../../core/experiment/spec';
import type { LatencyCheck, SubnetRecord } from '../../core/run/protocol';
import { formatDartsGenotype, formatNb201 } from '../../core/search-space/format';
import type { Origin } from '../../core/strategies/types';
import type { RunState } from '../../core/run/state';
import { DARTS_CALIBRATION_BATCHES } from '../../store/search-queue';
import type { SearchPoint, SearchRun, StandaloneEntry } from '../../store/search-state';

/** How a candidate was made, in words. */
export const ORIGIN_WORDS: Record<Origin, string> = {
  random: 'random sample',
  mutation: 'mutation',
  crossover: 'crossover',
  derived: 'derived from the alphas (magnitude)',
  perturbation: 'perturbation-based selection',
  warmup: 'zero-cost warm-up (best-scored of the pool)',
};

/** Percent of a training done (0 before its step count is known). */
export function trainingPercent(step: number, totalSteps: number): number {
  return totalSteps > 0 ? Math.min(100, Math.floor((100 * step) / totalSteps)) : 0;
}

/** The stand-alone column of the table: the accuracy when done, else the training's state. */
export function standaloneText(entry: StandaloneEntry | null): string {
  if (entry === null) return '–';
  switch (entry.state) {
    case 'queued':
      return 'queued';
    case 'training':
      return `training ${trainingPercent(entry.step, entry.totalSteps)}%`;
    case 'done':
      return formatPercent(entry.score.validAcc);
    case 'stopped':
      return 'stopped';
    case 'failed':
      return 'failed';
  }
}

/** How a record's accuracy was obtained, as a phrase for the inspector. */
export function howObtained(record: SubnetRecord, spec: ExperimentSpec | null): string {
  const s = spec?.strategy;
  if (record.evaluation === 'inherited') {
    const batches =
      s === undefined ? null : hasCalibration(s) ? s.calibrationBatches : DARTS_CALIBRATION_BATCHES;
    const supernet =
      record.origin === 'perturbation'
        ? 'the supernet as perturbation-based selection fine-tuned it'
        : 'the trained supernet';
    return batches === null
      ? `weights inherited from ${supernet}, after BatchNorm recalibration`
      : `weights inherited from ${supernet}, after BatchNorm recalibration on ${batches} training batch${batches === 1 ? '' : 'es'}`;
  }
  const epochs = s?.epochs;
  return epochs === undefined
    ? 'a short stand-alone training from scratch'
    : `a short stand-alone training from scratch (${epochs} epoch${epochs === 1 ? '' : 's'})`;
}

/** The spec of each plotted run: the current run's and the archived runs', by run id. */
export function runSpecs(
  run: Pick<RunState, 'runId' | 'spec'>,
  archive: readonly SearchRun[],
): Map<number, ExperimentSpec> {
  const specs = new Map<number, ExperimentSpec>(archive.map((a) => [a.runId, a.spec]));
  if (run.spec !== null) specs.set(run.runId, run.spec);
  return specs;
}

/** The genotype of a record as the DARTS `Genotype(...)` string, and the NAS-Bench-201 string when its cell is NB201-style. */
export function genotypeStrings(
  record: SubnetRecord,
  spec: ExperimentSpec,
): { darts: string; nb201: string | null } {
  return {
    darts: formatDartsGenotype(spec.space, record.genotype),
    nb201: formatNb201(spec.space.normal, record.genotype.normal),
  };
}

/** What a point's tooltip says. */
export function pointSummary(point: SearchPoint, spec: ExperimentSpec): SubnetSummary {
  const { record } = point;
  const strings = genotypeStrings(record, spec);
  return {
    runLabel: point.runLabel,
    order: point.order,
    genotype: strings.darts,
    nb201: strings.nb201,
    accuracy: record.accuracy,
    evaluation: record.evaluation,
    params: record.params,
    flops: record.flops,
    latencyMs: record.latencyMs,
    generation: record.generation,
  };
}

/** True when a point can be queued for stand-alone training: never trained, or its last training stopped or failed. */
export function canTrain(point: SearchPoint): boolean {
  const s = point.standalone;
  return s === null || s.state === 'stopped' || s.state === 'failed';
}

/** Ids of the `n` points with the highest supernet accuracy (inherited weights), earliest first among equals. */
export function topInherited(points: readonly SearchPoint[], n: number): string[] {
  return points
    .map((p, i) => ({ p, i }))
    .filter(({ p }) => p.record.evaluation === 'inherited' && Number.isFinite(p.record.accuracy))
    .sort((a, b) => b.p.record.accuracy - a.p.record.accuracy || a.i - b.i)
    .slice(0, n)
    .map(({ p }) => p.id);
}

/** The ids among `ids` whose points can still be trained stand-alone, in the given order. */
export function trainableIds(points: readonly SearchPoint[], ids: readonly string[]): string[] {
  const byId = new Map(points.map((p) => [p.id, p]));
  return ids.filter((id) => {
    const p = byId.get(id);
    return p !== undefined && canTrain(p);
  });
}

/** How well the latency table predicted whole subnets: the mean of measured / predicted, and the mean absolute relative error. */
export function checkAgreement(
  checks: readonly LatencyCheck[],
): { meanRatio: number; meanError: number } | null {
  const ratios = checks
    .filter((c) => c.predictedMs > 0 && Number.isFinite(c.measuredMs))
    .map((c) => c.measuredMs / c.predictedMs);
  if (ratios.length === 0) return null;
  const mean = (v: number[]): number => v.reduce((a, b) => a + b, 0) / v.length;
  return { meanRatio: mean(ratios), meanError: mean(ratios.map((r) => Math.abs(r - 1))) };
}

/**
 * The line a finished DARTS run's results show about its derived cell: the cell's validation
 * accuracy with inherited weights beside the supernet's (their gap is the discretization gap),
 * and where to train or export it. With `trainsMixture` false (GDAS) the supernet's number is of
 * the softmax-weighted mixture the search never trained, and the line says so. Null when the run
 * reported no derived cell.
 */
export function derivedCellText(
  records: readonly SubnetRecord[],
  supernetValidAcc: number,
  trainsMixture = true,
): string | null {
  const derived = records.find((r) => r.origin === 'derived');
  if (derived === undefined) return null;
  const supernet = trainsMixture
    ? `supernet ${formatPercent(supernetValidAcc)}`
    : `softmax-weighted supernet ${formatPercent(supernetValidAcc)}, a mixture this search samples paths from but never trains as such`;
  return `Derived cell with inherited weights: valid acc ${formatPercent(derived.accuracy)} (${supernet}) — train it stand-alone or export it from Subnets & Pareto.`;
}
