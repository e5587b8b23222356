/** Pure parts of the stand-alone training queue: which points to train, the worker request, and each outcome as an entry. */
import { DARTS_CALIBRATION_BATCHES } from '../core/experiment/defaults';
import { hasCalibration } from '../core/strategy/capabilities';
import { strToU8, zipSync } from 'fflate';
import type { ExperimentSpec, WeightTrainingSpec } from '../core/experiment/spec';
import type {
  StandaloneOutcome,
  StandaloneRequest,
  SubnetRecord,
  TfjsModelFiles,
} from '../core/run/protocol';
import type { RunState } from '../core/run/state';
import { runContext, standaloneKey } from './search-context';
import { searchPoints } from './search-selectors';
import type { SearchViewState, StandaloneEntry } from './search-state';

/** One training waiting in the queue: its entry key, the epochs shown, and what the worker is sent. */
export interface QueuedTraining {
  readonly key: string;
  readonly epochs: number;
  readonly request: StandaloneRequest;
}

/** Calibration batches of a DARTS run's subnets (DARTS has no such setting; SPOS and multi-trial default to 4). */
export { DARTS_CALIBRATION_BATCHES };

/** The request training `record` of a run of `spec` from scratch for `epochs` with that run's weight optimiser. */
export function standaloneRequest(
  spec: ExperimentSpec,
  record: SubnetRecord,
  epochs: number,
): StandaloneRequest {
  const s = spec.strategy;
  const budget: WeightTrainingSpec = {
    epochs,
    batchSize: s.batchSize,
    weightLr: s.weightLr,
    weightLrMin: s.weightLrMin,
    momentum: s.momentum,
    weightDecay: s.weightDecay,
    gradClip: s.gradClip,
  };
  return {
    spec,
    key: record.key,
    genotype: record.genotype,
    budget,
    calibrationBatches: hasCalibration(s) ? s.calibrationBatches : DARTS_CALIBRATION_BATCHES,
  };
}

/** True while an entry waits or trains. */
export function isPending(entry: StandaloneEntry | undefined): boolean {
  return entry?.state === 'queued' || entry?.state === 'training';
}

/** True while any stand-alone training is queued or in progress. */
export function anyPending(standalone: Readonly<Record<string, StandaloneEntry>>): boolean {
  return Object.values(standalone).some(isPending);
}

/** A plotted point resolved to its run's spec and its stand-alone entry key (context and genotype). */
interface ResolvedPoint {
  readonly key: string;
  readonly spec: ExperimentSpec;
  readonly record: SubnetRecord;
}

/** Resolves the plotted points `ids` (current run or a compared archived run), in order; unknown ids are skipped. */
function resolvePoints(
  run: RunState,
  search: SearchViewState,
  ids: readonly string[],
): ResolvedPoint[] {
  const points = new Map(searchPoints(run, search).map((p) => [p.id, p]));
  return ids.flatMap((id) => {
    const point = points.get(id);
    if (point === undefined) return [];
    const spec =
      point.runId === run.runId
        ? run.spec
        : (search.archive.find((a) => a.runId === point.runId)?.spec ?? null);
    if (spec === null) return [];
    const key = standaloneKey(runContext(spec), point.record.key);
    return [{ key, spec, record: point.record }];
  });
}

/**
 * The trainings `ids` ask for, in their order: each plotted point (current run or a compared
 * archived run) resolved to its run's spec and keyed by context and genotype; points already done,
 * queued or training, unknown ids and repeated genotypes are skipped.
 */
export function resolveTrainings(
  run: RunState,
  search: SearchViewState,
  ids: readonly string[],
): QueuedTraining[] {
  const taken = new Set<string>();
  const out: QueuedTraining[] = [];
  for (const { key, spec, record } of resolvePoints(run, search, ids)) {
    const entry = search.standalone[key];
    if (taken.has(key) || entry?.state === 'done' || isPending(entry)) continue;
    taken.add(key);
    out.push({
      key,
      epochs: search.standaloneEpochs,
      request: standaloneRequest(spec, record, search.standaloneEpochs),
    });
  }
  return out;
}

/** The stand-alone entry key and record of the plotted point `id`, or null when it is not plotted. */
export function pointEntry(
  run: RunState,
  search: SearchViewState,
  id: string,
): { readonly key: string; readonly record: SubnetRecord } | null {
  const [point] = resolvePoints(run, search, [id]);
  return point === undefined ? null : { key: point.key, record: point.record };
}

/** The zip of a tfjs model: model.json and the weights.bin its weightsManifest names. */
export function modelZip(files: TfjsModelFiles): Uint8Array {
  return zipSync({
    'model.json': strToU8(files.modelJson),
    'weights.bin': new Uint8Array(files.weights),
  });
}

/** `subnet-<hash>-tfjs.zip`: the subnet's genotype key shortened to a 32-bit FNV-1a hash. */
export function modelZipName(genotypeKey: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < genotypeKey.length; i++) {
    h = Math.imul(h ^ genotypeKey.charCodeAt(i), 0x01000193);
  }
  return `subnet-${(h >>> 0).toString(36)}-tfjs.zip`;
}

/** The entry a training's outcome leaves. */
export function outcomeEntry(epochs: number, outcome: StandaloneOutcome): StandaloneEntry {
  switch (outcome.status) {
    case 'finished':
      return { state: 'done', epochs, score: outcome.score };
    case 'stopped':
      return { state: 'stopped', epochs, message: outcome.message };
    case 'failed':
      return { state: 'failed', epochs, message: outcome.message };
  }
}
