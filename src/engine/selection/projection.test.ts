import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../core/random';
import { initNodeBackend } from '../node-backend';
import { microDarts } from '../spaces.testkit';
import { buildSupernet, type Supernet } from '../supernet';
import { emptyState, type SelectionState } from './plan';
import { projectedWeights, projectedZeros, type Mask } from './projection';

const space = microDarts();
let net: Supernet;

/** The projected rows of both roles as numbers. */
async function rows(
  state: SelectionState,
  mask?: Mask,
): Promise<{ normal: number[]; reduce: number[] }> {
  const w = tf.tidy(() => projectedWeights(net, state, mask));
  const normal = Array.from(await (w.normal as tf.Tensor).data());
  const reduce = Array.from(await (w.reduce as tf.Tensor).data());
  tf.dispose(Object.values(w));
  return { normal, reduce };
}

/** A state with normal edge 0 fixed to op 3 (sep_conv_3x3) and reduce edge 1 dropped. */
function partlyDecided(): SelectionState {
  const state = emptyState(space);
  if (state.normal) state.normal.ops[0] = 3;
  if (state.reduce) state.reduce.dropped[1] = true;
  return state;
}

describe('projectedWeights', () => {
  beforeAll(async () => {
    await initNodeBackend('cpu');
    net = buildSupernet(
      space,
      { kind: 'image', height: 4, width: 4, channels: 1 },
      2,
      createRng(5),
    );
    // Distinct alphas, so every softmax row differs from uniform.
    for (const v of net.alphaVariables)
      tf.tidy(() => v.assign(tf.tensor2d([0.3, -0.2, 0.9, 0.1, -0.4, 0.5, 0.2, -0.1], [2, 4])));
  });
  afterAll(() => net.dispose());

  it('runs softmax(alpha) on undecided edges, one-hot on fixed ones, zeros on dropped ones', async () => {
    const softmax = await net.softmaxAlphas();
    const p = Array.from(softmax.normal ?? []);
    const q = Array.from(softmax.reduce ?? []);
    expect(await rows(emptyState(space))).toEqual({ normal: p, reduce: q });
    const { normal, reduce } = await rows(partlyDecided());
    expect(normal).toEqual([0, 0, 0, 1, ...p.slice(4)]);
    expect(reduce).toEqual([...q.slice(0, 4), 0, 0, 0, 0]);
  });

  it('masks one op to 0 without renormalising, or a whole edge, decided or not', async () => {
    const state = partlyDecided();
    const p = Array.from((await net.softmaxAlphas()).normal ?? []);
    const opMasked = await rows(state, { role: 'normal', edge: 1, op: 2 });
    expect(opMasked.normal).toEqual([0, 0, 0, 1, p[4], p[5], 0, p[7]]);
    const fixedMasked = await rows(state, { role: 'normal', edge: 0, op: 3 });
    expect(fixedMasked.normal).toEqual([0, 0, 0, 0, ...p.slice(4)]);
    const edgeMasked = await rows(state, { role: 'normal', edge: 1, op: null });
    expect(edgeMasked.normal).toEqual([0, 0, 0, 1, 0, 0, 0, 0]);
    // The mask names a role: the other cell is untouched.
    expect(edgeMasked.reduce).toEqual((await rows(state)).reduce);
  });

  it('marks as known zeros exactly the entries the projection zeroes, and skipping them leaves the logits as they were', async () => {
    const masks: (Mask | undefined)[] = [
      undefined,
      { role: 'normal', edge: 1, op: 2 },
      { role: 'normal', edge: 0, op: 3 },
      { role: 'reduce', edge: 0, op: null },
    ];
    const x = tf.tidy(() => tf.randomNormal([3, 4, 4, 1], 0, 1, 'float32', 11));
    for (const mask of masks) {
      const state = partlyDecided();
      const { normal, reduce } = await rows(state, mask);
      const zeros = projectedZeros(net, state, mask);
      const flat = (role: 'normal' | 'reduce') =>
        (zeros[role] ?? []).flatMap((row) => [...row, ...Array(4 - row.length).fill(false)]);
      for (const [values, known] of [
        [normal, flat('normal')],
        [reduce, flat('reduce')],
      ] as const)
        values.forEach((v, i) => {
          if (known[i]) expect(v).toBe(0);
          else expect(v).not.toBe(0);
        });
      const [full, skipped] = tf.tidy(() => {
        const w = projectedWeights(net, state, mask);
        return [net.forwardWith(x, w), net.forwardWith(x, w, zeros)];
      });
      expect(Array.from(await (skipped as tf.Tensor).data())).toEqual(
        Array.from(await (full as tf.Tensor).data()),
      );
      tf.dispose([full as tf.Tensor, skipped as tf.Tensor]);
    }
    x.dispose();
  });

  it('passes gradients to the alphas of undecided edges only', async () => {
    const state = partlyDecided();
    const before = tf.memory().numTensors;
    const grads = tf.tidy(() => {
      const f = (): tf.Scalar => {
        const w = projectedWeights(net, state);
        const pick = tf.tensor2d([1, 2, 3, 4, 4, 3, 2, 1], [2, 4]);
        return tf.add(
          tf.sum(tf.mul(w.normal as tf.Tensor, pick)),
          tf.sum(tf.mul(w.reduce as tf.Tensor, pick)),
        );
      };
      const { value, grads: g } = tf.variableGrads(f, net.alphaVariables);
      value.dispose();
      return net.alphaVariables.map((v) => g[v.name] as tf.Tensor);
    });
    const [gn, gr] = await Promise.all(grads.map((g) => g.data()));
    tf.dispose(grads);
    expect(tf.memory().numTensors).toBe(before);
    const norm = (xs: ArrayLike<number> | undefined, from: number) =>
      Array.from(xs ?? [])
        .slice(from, from + 4)
        .reduce((a, b) => a + Math.abs(b), 0);
    expect(norm(gn, 0)).toBe(0);
    expect(norm(gn, 4)).toBeGreaterThan(0.01);
    expect(norm(gr, 0)).toBeGreaterThan(0.01);
    expect(norm(gr, 4)).toBe(0);
  });
});
