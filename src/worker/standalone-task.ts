/** The worker's stand-alone training: the engine's trainStandalone on a request, its result as the score the UI shows. */
import type { LoadedDataset } from '../core/experiment/spec';
import type { StandaloneRequest, StandaloneScore } from '../core/run/protocol';
import { trainStandalone, type StandaloneHooks, type StandaloneResult } from '../engine/standalone';

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
 * Trains `request.genotype` of the request spec's space from scratch on `data` with the request's
 * budget, seeded by the spec's seed; throws StandaloneStopped when `hooks.shouldStop` says so.
 */
export async function trainSubnet(
  request: StandaloneRequest,
  data: LoadedDataset,
  hooks: StandaloneHooks,
): Promise<StandaloneScore> {
  const started = performance.now();
  const result = await trainStandalone(
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
  return standaloneScore(request.key, result, performance.now() - started);
}
