/**
 * Each proxy against a value computed by hand (plain float64 arithmetic, backpropagation written
 * out) on a tiny network: x (2 features) -> dense 2x3 -> ReLU -> dense 3x2 -> logits, a batch of 3.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { logAbsDeterminant } from '../../core/proxies/linalg';
import { createRng } from '../../core/random';
import { denseLayer, relu, sequence } from '../layers';
import { initNodeBackend } from '../node-backend';
import { createParamStore } from '../params';
import { fisherScore } from './fisher';
import { gradNormScore } from './grad-norm';
import { graspScore } from './grasp';
import { JACOB_COV_K, jacobCovScore } from './jacob-cov';
import { naswotScore } from './naswot';
import { proxyNetwork, type ProxyBatch, type ProxyNetwork } from './network';
import { snipScore } from './snip';
import { synflowScore } from './synflow';

type M = number[][];
const W1: M = [
  [0.5, -0.3, 0.8],
  [-0.6, 0.4, 0.2],
];
const B1 = [0.1, -0.2, 0.05];
const W2: M = [
  [0.7, -0.5],
  [-0.4, 0.9],
  [0.3, 0.6],
];
const B2 = [0.02, -0.03];
const X: M = [
  [1.0, 0.5],
  [-0.7, 1.2],
  [0.3, -0.9],
];
const Y = [0, 1, 1];

/** The tiny network built from the engine's layers, with the weights above. */
function tinyNet(w1 = W1, b1 = B1, w2 = W2, b2 = B2): { net: ProxyNetwork; dispose(): void } {
  const p = createParamStore(createRng(1));
  const forward = sequence(denseLayer(p, 2, 3), relu, denseLayer(p, 3, 2));
  [w1, b1, w2, b2].forEach((v, i) => p.weights[i]?.assign(tf.tensor(v)));
  return { net: proxyNetwork(forward, p.weights), dispose: () => p.dispose() };
}

/** Forward and backward of the tiny network in float64, with cross-entropy averaged over the batch. */
function hand(w1: M, b1: number[], w2: M, b2: number[], x: M = X) {
  const n = x.length;
  const z1 = x.map((r) => b1.map((b, j) => b + r[0]! * w1[0]![j]! + r[1]! * w1[1]![j]!));
  const h = z1.map((r) => r.map((v) => Math.max(0, v)));
  const z2 = h.map((r) => b2.map((b, k) => b + r.reduce((s, v, j) => s + v * w2[j]![k]!, 0)));
  const dz2 = z2.map((r, i) => {
    const m = Math.max(...r);
    const e = r.map((v) => Math.exp(v - m));
    const s = e.reduce((a, b) => a + b, 0);
    return e.map((v, k) => (v / s - (k === Y[i] ? 1 : 0)) / n);
  });
  const dh = dz2.map((r) => w2.map((row) => row.reduce((s, w, k) => s + w * r[k]!, 0)));
  const dz1 = dh.map((r, i) => r.map((v, j) => (z1[i]![j]! > 0 ? v : 0)));
  const gw2 = w2.map((row, j) =>
    row.map((_, k) => h.reduce((s, hr, i) => s + hr[j]! * dz2[i]![k]!, 0)),
  );
  const gw1 = w1.map((row, a) =>
    row.map((_, j) => x.reduce((s, xr, i) => s + xr[a]! * dz1[i]![j]!, 0)),
  );
  return { z1, h, z2, dz1, dz2, gw1, gw2 };
}

const sum = (m: M, f: (v: number, i: number, j: number) => number): number =>
  m.reduce((s, r, i) => s + r.reduce((t, v, j) => t + f(v, i, j), 0), 0);

let batch: ProxyBatch;

beforeAll(async () => {
  await initNodeBackend('cpu');
  batch = { x: tf.tensor2d(X), y: tf.tensor1d(Y, 'int32') };
});

describe('proxies on a network computed by hand', () => {
  it('snip is sum |theta * dL/dtheta| over the two weight matrices', async () => {
    const { gw1, gw2 } = hand(W1, B1, W2, B2);
    const want =
      sum(W1, (v, i, j) => Math.abs(v * gw1[i]![j]!)) +
      sum(W2, (v, i, j) => Math.abs(v * gw2[i]![j]!));
    const { net, dispose } = tinyNet();
    expect(await snipScore(net, batch)).toBeCloseTo(want, 6);
    dispose();
  });

  it("grad_norm is the sum of the two weight gradients' norms", async () => {
    const { gw1, gw2 } = hand(W1, B1, W2, B2);
    const want = Math.sqrt(sum(gw1, (v) => v * v)) + Math.sqrt(sum(gw2, (v) => v * v));
    const { net, dispose } = tinyNet();
    expect(await gradNormScore(net, batch)).toBeCloseTo(want, 6);
    dispose();
  });

  it('grasp is -theta . (H g), H g from float64 differences of the hand gradient', async () => {
    const { gw1, gw2 } = hand(W1, B1, W2, B2);
    const h = 1e-6;
    const shifted = (s: number) =>
      hand(
        W1.map((r, i) => r.map((v, j) => v + s * h * gw1[i]![j]!)),
        B1,
        W2.map((r, i) => r.map((v, j) => v + s * h * gw2[i]![j]!)),
        B2,
      );
    const p = shifted(1);
    const m = shifted(-1);
    const want =
      -sum(W1, (v, i, j) => (v * (p.gw1[i]![j]! - m.gw1[i]![j]!)) / (2 * h)) -
      sum(W2, (v, i, j) => (v * (p.gw2[i]![j]! - m.gw2[i]![j]!)) / (2 * h));
    const { net, dispose } = tinyNet();
    const got = await graspScore(net, batch);
    expect(Math.abs(got - want)).toBeLessThan(1e-5 * Math.abs(want));
    // The weights are restored exactly.
    expect(Array.from(await net.scored[0]!.data())).toEqual(
      Array.from(Float32Array.from(W1.flat())),
    );
    dispose();
  });

  it('fisher is 0.5 * mean over the batch of (a * dL/da)^2, summed over the outputs of both layers', async () => {
    const { z1, z2, dz1, dz2 } = hand(W1, B1, W2, B2);
    // dz1 (the gradient before the ReLU) is the gradient at the first layer's output a = z1.
    const n = X.length;
    const term = (a: M, g: M): number =>
      a[0]!.reduce(
        (s, _, c) => s + (0.5 * a.reduce((t, r, i) => t + (r[c]! * g[i]![c]!) ** 2, 0)) / n,
        0,
      );
    const want = term(z1, dz1) + term(z2, dz2);
    const { net, dispose } = tinyNet();
    expect(await fisherScore(net, batch)).toBeCloseTo(want, 8);
    dispose();
  });

  it('jacob_cov scores the correlation of per-example input gradients', async () => {
    const { z1 } = hand(W1, B1, W2, B2);
    // d(sum logits)/dx_i = W1 diag(relu'(z1_i)) W2 1.
    const rowSums = W2.map((r) => r[0]! + r[1]!);
    const jac = z1.map((r) =>
      [0, 1].map((a) => r.reduce((s, v, j) => s + (v > 0 ? W1[a]![j]! * rowSums[j]! : 0), 0)),
    );
    // Rows of two entries correlate at exactly +1 or -1: C = s s^T with s_i = sign(j_i0 - j_i1), eigenvalues n, 0, 0.
    const n = X.length;
    const eig = [n, 0, 0];
    const want = -eig.reduce((s, v) => s + Math.log(v + JACOB_COV_K) + 1 / (v + JACOB_COV_K), 0);
    expect(jac.every((r) => r[0] !== r[1])).toBe(true);
    const { net, dispose } = tinyNet();
    expect(await jacobCovScore(net, batch)).toBeCloseTo(want, 2);
    dispose();
  });

  it('naswot is log |det K| of the ReLU codes agreement kernel', async () => {
    const { z1 } = hand(W1, B1, W2, B2);
    const codes: number[][] = z1.map((r) => r.map((v) => (v > 0 ? 1 : 0)));
    const n = X.length;
    const k = Array.from({ length: n * n }, (_, idx) => {
      const i = Math.floor(idx / n);
      const j = idx % n;
      return codes[i]!.reduce((s, c, u) => s + (c === codes[j]![u] ? 1 : 0), 0);
    });
    const { net, dispose } = tinyNet();
    expect(await naswotScore(net, batch)).toBeCloseTo(logAbsDeterminant(k, n), 10);
    dispose();
  });

  it('synflow: |W|, all-ones input, score = sum |theta * dR/dtheta|', async () => {
    const a1 = W1.map((r) => r.map(Math.abs));
    const a2 = W2.map((r) => r.map(Math.abs));
    const hOnes = B1.map((b, j) => Math.abs(b) + a1[0]![j]! + a1[1]![j]!);
    // dR/dW2[j][k] = h_j; dR/dW1[a][j] = 1 * sum_k |W2[j][k]| (every unit active).
    const want =
      sum(a2, (v, j) => v * hOnes[j]!) + sum(a1, (v, _a, j) => v * (a2[j]![0]! + a2[j]![1]!));
    const { net, dispose } = tinyNet();
    expect(await synflowScore(net, { kind: 'vector', features: 2 })).toBeCloseTo(want, 5);
    expect(Array.from(await net.variables[0]!.data())).toEqual(
      Array.from(Float32Array.from(W1.flat())),
    );
    dispose();
  });

  it('synflow stays exact where float32 would overflow: 12 dense layers of gain 8,000', async () => {
    const p = createParamStore(createRng(1));
    const layers = Array.from({ length: 12 }, () => denseLayer(p, 8, 8));
    p.weights.forEach((v, i) => v.assign(i % 2 === 0 ? tf.fill(v.shape, 1000) : tf.zeros(v.shape)));
    const net = proxyNetwork(sequence(...layers), p.weights);
    // Ones in, each layer multiplies by 8 * 1000: R = 8 * 8000^12, and every layer's
    // sum of theta * dR/dtheta is R (degree 1 in each layer), so the score is 12 R.
    const want = 12 * 8 * 8000 ** 12;
    expect(want).toBeGreaterThan(1e46);
    const got = await synflowScore(net, { kind: 'vector', features: 8 });
    expect(Math.abs(got - want) / want).toBeLessThan(1e-5);
    p.dispose();
  });
});
