import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../core/data/load';
import { defaultDarts, defaultExperiment } from '../core/experiment/defaults';
import type { ExperimentSpec } from '../core/experiment/spec';
import { createRng } from '../core/random';
import { createRunControl } from '../core/run/control';
import type { RunEvent } from '../core/run/protocol';
import { deriveGenotype } from '../core/search-space/derive';
import { genotypePath } from '../core/strategies/path';
import { calibrationBatches } from './bn-recalibrate';
import { boundaryFrame, hasBoundary, predictGrid } from './boundary-grid';
import { initNodeBackend } from './node-backend';
import { rowsOf } from './readout';
import { runExperiment } from './runner';
import { buildSupernet } from './supernet';

const noMnist = (): Promise<Uint8Array> => Promise.reject(new Error('MNIST is not used here'));

/** The teaching preset on xor, 120 points, `epochs` epochs. */
function xorSpec(epochs: number): ExperimentSpec {
  const spec = defaultExperiment('teaching', 'xor', 4);
  return {
    ...spec,
    dataset: { ...spec.dataset, samples: 120 },
    strategy: { ...defaultDarts(spec.dataset), epochs },
  };
}

describe('decision-boundary grid', () => {
  beforeAll(async () => {
    await initNodeBackend('wasm');
  });

  it('predicts a class and its probability at every grid point of a tiny supernet, for the supernet and its derived cell, leaving no tensor', async () => {
    const spec = xorSpec(1);
    const data = await loadDataset(spec.dataset, spec.seed, noMnist);
    expect(hasBoundary(data.input)).toBe(true);
    const net = buildSupernet(spec.space, data.input, data.classes, createRng(1));
    try {
      const rows = rowsOf(net, await net.softmaxAlphas());
      const genotype = deriveGenotype(spec.space, { normal: rows.normal ?? [], reduce: null });
      const path = genotypePath(spec.space, genotype);
      const before = tf.memory().numTensors;
      const at = { step: 5, epoch: 1, seed: 9 };
      const frame = await boundaryFrame(net, path, data, at, 16, 8);
      expect(tf.memory().numTensors).toBe(before);
      expect(frame.size).toBe(8);
      for (const p of [frame.supernet, frame.derived]) {
        expect(p.classes).toBeInstanceOf(Uint8Array);
        expect(p.classes.length).toBe(64);
        expect(p.confidence.length).toBe(64);
        for (const c of p.classes) expect(c === 0 || c === 1).toBe(true);
        for (const q of p.confidence) expect(q >= 0.5 && q <= 1).toBe(true);
      }
      for (let i = 0; i < data.train.count; i++) {
        const x = data.train.x[2 * i] ?? 0;
        expect(x).toBeGreaterThan(frame.domain.x0);
        expect(x).toBeLessThan(frame.domain.x1);
      }
      const again = await boundaryFrame(net, path, data, at, 16, 8);
      expect(Array.from(again.derived.confidence)).toEqual(Array.from(frame.derived.confidence));
    } finally {
      net.dispose();
    }
  });

  it("predicts each point from the training data's statistics, not from the other grid points", async () => {
    const spec = xorSpec(1);
    const data = await loadDataset(spec.dataset, spec.seed, noMnist);
    const net = buildSupernet(spec.space, data.input, data.classes, createRng(2));
    try {
      const calibration = calibrationBatches(data.train, data.input, 16, 2, createRng(3));
      const forward = (x: tf.Tensor): tf.Tensor => net.forward(x);
      const near = new Float32Array([0.1, 0.2, -0.3, 0.4]);
      const alone = await predictGrid(forward, near, calibration, data.input);
      const withFar = await predictGrid(
        forward,
        new Float32Array([...near, 50, -50, 80, 90]),
        calibration,
        data.input,
      );
      expect(Array.from(withFar.classes.slice(0, 2))).toEqual(Array.from(alone.classes));
      expect(withFar.confidence[0]).toBeCloseTo(alone.confidence[0] ?? NaN, 5);
      expect(withFar.confidence[1]).toBeCloseTo(alone.confidence[1] ?? NaN, 5);
    } finally {
      net.dispose();
    }
  });

  it('comes with a DARTS run on xor after the first epoch, every few epochs and the last', async () => {
    const spec = xorSpec(4);
    const data = await loadDataset(spec.dataset, spec.seed, noMnist);
    const events: RunEvent[] = [];
    const status = await runExperiment(spec, data, createRunControl(), (e) => events.push(e));
    expect(status).toBe('finished');
    const frames = events.flatMap((e) => (e.type === 'boundary' ? [e.frame] : []));
    expect(frames.map((f) => f.epoch)).toEqual([1, 2, 3, 4]);
    expect(frames[0]?.supernet.classes.length).toBe(40 * 40);
    const order = events.map((e) => e.type);
    expect(order.indexOf('boundary')).toBeGreaterThan(order.indexOf('diagnostics'));
    expect(order.lastIndexOf('boundary')).toBeLessThan(order.indexOf('finished'));
  });
});
