import { beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../core/data/load';
import { defaultExperiment } from '../core/experiment/defaults';
import type { StandaloneRequest } from '../core/run/protocol';
import type { Genotype } from '../core/search-space/types';
import { initNodeBackend } from '../engine/node-backend';
import { StandaloneStopped, trainStandalone } from '../engine/standalone';
import { trainSubnet } from './standalone-task';

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
      key: 'teaching-dense',
      initialValidAcc: direct.initialValid.accuracy,
      validAcc: direct.valid.accuracy,
      testAcc: direct.test.accuracy,
      trainLoss: direct.trainLoss,
      steps: direct.steps,
      paramCount: direct.paramCount,
      elapsedMs: score.elapsedMs,
    });
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
