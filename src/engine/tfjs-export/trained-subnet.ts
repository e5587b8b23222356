/**
 * Stand-alone training that keeps the trained network: the same training and scores as
 * trainStandalone (standalone.ts), but the network, its single path and its BatchNorm statistics
 * recalibrated on the training batches outlive the call, so the subnet can be exported afterwards.
 */
import * as tf from '@tensorflow/tfjs';
import type { LoadedDataset } from '../../core/experiment/spec';
import { createRng } from '../../core/random';
import { yieldToEventLoop } from '../../core/run/control';
import type { Genotype, SearchSpaceSpec } from '../../core/search-space/types';
import { createBatchStream, toDevice } from '../batches';
import { batchNormId, calibrationBatches, recalibrate, withStatistics } from '../bn-recalibrate';
import { createSposTrainer, type SposHyper } from '../spos';
import {
  genotypeSpace,
  StandaloneStopped,
  type StandaloneHooks,
  type StandaloneOptions,
  type StandaloneResult,
} from '../standalone';
import { evaluateSubnet, type SubnetScore } from '../subnet-eval';
import { buildSupernet } from '../supernet';
import type { SubnetModelSource } from './model-graph';

/** A trained stand-alone subnet held in memory: what a model export is built from. Dispose it when done. */
export interface TrainedSubnet extends SubnetModelSource {
  /** The engine's logits for `x` with the recalibrated statistics (what the subnet was scored with); call inside tf.tidy. */
  logits(x: tf.Tensor): tf.Tensor;
  dispose(): void;
}

/**
 * Trains `genotype` of `space` exactly as trainStandalone does (same options, same result) and
 * also returns the trained subnet; stopping throws StandaloneStopped and keeps nothing.
 */
export async function trainAndKeepSubnet(
  space: SearchSpaceSpec,
  genotype: Genotype,
  data: LoadedDataset,
  o: StandaloneOptions,
  hooks: StandaloneHooks = {},
): Promise<{ readonly result: StandaloneResult; readonly subnet: TrainedSubnet }> {
  if (data.train.count === 0) {
    throw new Error('Stand-alone training needs training examples.');
  }
  const { space: own, path } = genotypeSpace(space, genotype);
  const rng = createRng(o.seed);
  // BatchNorm ids are handed out in creation order; the network's are the ones between these two.
  const before = batchNormId();
  const net = buildSupernet(own, data.input, data.classes, rng.fork(), { affine: true });
  const after = batchNormId();
  const batchRng = rng.fork();
  const stepsPerEpoch = Math.ceil(data.train.count / o.batchSize);
  const hyper: SposHyper = { ...o, totalSteps: o.epochs * stepsPerEpoch };
  const trainer = createSposTrainer(net, hyper);
  const stream = createBatchStream(data.train, data.input, o.batchSize, batchRng.fork());
  const calibration = calibrationBatches(
    data.train,
    data.input,
    o.batchSize,
    o.calibrationBatches,
    batchRng.fork(),
  );
  const score = async (split: LoadedDataset['valid']): Promise<SubnetScore> =>
    evaluateSubnet(net, path, split, {
      input: data.input,
      batchSize: Math.max(o.batchSize, 64),
      calibration,
    });
  let kept = false;
  try {
    const initialValid = await score(data.valid);
    let trainLoss = Number.NaN;
    for (let epoch = 0; epoch < o.epochs; epoch++) {
      let total: tf.Tensor = tf.scalar(0);
      for (let i = 0; i < stepsPerEpoch; i++) {
        if (hooks.shouldStop) {
          await yieldToEventLoop();
          if (hooks.shouldStop()) {
            total.dispose();
            throw new StandaloneStopped(trainer.steps);
          }
        }
        const batch = toDevice(stream.next(), data.input);
        const stats = trainer.step(batch, path);
        const prev = total;
        total = tf.tidy(() => tf.add(prev, tf.slice(stats, [0], [1])));
        tf.dispose([prev, stats, batch.x, batch.y]);
        hooks.onStep?.(trainer.steps, hyper.totalSteps);
      }
      trainLoss = ((await total.data())[0] ?? Number.NaN) / stepsPerEpoch;
      total.dispose();
    }
    const result: StandaloneResult = {
      initialValid,
      valid: await score(data.valid),
      test: await score(data.test),
      trainLoss,
      steps: trainer.steps,
      paramCount: net.paramCount,
    };
    const forward = (x: tf.Tensor): tf.Tensor => net.forwardPath(x, path);
    const statistics = recalibrate(forward, calibration, data.input);
    const subnet: TrainedSubnet = {
      space,
      genotype,
      input: data.input,
      classes: data.classes,
      weights: net.weights,
      statistics: Array.from({ length: after - before - 1 }, (_, i) =>
        statistics.get(before + 1 + i),
      ),
      logits: (x) => withStatistics(statistics, () => forward(x)),
      dispose() {
        statistics.dispose();
        net.dispose();
      },
    };
    kept = true;
    return { result, subnet };
  } finally {
    trainer.dispose();
    if (!kept) net.dispose();
  }
}
