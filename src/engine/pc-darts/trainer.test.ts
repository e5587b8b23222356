import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/random';
import { gather, toDevice } from '../batches';
import { createDartsTrainer } from '../darts/trainer';
import { initNodeBackend } from '../node-backend';
import { randomImages, testStrategy, tinyDarts } from '../spaces.testkit';
import { buildSupernet } from '../supernet';

const DATA = randomImages(8, 8, 3, 10, [16, 16, 0]);

/** Three PC-DARTS steps' numbers (K = 2 on the 4-channel tiny DARTS cells), then every weight, alpha and beta, on one backend. */
async function trace(backend: 'cpu' | 'wasm'): Promise<Float32Array[]> {
  await initNodeBackend(backend);
  const net = buildSupernet(tinyDarts(), DATA.input, DATA.classes, createRng(3), {
    partialK: 2,
    edgeNormalisation: true,
  });
  const trainer = createDartsTrainer(net, testStrategy(1));
  const out: Float32Array[] = [];
  for (let step = 0; step < 3; step++) {
    const rows = Array.from({ length: 8 }, (_, i) => (step * 8 + i) % 16);
    const train = toDevice(gather(DATA.train, DATA.input, rows), DATA.input);
    const valid = toDevice(gather(DATA.valid, DATA.input, rows), DATA.input);
    const stats = trainer.step(train, valid, 0.025);
    out.push(await stats.data<'float32'>());
    tf.dispose([stats, train.x, train.y, valid.x, valid.y]);
  }
  for (const v of [...net.weights, ...net.alphaVariables, ...net.betaVariables])
    out.push(await v.data<'float32'>());
  trainer.dispose();
  net.dispose();
  return out;
}

describe('PC-DARTS steps on wasm agree with cpu', () => {
  it('DARTS cells with a reduction cell, K = 2, first order', async () => {
    const cpu = await trace('cpu');
    const wasm = await trace('wasm');
    expect(wasm.length).toBe(cpu.length);
    cpu.forEach((ref, i) => {
      const got = wasm[i] as Float32Array;
      let gap = 0;
      let scale = 1e-6;
      ref.forEach((r, j) => {
        gap = Math.max(gap, Math.abs((got[j] ?? Number.NaN) - r));
        scale = Math.max(scale, Math.abs(r));
      });
      expect(gap / scale).toBeLessThan(1e-3);
    });
    // The last two tensors are the betas: one per edge of the normal and the reduction cell.
    const betas = cpu.slice(-2);
    expect(betas.every((b) => b.length === 5)).toBe(true);
  });
});
