/**
 * Stand-alone training that keeps the trained network: trainStandalone (standalone.ts) hands the
 * network over through its `keep` hook, and its single path and its BatchNorm statistics
 * recalibrated on the training batches outlive the call, so the subnet can be exported afterwards.
 */
import type * as tf from '@tensorflow/tfjs';
import type { LoadedDataset } from '../../core/experiment/spec';
import type { Genotype, SearchSpaceSpec } from '../../core/search-space/types';
import { recalibrate, withStatistics } from '../bn-recalibrate';
import {
  trainStandalone,
  type KeptNetwork,
  type StandaloneHooks,
  type StandaloneOptions,
  type StandaloneResult,
} from '../standalone';
import type { SubnetModelSource } from './model-graph';

/** A trained stand-alone subnet held in memory: what a model export is built from. Dispose it when done. */
export interface TrainedSubnet extends SubnetModelSource {
  /** The engine's logits for `x` with the recalibrated statistics (what the subnet was scored with); call inside tf.tidy. */
  logits(x: tf.Tensor): tf.Tensor;
  dispose(): void;
}

/** The kept network of `genotype` as a TrainedSubnet, its BatchNorm recalibrated as for its scores. */
function keptSubnet(
  kept: KeptNetwork,
  space: SearchSpaceSpec,
  genotype: Genotype,
  data: LoadedDataset,
): TrainedSubnet {
  const { net, path, calibration, batchNormIds } = kept;
  const forward = (x: tf.Tensor): tf.Tensor => net.forwardPath(x, path);
  const statistics = recalibrate(forward, calibration, data.input);
  return {
    space,
    genotype,
    input: data.input,
    classes: data.classes,
    weights: net.weights,
    statistics: batchNormIds.map((id) => statistics.get(id)),
    logits: (x) => withStatistics(statistics, () => forward(x)),
    dispose() {
      statistics.dispose();
      net.dispose();
    },
  };
}

/**
 * Trains `genotype` of `space` with trainStandalone (same options, same result) and also returns
 * the trained subnet; stopping throws StandaloneStopped and keeps nothing.
 */
export async function trainAndKeepSubnet(
  space: SearchSpaceSpec,
  genotype: Genotype,
  data: LoadedDataset,
  o: StandaloneOptions,
  hooks: Omit<StandaloneHooks, 'keep'> = {},
): Promise<{ readonly result: StandaloneResult; readonly subnet: TrainedSubnet }> {
  const handed: { kept?: KeptNetwork } = {};
  const result = await trainStandalone(space, genotype, data, o, {
    ...hooks,
    keep: (kept) => void (handed.kept = kept),
  });
  const { kept } = handed;
  if (kept === undefined) throw new Error('The stand-alone training kept no network.');
  try {
    return { result, subnet: keptSubnet(kept, space, genotype, data) };
  } catch (err) {
    kept.net.dispose();
    throw err;
  }
}
