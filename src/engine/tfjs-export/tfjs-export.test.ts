import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { subnetCost } from '../../core/cost/network-cost';
import type { InputShape } from '../../core/experiment/spec';
import { createRng } from '../../core/random';
import type { TfjsModelFiles } from '../../core/run/protocol';
import { initNodeBackend } from '../node-backend';
import type { StandaloneOptions } from '../standalone';
import { trainStandalone } from '../standalone';
import { exportCases, type ExportCase } from './export-cases.testkit';
import { exportTrainedSubnet } from './export-subnet';
import { manifestParamCount, WEIGHTS_FILE } from './save-model';
import { trainAndKeepSubnet, type TrainedSubnet } from './trained-subnet';

const QUICK: StandaloneOptions = {
  epochs: 2,
  batchSize: 8,
  weightLr: 0.1,
  weightLrMin: 0.001,
  momentum: 0.9,
  weightDecay: 3e-4,
  gradClip: 5,
  seed: 5,
  calibrationBatches: 2,
};

/** Loads model.json + weights.bin back the way a tfjs model loader reads them. */
async function loadBack(files: TfjsModelFiles): Promise<tf.LayersModel> {
  const json = JSON.parse(files.modelJson) as tf.io.ModelJSON;
  const artifacts = await tf.io.getModelArtifactsForJSON(json, async (manifest) => [
    manifest.flatMap((group) => group.weights),
    files.weights,
  ]);
  return tf.loadLayersModel(tf.io.fromMemory(artifacts));
}

/** A seeded batch of `n` examples shaped like `input`, values from N(0, 1). */
function randomBatch(input: InputShape, n: number, seed: number): tf.Tensor {
  const shape =
    input.kind === 'image' ? [n, input.height, input.width, input.channels] : [n, input.features];
  const rng = createRng(seed);
  return tf.tensor(
    Float32Array.from({ length: tf.util.sizeFromShape(shape) }, () => rng.normal()),
    shape,
  );
}

/** The largest |engine - model| logit difference on a random batch, and the logits' size. */
async function logitGap(
  subnet: TrainedSubnet,
  model: tf.LayersModel,
): Promise<{ gap: number; scale: number; shape: number[] }> {
  const x = randomBatch(subnet.input, 6, 99);
  const engine = tf.tidy(() => subnet.logits(x));
  const exported = model.predict(x) as tf.Tensor;
  const sizes = tf.tidy(() =>
    tf.stack([tf.max(tf.abs(tf.sub(engine, exported))), tf.max(tf.abs(engine))]),
  );
  const [gap = Number.NaN, scale = Number.NaN] = await sizes.data();
  const shape = exported.shape;
  tf.dispose([x, engine, exported, sizes]);
  return { gap, scale, shape };
}

describe('tfjs model export of a trained stand-alone subnet', () => {
  beforeAll(async () => {
    await initNodeBackend('wasm');
  });

  it.each(exportCases().map((c) => [c.name, c] as [string, ExportCase]))(
    'reloads %s with the engine logits (within 1e-4) and subnetCost params',
    async (_name, c) => {
      const before = tf.memory().numTensors;
      const { result, subnet } = await trainAndKeepSubnet(c.space, c.genotype, c.data, QUICK);
      const files = await exportTrainedSubnet(subnet);
      const json = JSON.parse(files.modelJson) as tf.io.ModelJSON;
      expect(json.format).toBe('layers-model');
      expect(json.weightsManifest.map((g) => g.paths)).toEqual([[WEIGHTS_FILE]]);
      const cost = subnetCost(c.space, c.genotype, c.data.input, c.data.classes);
      expect(manifestParamCount(files.modelJson)).toBe(cost.params);
      expect(result.paramCount).toBe(cost.params);

      const model = await loadBack(files);
      const { gap, scale, shape } = await logitGap(subnet, model);
      expect(shape).toEqual([6, c.data.classes]);
      expect(scale).toBeGreaterThan(0);
      expect(gap).toBeLessThanOrEqual(1e-4);
      model.dispose();
      subnet.dispose();
      expect(tf.memory().numTensors).toBe(before);
    },
  );

  it('trains to exactly the result trainStandalone reports', async () => {
    const c = exportCases()[2] as ExportCase;
    const direct = await trainStandalone(c.space, c.genotype, c.data, QUICK);
    const { result, subnet } = await trainAndKeepSubnet(c.space, c.genotype, c.data, QUICK);
    subnet.dispose();
    expect(result).toEqual(direct);
  });

  it('names the genotype, input and classes in model.json and leaves no tensor behind', async () => {
    const c = exportCases()[3] as ExportCase;
    const { subnet } = await trainAndKeepSubnet(c.space, c.genotype, c.data, QUICK);
    const before = tf.memory().numTensors;
    const files = await exportTrainedSubnet(subnet);
    expect(tf.memory().numTensors).toBe(before);
    const meta = (JSON.parse(files.modelJson) as tf.io.ModelJSON).userDefinedMetadata;
    expect(meta).toMatchObject({
      nasStudio: { input: { kind: 'vector', features: 2 }, classes: 2, output: 'logits' },
    });
    expect(JSON.stringify(meta)).toContain('dense_tanh');
    subnet.dispose();
  });

  it('refuses, in plain words, trained values that do not line up with the layers', async () => {
    const c = exportCases()[2] as ExportCase;
    const { subnet } = await trainAndKeepSubnet(c.space, c.genotype, c.data, QUICK);
    const before = tf.memory().numTensors;
    const shifted: TrainedSubnet = { ...subnet, weights: subnet.weights.slice(2) };
    await expect(exportTrainedSubnet(shifted)).rejects.toThrow(
      /^The tfjs model cannot be built: weight 1 is bn_beta \[4\] where a conv3x3 \[3, 3, 1, 4\] was expected\.$/,
    );
    const unrecorded: TrainedSubnet = {
      ...subnet,
      statistics: [undefined, ...subnet.statistics.slice(1)],
    };
    await expect(exportTrainedSubnet(unrecorded)).rejects.toThrow(
      'The tfjs model cannot be built: BatchNorm layer 1 has no recalibrated statistics (it did not run on the subnet’s path).',
    );
    const extra: TrainedSubnet = {
      ...subnet,
      weights: [...subnet.weights, ...subnet.weights.slice(0, 1)],
    };
    await expect(exportTrainedSubnet(extra)).rejects.toThrow(/used \d+ of \d+ weights/);
    expect(tf.memory().numTensors).toBe(before);
    subnet.dispose();
  });
});
