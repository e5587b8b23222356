import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  latencyKeys,
  latencyKeyString,
  missingKeys,
  type LatencyKey,
} from '../../core/cost/latency';
import type { InputShape } from '../../core/experiment/spec';
import { createRng } from '../../core/random';
import { presetSpace } from '../../core/search-space/presets';
import type { SearchSpaceSpec } from '../../core/search-space/types';
import { initNodeBackend } from '../node-backend';
import { createParamStore } from '../params';
import { microDarts, tinyNb201 } from '../spaces.testkit';
import { buildKeyLayer, keyInput } from './key-layer';
import { buildLatencyTable, measureOp, type LatencyProgress, type TableOptions } from './measure';

const IMG5: InputShape = { kind: 'image', height: 5, width: 5, channels: 1 };
const POINTS: InputShape = { kind: 'vector', features: 2 };
const FAST: TableOptions = { warmup: 1, repeats: 3, batch: 2, seed: 1 };

/** The teaching cell at 4 features, one stage of two cells. */
function tinyTeaching(): SearchSpaceSpec {
  return {
    ...presetSpace('teaching'),
    macro: { channels: 4, stemMultiplier: 1, stages: 1, cellsPerStage: 2, reduction: 'none' },
  };
}

const SPACES: [string, SearchSpaceSpec, InputShape, number][] = [
  ['micro DARTS', microDarts(), IMG5, 3],
  ['tiny NAS-Bench-201', tinyNb201(), IMG5, 3],
  ['tiny teaching', tinyTeaching(), POINTS, 2],
];

/** The output shape the network gives the layer of `key` for `batch` examples. */
function expectedShape(key: LatencyKey, batch: number): number[] {
  if (key.op === 'head' || key.op === 'head_bn_relu' || key.domain === 'vector') {
    return [batch, key.outChannels];
  }
  const side = (s: number): number => Math.ceil(s / key.stride);
  return [batch, side(key.height), side(key.width), key.outChannels];
}

describe('latency measurement (wasm)', () => {
  beforeAll(async () => {
    await initNodeBackend('wasm');
  });

  for (const [name, space, input, classes] of SPACES) {
    it(`${name}: every key builds at its shape and times to a positive finite ms`, async () => {
      const before = tf.memory().numTensors;
      for (const key of latencyKeys(space, input, classes)) {
        const params = createParamStore(createRng(1));
        const x = keyInput(key, 2, createRng(2));
        const y = tf.tidy(() => buildKeyLayer(params, key)(x));
        expect(y.shape, latencyKeyString(key)).toEqual(expectedShape(key, 2));
        tf.dispose([x, y]);
        params.dispose();
        const ms = await measureOp(key, FAST);
        expect(Number.isFinite(ms) && ms > 0, latencyKeyString(key)).toBe(true);
      }
      expect(tf.memory().numTensors).toBe(before);
    });
  }

  it('builds node sums and cell concats (past 7 inputs too) with the right values, timing them without a leak', async () => {
    const before = tf.memory().numTensors;
    const base = { domain: 'image', channels: 3, height: 4, width: 4, stride: 1 } as const;
    const keys: LatencyKey[] = [
      { ...base, op: 'node_sum', outChannels: 3, inputs: 9 },
      { ...base, op: 'cell_concat', outChannels: 27, inputs: 9 },
      { ...base, op: 'node_sum', domain: 'vector', height: 1, width: 1, outChannels: 3, inputs: 2 },
    ];
    for (const key of keys) {
      const params = createParamStore(createRng(1));
      const x = keyInput(key, 2, createRng(2));
      const layer = buildKeyLayer(params, key);
      const y = tf.tidy(() => layer(x));
      expect(y.shape, latencyKeyString(key)).toEqual(expectedShape(key, 2));
      // The extra inputs are the store's weights, drawn on the first call.
      const parts = [x, ...params.weights];
      expect(parts).toHaveLength(key.inputs ?? 0);
      const want = tf.tidy(() => (key.op === 'node_sum' ? tf.addN(parts) : tf.concat(parts, -1)));
      const got = await y.data();
      const expected = await want.data();
      expect(got.length).toBe(expected.length);
      expect(Math.max(...Array.from(got, (g, i) => Math.abs(g - (expected[i] ?? 0))))).toBeLessThan(
        1e-5,
      );
      tf.dispose([x, y, want]);
      params.dispose();
      const ms = await measureOp(key, FAST);
      expect(Number.isFinite(ms) && ms > 0, latencyKeyString(key)).toBe(true);
    }
    expect(() =>
      buildKeyLayer(createParamStore(createRng(1)), { ...base, op: 'node_sum', outChannels: 3 }),
    ).toThrow(/2 or more/);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('builds a table of every key, reporting progress up to the key count, leaving no tensor behind', async () => {
    const space = microDarts();
    const keys = latencyKeys(space, IMG5, 3).map(latencyKeyString);
    const before = tf.memory().numTensors;
    const progress: LatencyProgress[] = [];
    const table = await buildLatencyTable(
      space,
      IMG5,
      3,
      'wasm',
      'node test',
      FAST,
      (p) => progress.push(p),
      () => false,
    );
    expect(tf.memory().numTensors).toBe(before);
    expect(Object.keys(table.entries).sort()).toEqual([...keys].sort());
    expect(Object.values(table.entries).every((ms) => Number.isFinite(ms) && ms > 0)).toBe(true);
    expect(progress.map((p) => p.done)).toEqual(keys.map((_, i) => i + 1));
    expect(progress.every((p) => p.total === keys.length)).toBe(true);
    expect(progress.map((p) => p.key)).toEqual(keys);
    expect(table).toMatchObject({
      backend: 'wasm',
      device: 'node test',
      batch: 2,
      warmup: 1,
      repeats: 3,
    });
    expect(Number.isNaN(Date.parse(table.created))).toBe(false);
  });

  it('stops when asked, returning the entries measured so far', async () => {
    const space = tinyNb201();
    const keys = latencyKeys(space, IMG5, 3);
    let done = 0;
    const before = tf.memory().numTensors;
    const table = await buildLatencyTable(
      space,
      IMG5,
      3,
      'wasm',
      'node test',
      FAST,
      (p) => (done = p.done),
      () => done >= 2,
    );
    expect(tf.memory().numTensors).toBe(before);
    expect(Object.keys(table.entries)).toHaveLength(2);
    expect(missingKeys(keys, table)).toHaveLength(keys.length - 2);
  });

  it('reuses a matching table and measures only the keys it lacks', async () => {
    const space = tinyTeaching();
    const first = await buildLatencyTable(
      space,
      POINTS,
      2,
      'wasm',
      'node',
      FAST,
      () => {},
      () => false,
    );
    const [dropped, ...rest] = Object.keys(first.entries);
    const partial = {
      ...first,
      entries: Object.fromEntries(rest.map((k) => [k, first.entries[k] as number])),
    };
    const measured: string[] = [];
    const again = await buildLatencyTable(
      space,
      POINTS,
      2,
      'wasm',
      'node',
      { ...FAST, reuse: partial },
      (p) => measured.push(p.key),
      () => false,
    );
    expect(measured).toEqual([dropped]);
    for (const k of rest) expect(again.entries[k]).toBe(first.entries[k]);
    // Another device's table is not reused.
    const other: string[] = [];
    await buildLatencyTable(
      space,
      POINTS,
      2,
      'wasm',
      'another device',
      { ...FAST, reuse: first },
      (p) => other.push(p.key),
      () => false,
    );
    expect(other.sort()).toEqual(Object.keys(first.entries).sort());
  });
});
