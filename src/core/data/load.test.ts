import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { defaultDataset } from '../experiment/defaults';
import type { DataSplit, DatasetSpec, LoadedDataset } from '../experiment/spec';
import { datasetInput, loadDataset } from './load';

const noMnist = (): Promise<Uint8Array> =>
  Promise.reject(new Error('MNIST must not be read for 2D sets'));

/** A 28x28 MNIST file of `count` digits whose first two pixels encode the digit's index. */
function syntheticMnist(count: number): Uint8Array {
  const size = 28 * 28;
  const bytes = new Uint8Array(16 + count + count * size);
  bytes.set([0x4d, 0x4e, 0x53, 0x54]);
  const view = new DataView(bytes.buffer);
  view.setUint32(4, count, true);
  view.setUint32(8, 28, true);
  view.setUint32(12, 28, true);
  for (let i = 0; i < count; i++) {
    bytes[16 + i] = i % 10;
    bytes[16 + count + i * size] = i % 256;
    bytes[16 + count + i * size + 1] = Math.floor(i / 256);
  }
  return bytes;
}

/** Each example of a split as a string of its features and label, to compare splits. */
const rows = (s: DataSplit): string[] => {
  const width = s.x.length / s.count;
  return Array.from(
    { length: s.count },
    (_, i) => `${[...s.x.subarray(i * width, (i + 1) * width)].join(',')}:${s.y[i]}`,
  );
};

/** True when two loaded datasets hold byte-identical splits (fast, unlike deep equality on large typed arrays). */
const sameData = (a: LoadedDataset, b: LoadedDataset): boolean =>
  (['train', 'valid', 'test'] as const).every(
    (k) =>
      Buffer.from(a[k].x.buffer).equals(Buffer.from(b[k].x.buffer)) &&
      Buffer.from(a[k].y.buffer).equals(Buffer.from(b[k].y.buffer)),
  );

const expectDisjoint = (d: LoadedDataset, total: number): void => {
  const all = [...rows(d.train), ...rows(d.valid), ...rows(d.test)];
  expect(all).toHaveLength(total);
  expect(new Set(all).size).toBe(total);
};

describe('datasetInput', () => {
  it('gives 2D sets two features and two classes, MNIST images and ten classes', () => {
    expect(datasetInput(defaultDataset('spiral'))).toEqual({
      input: { kind: 'vector', features: 2 },
      classes: 2,
    });
    expect(datasetInput({ ...defaultDataset('mnist'), imageSize: 7 })).toEqual({
      input: { kind: 'image', height: 7, width: 7, channels: 1 },
      classes: 10,
    });
  });
});

describe('loadDataset, 2D', () => {
  const spec: DatasetSpec = {
    ...defaultDataset('spiral'),
    samples: 500,
    trainFraction: 0.5,
    validFraction: 0.3,
  };

  it('is reproducible from the seed and differs across seeds', async () => {
    const a = await loadDataset(spec, 3, noMnist);
    const b = await loadDataset(spec, 3, noMnist);
    const c = await loadDataset(spec, 4, noMnist);
    expect(sameData(a, b)).toBe(true);
    expect(a).toEqual(b);
    expect(sameData(a, c)).toBe(false);
    expect(a.train.x).not.toEqual(c.train.x);
    expect(a.input).toEqual({ kind: 'vector', features: 2 });
  });

  it('makes disjoint splits of the right sizes with both classes in each', async () => {
    const d = await loadDataset(spec, 3, noMnist);
    expect([d.train.count, d.valid.count, d.test.count]).toEqual([250, 150, 100]);
    expect(d.train.x).toHaveLength(500);
    expectDisjoint(d, 500);
    for (const s of [d.train, d.valid, d.test]) expect(new Set(s.y)).toEqual(new Set([0, 1]));
  });

  it('keeps the points when only the split changes', async () => {
    const a = await loadDataset(spec, 3, noMnist);
    const b = await loadDataset({ ...spec, trainFraction: 0.4 }, 3, noMnist);
    const sorted = (d: LoadedDataset) =>
      [...rows(d.train), ...rows(d.valid), ...rows(d.test)].sort();
    expect(sorted(a)).toEqual(sorted(b));
  });
});

describe('loadDataset, MNIST', () => {
  const spec: DatasetSpec = { ...defaultDataset('mnist'), samples: 300, imageSize: 28 };

  it('takes a seeded random subset of distinct digits and splits it', async () => {
    const pool = syntheticMnist(1000);
    const a = await loadDataset(spec, 1, () => Promise.resolve(pool));
    const b = await loadDataset(spec, 1, () => Promise.resolve(pool));
    const c = await loadDataset(spec, 2, () => Promise.resolve(pool));
    expect(sameData(a, b)).toBe(true);
    expect(sameData(a, c)).toBe(false);
    expect(a.train.y).not.toEqual(c.train.y);
    expect([a.train.count, a.valid.count, a.test.count]).toEqual([120, 120, 60]);
    const index = (s: DataSplit, i: number) =>
      Math.round((s.x[i * 784] ?? 0) * 255) + 256 * Math.round((s.x[i * 784 + 1] ?? 0) * 255);
    const picked = [a.train, a.valid, a.test].flatMap((s) =>
      Array.from({ length: s.count }, (_, i) => {
        expect(s.y[i]).toBe(index(s, i) % 10);
        return index(s, i);
      }),
    );
    expect(new Set(picked).size).toBe(300);
    expect(Math.max(...picked)).toBeGreaterThan(500);
  });

  it('refuses more samples than the file holds', async () => {
    await expect(
      loadDataset({ ...spec, samples: 300 }, 1, () => Promise.resolve(syntheticMnist(100))),
    ).rejects.toThrow('MNIST has 100 digits; 300 were asked for.');
  });

  const real = 'public/data/mnist.bin';
  it.skipIf(!existsSync(real))('loads the packed MNIST file at 14x14', async () => {
    const d = await loadDataset(
      defaultDataset('mnist'),
      1,
      async () => new Uint8Array(await readFile(real)),
    );
    expect(d.input).toEqual({ kind: 'image', height: 14, width: 14, channels: 1 });
    expect([d.train.count, d.valid.count, d.test.count]).toEqual([800, 800, 400]);
    expect(d.train.x).toHaveLength(800 * 196);
    expect(new Set(d.train.y).size).toBe(10);
    const pixels = d.train.x;
    expect(pixels.reduce((a, v) => Math.min(a, v), 1)).toBe(0);
    expect(pixels.reduce((a, v) => Math.max(a, v), 0)).toBeLessThanOrEqual(1);
    const mean = pixels.reduce((a, v) => a + v, 0) / pixels.length;
    expect(mean).toBeGreaterThan(0.08);
    expect(mean).toBeLessThan(0.2);
  });
});
