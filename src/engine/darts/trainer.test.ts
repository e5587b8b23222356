import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import type { LoadedDataset } from '../../core/experiment/spec';
import { createRng } from '../../core/random';
import type { SearchSpaceSpec } from '../../core/search-space/types';
import { gather, toDevice, type HostBatch } from '../batches';
import { createDartsTrainer } from './trainer';
import { initNodeBackend } from '../node-backend';
import { buildSupernet } from '../supernet';
import { microDarts, randomImages, testStrategy, tinyDarts, tinyNb201 } from '../spaces.testkit';

const DATA = randomImages(8, 8, 3, 10, [16, 16, 0]);
const batchOf = (data: LoadedDataset, split: 'train' | 'valid', start: number): HostBatch =>
  gather(
    data[split],
    data.input,
    Array.from({ length: 8 }, (_, i) => (start + i) % data[split].count),
  );

/** Initial logits, three DARTS steps' numbers, then every weight and alpha, on one backend. */
async function trace(
  backend: 'cpu' | 'wasm',
  space: SearchSpaceSpec,
  order: 1 | 2,
): Promise<Float32Array[]> {
  await initNodeBackend(backend);
  const net = buildSupernet(space, DATA.input, DATA.classes, createRng(3));
  const trainer = createDartsTrainer(net, testStrategy(order));
  const out: Float32Array[] = [];
  const x0 = toDevice(batchOf(DATA, 'train', 0), DATA.input);
  const logits = tf.tidy(() => net.forward(x0.x));
  out.push((await logits.data()) as Float32Array);
  tf.dispose([logits, x0.x, x0.y]);
  for (let step = 0; step < 3; step++) {
    const train = toDevice(batchOf(DATA, 'train', step * 8), DATA.input);
    const valid = toDevice(batchOf(DATA, 'valid', step * 8), DATA.input);
    const stats = trainer.step(train, valid, 0.025);
    out.push((await stats.data()) as Float32Array);
    tf.dispose([stats, train.x, train.y, valid.x, valid.y]);
  }
  for (const v of [...net.weights, ...net.alphaVariables])
    out.push((await v.data()) as Float32Array);
  trainer.dispose();
  net.dispose();
  return out;
}

function relativeGap(a: Float32Array, b: Float32Array): number {
  let gap = 0;
  let scale = 1e-6;
  for (let i = 0; i < a.length; i++) {
    gap = Math.max(gap, Math.abs((a[i] ?? 0) - (b[i] ?? 0)));
    scale = Math.max(scale, Math.abs(b[i] ?? 0));
  }
  return gap / scale;
}

describe('DARTS steps on wasm agree with cpu', () => {
  const cases: [string, SearchSpaceSpec, 1 | 2][] = [
    ['NAS-Bench-201 cell, first order', tinyNb201(), 1],
    ['DARTS cells (all 8 ops, reduction), first order', tinyDarts(), 1],
    ['DARTS cells, second order', tinyDarts(), 2],
  ];
  for (const [name, space, order] of cases) {
    it(name, async () => {
      const cpu = await trace('cpu', space, order);
      const wasm = await trace('wasm', space, order);
      expect(wasm.length).toBe(cpu.length);
      cpu.forEach((ref, i) => {
        const got = wasm[i] as Float32Array;
        expect(got.length).toBe(ref.length);
        expect(relativeGap(got, ref)).toBeLessThan(1e-3);
      });
    });
  }
});

describe('DARTS memory', () => {
  for (const order of [1, 2] as const) {
    it(`keeps the tensor count flat over 50 ${order === 1 ? 'first' : 'second'}-order steps (wasm)`, async () => {
      await initNodeBackend('wasm');
      const data = randomImages(4, 4, 1, 3, [8, 8, 0]);
      const net = buildSupernet(microDarts(), data.input, data.classes, createRng(5));
      const trainer = createDartsTrainer(net, testStrategy(order, 1, 4));
      const counts: number[] = [];
      for (let step = 0; step < 51; step++) {
        const train = toDevice(gather(data.train, data.input, [0, 1, 2, 3]), data.input);
        const valid = toDevice(gather(data.valid, data.input, [4, 5, 6, 7]), data.input);
        const stats = trainer.step(train, valid, 0.01);
        await stats.data();
        tf.dispose([stats, train.x, train.y, valid.x, valid.y]);
        counts.push(tf.memory().numTensors);
      }
      expect(new Set(counts.slice(1)).size).toBe(1);
      trainer.dispose();
      net.dispose();
    });
  }
});
