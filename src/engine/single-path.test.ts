import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { InputShape } from '../core/experiment/spec';
import { createRng } from '../core/random';
import type { SearchSpaceSpec } from '../core/search-space/types';
import { sampleSpos, type SubnetPath } from '../core/strategies/path';
import { initNodeBackend } from './node-backend';
import { microDarts, tinyNb201 } from './spaces.testkit';
import { buildSupernet, type OpWeights, type Supernet } from './supernet';

const IMAGE: InputShape = { kind: 'image', height: 6, width: 6, channels: 1 };

/** One-hot op-weight rows for `path` (an all-zero row for a dropped edge). */
function oneHot(net: Supernet, path: SubnetPath): OpWeights {
  const out: OpWeights = {};
  for (const role of ['normal', 'reduce'] as const) {
    const a = net.alphas[role];
    const choices = role === 'normal' ? path.normal : path.reduce;
    if (!a || !choices) continue;
    const rows = choices.map((op) =>
      Array.from({ length: a.maxOps }, (_, o) => (op === o ? 1 : 0)),
    );
    out[role] = tf.tensor2d(rows);
  }
  return out;
}

async function logits(net: Supernet, f: (x: tf.Tensor) => tf.Tensor): Promise<Float32Array> {
  const x = tf.tensor4d(
    Float32Array.from({ length: 4 * 36 }, (_, i) => Math.sin(i)),
    [4, 6, 6, 1],
  );
  const y = tf.tidy(() => f(x));
  const values = (await y.data()) as Float32Array;
  tf.dispose([x, y]);
  return values;
}

describe('single-path forward', () => {
  beforeAll(async () => {
    await initNodeBackend('wasm');
  });

  const spaces: [string, SearchSpaceSpec][] = [
    ['micro DARTS', microDarts()],
    ['tiny NB201', tinyNb201()],
  ];
  for (const [name, space] of spaces) {
    it(`equals the one-hot mixed forward on ${name}, dropped edges included`, async () => {
      const before = tf.memory().numTensors;
      const net = buildSupernet(space, IMAGE, 3, createRng(4));
      const rng = createRng(9);
      for (let trial = 0; trial < 4; trial++) {
        const spos = sampleSpos(space, rng);
        const path: SubnetPath =
          trial % 2 === 0
            ? spos
            : { ...spos, normal: spos.normal.map((o, i) => (i === 0 ? null : o)) };
        const single = await logits(net, (x) => net.forwardPath(x, path));
        const mixed = await logits(net, (x) => net.forwardWith(x, oneHot(net, path)));
        single.forEach((v, i) => expect(v).toBeCloseTo(mixed[i] ?? Number.NaN, 4));
      }
      net.dispose();
      expect(tf.memory().numTensors).toBe(before);
    });
  }

  it('lists each op’s own weights, disjoint across ops', () => {
    const net = buildSupernet(microDarts(), IMAGE, 3, createRng(1));
    const sep = net.opVariables('normal', 0, 3);
    expect(sep.length).toBeGreaterThan(0);
    expect(net.opVariables('normal', 0, 0)).toEqual([]);
    expect(net.opVariables('normal', 0, 2)).toEqual([]);
    const other = new Set(net.opVariables('normal', 1, 3));
    for (const v of sep) expect(other.has(v)).toBe(false);
    net.dispose();
  });

  it('refuses a path with an op index the edge lacks', () => {
    const space = microDarts();
    const net = buildSupernet(space, IMAGE, 3, createRng(1));
    const x = tf.zeros([1, 6, 6, 1]);
    expect(() => net.forwardPath(x, { normal: [9, 0], reduce: [0, 0] })).toThrow(/no op 9/);
    expect(() => net.forwardPath(x, { normal: [0, 0], reduce: null })).toThrow(/reduce/);
    x.dispose();
    net.dispose();
  });
});
