import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../core/data/load';
import { defaultExperiment } from '../core/experiment/defaults';
import type { StandaloneRequest } from '../core/run/protocol';
import type { Genotype } from '../core/search-space/types';
import { initNodeBackend } from '../engine/node-backend';
import { StandaloneStopped, trainStandalone } from '../engine/standalone';
import {
  createSubnetTrainer,
  exportSubnetModel,
  HELD_SUBNETS,
  NOT_HELD,
  trainedSubnetKey,
  trainSubnet,
} from './standalone-task';

const noMnist = (): Promise<Uint8Array> => Promise.reject(new Error('MNIST is not needed here.'));

/** A teaching-cell request: dense_relu on every edge, a small budget. */
function teachingRequest(seed: number): StandaloneRequest {
  const spec = defaultExperiment('teaching', 'circles', seed);
  const genotype: Genotype = {
    normal: {
      edges: spec.space.normal.edges.map((e) => ({ from: e.from, to: e.to, op: 'dense_relu' })),
      concat: [spec.space.normal.nodes[spec.space.normal.nodes.length - 1] ?? ''],
    },
    reduce: null,
  };
  return {
    spec: { ...spec, dataset: { ...spec.dataset, samples: 200 } },
    key: 'teaching-dense',
    genotype,
    budget: {
      epochs: 2,
      batchSize: 32,
      weightLr: 0.3,
      weightLrMin: 0.001,
      momentum: 0.9,
      weightDecay: 3e-4,
      gradClip: 5,
    },
    calibrationBatches: 2,
  };
}

describe('trainSubnet', () => {
  beforeAll(async () => {
    await initNodeBackend('wasm');
  });

  it("trains with the request's budget, seed and calibration and maps the engine's result to the score", async () => {
    const req = teachingRequest(3);
    const data = await loadDataset(req.spec.dataset, req.spec.seed, noMnist);
    const steps: number[] = [];
    const score = await trainSubnet(req, data, { onStep: (s) => void steps.push(s) });
    const direct = await trainStandalone(req.spec.space, req.genotype, data, {
      ...req.budget,
      seed: req.spec.seed,
      calibrationBatches: req.calibrationBatches,
    });
    expect(score).toEqual({
      key: trainedSubnetKey(req),
      initialValidAcc: direct.initialValid.accuracy,
      validAcc: direct.valid.accuracy,
      testAcc: direct.test.accuracy,
      trainLoss: direct.trainLoss,
      steps: direct.steps,
      paramCount: direct.paramCount,
      elapsedMs: score.elapsedMs,
    });
    expect(score.key.startsWith('teaching-dense@')).toBe(true);
    expect(score.elapsedMs).toBeGreaterThanOrEqual(0);
    expect(steps.at(-1)).toBe(score.steps);
  });

  it('throws StandaloneStopped when its hook says stop', async () => {
    const req = teachingRequest(4);
    const data = await loadDataset(req.spec.dataset, req.spec.seed, noMnist);
    let taken = 0;
    await expect(
      trainSubnet(req, data, { shouldStop: () => taken >= 2, onStep: (s) => void (taken = s) }),
    ).rejects.toBeInstanceOf(StandaloneStopped);
    expect(taken).toBe(2);
  });
});

describe('createSubnetTrainer: trained subnets kept for export', () => {
  beforeAll(async () => {
    await initNodeBackend('wasm');
  });

  it('keys a kept subnet by request key, seed, space and budget', () => {
    const req = teachingRequest(3);
    expect(trainedSubnetKey(req)).toBe(trainedSubnetKey(teachingRequest(3)));
    expect(trainedSubnetKey(teachingRequest(4))).not.toBe(trainedSubnetKey(req));
    const wider = {
      ...req.spec,
      space: { ...req.spec.space, macro: { ...req.spec.space.macro, channels: 8 } },
    };
    expect(trainedSubnetKey({ ...req, spec: wider })).not.toBe(trainedSubnetKey(req));
    const longer = { ...req, budget: { ...req.budget, epochs: 3 } };
    expect(trainedSubnetKey(longer)).not.toBe(trainedSubnetKey(req));
  });

  it(`keeps the last ${HELD_SUBNETS} trained subnets, disposing the ones it evicts, and exports a kept one`, async () => {
    const trainer = createSubnetTrainer();
    const reqs = [1, 2, 3, 4, 5, 6].map((seed) => {
      const r = teachingRequest(seed);
      return { ...r, budget: { ...r.budget, epochs: 1 } };
    });
    const data = await Promise.all(
      reqs.map((r) => loadDataset(r.spec.dataset, r.spec.seed, noMnist)),
    );
    const keys: string[] = [];
    const counts: number[] = [];
    for (const [i, r] of reqs.entries()) {
      keys.push((await trainer.train(r, data[i] as (typeof data)[number], {})).key);
      counts.push(tf.memory().numTensors);
    }
    expect(trainer.held()).toEqual(keys.slice(-HELD_SUBNETS));
    // Once full, each new subnet replaces an evicted one of the same size: the tensor count stays flat.
    expect(counts.slice(HELD_SUBNETS - 1)).toEqual(
      counts.slice(HELD_SUBNETS - 1).map(() => counts[HELD_SUBNETS - 1]),
    );
    expect(await trainer.exportModel(keys[0] as string)).toEqual({ problem: NOT_HELD });
    expect(NOT_HELD).toBe('Train it stand-alone again: only the last 4 trained subnets are kept.');
    const before = tf.memory().numTensors;
    const files = await trainer.exportModel(keys[5] as string);
    expect(tf.memory().numTensors).toBe(before);
    if ('problem' in files) throw new Error(files.problem);
    expect(JSON.parse(files.modelJson)).toMatchObject({ format: 'layers-model' });
    expect(files.weights.byteLength).toBeGreaterThan(0);
    // Training the same request again replaces its kept subnet rather than adding one.
    await trainer.train(reqs[3] as StandaloneRequest, data[3] as (typeof data)[number], {});
    expect(trainer.held()).toEqual([keys[2], keys[4], keys[5], keys[3]]);
    expect(tf.memory().numTensors).toBe(before);
    trainer.dispose();
    expect(trainer.held()).toEqual([]);
  });

  it("exports from the worker's own trainer only what it trained", async () => {
    expect(await exportSubnetModel('never-trained@k')).toEqual({ problem: NOT_HELD });
    const req = teachingRequest(9);
    const data = await loadDataset(req.spec.dataset, req.spec.seed, noMnist);
    const { key } = await trainSubnet({ ...req, budget: { ...req.budget, epochs: 1 } }, data, {});
    const files = await exportSubnetModel(key);
    if ('problem' in files) throw new Error(files.problem);
    expect(JSON.parse(files.modelJson)).toMatchObject({ format: 'layers-model' });
  });

  it('keeps nothing when a training is stopped', async () => {
    const trainer = createSubnetTrainer();
    const req = teachingRequest(8);
    const data = await loadDataset(req.spec.dataset, req.spec.seed, noMnist);
    const before = tf.memory().numTensors;
    await expect(trainer.train(req, data, { shouldStop: () => true })).rejects.toBeInstanceOf(
      StandaloneStopped,
    );
    expect(trainer.held()).toEqual([]);
    expect(tf.memory().numTensors).toBe(before);
  });
});
