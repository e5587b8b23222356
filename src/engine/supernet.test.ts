import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserMacro } from '../core/experiment/defaults';
import type { InputShape } from '../core/experiment/spec';
import { createRng } from '../core/random';
import { presetSpace, type PresetName } from '../core/search-space/presets';
import type { SearchSpaceSpec } from '../core/search-space/types';
import { initNodeBackend } from './node-backend';
import { buildSupernet } from './supernet';

const MNIST14: InputShape = { kind: 'image', height: 14, width: 14, channels: 1 };
const POINTS: InputShape = { kind: 'vector', features: 2 };

function browserSpace(preset: PresetName, input: InputShape): SearchSpaceSpec {
  return { ...presetSpace(preset), macro: browserMacro(preset, input) };
}

function batch(input: InputShape, n: number): tf.Tensor {
  return input.kind === 'image'
    ? tf.ones([n, input.height, input.width, input.channels])
    : tf.ones([n, input.features]);
}

describe('supernet', () => {
  beforeAll(async () => {
    await initNodeBackend('wasm');
  });

  const presets: [PresetName, InputShape, number, number][] = [
    ['nb201', MNIST14, 10, 6],
    ['darts', MNIST14, 10, 14],
    ['teaching', POINTS, 2, 6],
  ];
  for (const [preset, input, classes, edges] of presets) {
    it(`builds the ${preset} preset: logits, alphas, labels, parameter count`, async () => {
      const before = tf.memory().numTensors;
      const net = buildSupernet(browserSpace(preset, input), input, classes, createRng(1));
      const logits = tf.tidy(() => net.forward(batch(input, 3)));
      expect(logits.shape).toEqual([3, classes]);
      expect(Array.from(await logits.data()).every(Number.isFinite)).toBe(true);
      logits.dispose();
      expect(net.paramCount).toBe(net.weights.reduce((n, w) => n + w.size, 0));
      expect(net.alphas.normal?.variable.shape).toEqual([
        edges,
        presetSpace(preset).normal.edges[0]?.ops.length,
      ]);
      expect(net.edgeLabels.normal).toHaveLength(edges);
      expect(net.alphas.reduce !== undefined).toBe(preset === 'darts');
      const snapshot = await net.softmaxAlphas();
      const normal = snapshot.normal as Float32Array;
      const opsPerEdge = net.alphas.normal?.opsPerEdge ?? [];
      expect(normal.length).toBe(opsPerEdge.reduce((a, b) => a + b, 0));
      // DARTS init: alphas near zero, so every edge starts close to uniform.
      for (const p of normal) expect(Math.abs(p - 1 / (opsPerEdge[0] ?? 1))).toBeLessThan(1e-2);
      net.dispose();
      expect(tf.memory().numTensors).toBe(before);
    });
  }

  it('draws the same initial weights and alphas from the same seed, and other ones from another', async () => {
    const space = browserSpace('nb201', MNIST14);
    const read = async (seed: number): Promise<number[]> => {
      const net = buildSupernet(space, MNIST14, 10, createRng(seed));
      const values: number[] = [];
      for (const v of [...net.weights, ...net.alphaVariables]) values.push(...(await v.data()));
      net.dispose();
      return values;
    };
    const a = await read(4);
    expect(await read(4)).toEqual(a);
    expect(await read(5)).not.toEqual(a);
  });

  it('gives every variable a unique name while several supernets live together', () => {
    const space = browserSpace('teaching', POINTS);
    const one = buildSupernet(space, POINTS, 2, createRng(1));
    const two = buildSupernet(space, POINTS, 2, createRng(1));
    const names = [
      ...one.weights,
      ...one.alphaVariables,
      ...two.weights,
      ...two.alphaVariables,
    ].map((v) => v.name);
    expect(new Set(names).size).toBe(names.length);
    one.dispose();
    two.dispose();
  });

  it('masks padding when edges offer different numbers of ops', async () => {
    const base = browserSpace('teaching', POINTS);
    const edges = base.normal.edges.map((e, i) => (i === 0 ? { ...e, ops: e.ops.slice(0, 2) } : e));
    const space = { ...base, normal: { ...base.normal, edges } };
    const net = buildSupernet(space, POINTS, 2, createRng(2));
    const snapshot = (await net.softmaxAlphas()).normal as Float32Array;
    expect(snapshot.length).toBe(2 + 5 * 5);
    expect((snapshot[0] ?? 0) + (snapshot[1] ?? 0)).toBeCloseTo(1, 5);
    const logits = tf.tidy(() => net.forward(batch(POINTS, 2)));
    expect(logits.shape).toEqual([2, 2]);
    logits.dispose();
    net.dispose();
  });

  it('refuses a space whose ops do not fit the input, without leaking', () => {
    const before = tf.memory().numTensors;
    expect(() => buildSupernet(browserSpace('nb201', MNIST14), POINTS, 2, createRng(1))).toThrow(
      /reduction 'none'/,
    );
    // The stem's weights exist by the time the dense ops fail on feature maps: they are freed too.
    expect(() =>
      buildSupernet(browserSpace('teaching', POINTS), MNIST14, 10, createRng(1)),
    ).toThrow(/vector inputs/);
    expect(tf.memory().numTensors).toBe(before);
  });
});
