/**
 * The worker's stand-alone training: the engine's training on a request, its result as the score
 * the UI shows, and the last few trained subnets kept so they can be exported as tfjs models.
 */
import { hash53 } from '../core/hash';
import type { LoadedDataset } from '../core/experiment/spec';
import type {
  ModelExportProblem,
  StandaloneRequest,
  StandaloneScore,
  TfjsModelFiles,
} from '../core/run/protocol';
import type { StandaloneHooks, StandaloneResult } from '../engine/standalone';
import { exportTrainedSubnet } from '../engine/tfjs-export/export-subnet';
import { trainAndKeepSubnet, type TrainedSubnet } from '../engine/tfjs-export/trained-subnet';

/** How many trained subnets the worker keeps for export. */
export const HELD_SUBNETS = 4;

/** What an export of a subnet that is no longer kept answers. */
export const NOT_HELD = `Train it stand-alone again: only the last ${HELD_SUBNETS} trained subnets are kept.`;

/** The plain-data score of a stand-alone training of subnet `key` that took `elapsedMs`. */
export function standaloneScore(
  key: string,
  result: StandaloneResult,
  elapsedMs: number,
): StandaloneScore {
  return {
    key,
    initialValidAcc: result.initialValid.accuracy,
    validAcc: result.valid.accuracy,
    testAcc: result.test.accuracy,
    trainLoss: result.trainLoss,
    steps: result.steps,
    paramCount: result.paramCount,
    elapsedMs,
  };
}

/**
 * The key a trained subnet is kept under, and its score carries: the request's key plus a
 * fingerprint of everything that fixes the trained weights (seed, space, dataset, genotype, budget,
 * calibration), so trainings of another run never collide and equal requests share one key.
 */
export function trainedSubnetKey(request: StandaloneRequest): string {
  const { spec } = request;
  const fixed = [
    spec.seed,
    spec.space,
    spec.dataset,
    request.genotype,
    request.budget,
    request.calibrationBatches,
  ];
  return `${request.key}@${hash53(JSON.stringify(fixed))}`;
}

/** Stand-alone training that keeps the last `capacity` trained subnets for export. */
export interface SubnetTrainer {
  /**
   * Trains `request.genotype` of the request spec's space from scratch on `data` with the
   * request's budget, seeded by the spec's seed, and keeps the trained subnet (evicting, and
   * disposing, the oldest beyond capacity); the score's key is the kept subnet's key. Throws
   * StandaloneStopped when `hooks.shouldStop` says so.
   */
  train(
    request: StandaloneRequest,
    data: LoadedDataset,
    hooks: StandaloneHooks,
  ): Promise<StandaloneScore>;
  /** The kept subnet `key` (a score's key) as tfjs model files, or why it cannot be exported. */
  exportModel(key: string): Promise<TfjsModelFiles | ModelExportProblem>;
  /** Keys of the kept subnets, oldest first. */
  held(): string[];
  /** Disposes every kept subnet. */
  dispose(): void;
}

/** A trainer keeping at most `capacity` trained subnets. */
export function createSubnetTrainer(capacity = HELD_SUBNETS): SubnetTrainer {
  /** Kept subnets by key; Map order is the order they were kept in (oldest first). */
  const kept = new Map<string, TrainedSubnet>();
  const keep = (key: string, subnet: TrainedSubnet): void => {
    kept.get(key)?.dispose();
    kept.delete(key);
    kept.set(key, subnet);
    for (const [old, s] of kept) {
      if (kept.size <= capacity) break;
      s.dispose();
      kept.delete(old);
    }
  };
  return {
    async train(request, data, hooks) {
      const started = performance.now();
      const { result, subnet } = await trainAndKeepSubnet(
        request.spec.space,
        request.genotype,
        data,
        {
          ...request.budget,
          seed: request.spec.seed,
          calibrationBatches: request.calibrationBatches,
        },
        hooks,
      );
      const key = trainedSubnetKey(request);
      keep(key, subnet);
      return standaloneScore(key, result, performance.now() - started);
    },
    async exportModel(key) {
      const subnet = kept.get(key);
      if (subnet === undefined) return { problem: NOT_HELD };
      try {
        return await exportTrainedSubnet(subnet);
      } catch (err) {
        const text = err instanceof Error ? err.message.trim() : String(err).trim();
        if (text.startsWith('The tfjs model')) return { problem: text };
        return { problem: `The tfjs model could not be made: ${text || 'no reason was given'}.` };
      }
    },
    held: () => [...kept.keys()],
    dispose() {
      for (const s of kept.values()) s.dispose();
      kept.clear();
    },
  };
}

/** The worker's own trainer (its kept subnets live as long as the worker). */
const workerTrainer = createSubnetTrainer();

/** Trains a request with the worker's trainer, keeping the trained subnet for export (see SubnetTrainer.train). */
export function trainSubnet(
  request: StandaloneRequest,
  data: LoadedDataset,
  hooks: StandaloneHooks,
): Promise<StandaloneScore> {
  return workerTrainer.train(request, data, hooks);
}

/** A subnet the worker's trainer keeps, as tfjs model files, or why it cannot be exported. */
export function exportSubnetModel(key: string): Promise<TfjsModelFiles | ModelExportProblem> {
  return workerTrainer.exportModel(key);
}
