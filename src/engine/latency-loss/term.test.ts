import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  expectedLatencyMs,
  latencyPlan,
  type LatencyPlan,
} from '../../core/latency-loss/expectation';
import { latencyObjective } from '../../core/latency-loss/forms';
import { MICRO_INPUT, microSpace, microTable } from '../../core/latency-loss/latency-loss.testkit';
import {
  LATENCY_FORMS,
  LATENCY_OFF,
  withLatencyForm,
  type LatencyLossSpec,
} from '../../core/latency-loss/spec';
import { initNodeBackend } from '../node-backend';
import { createLatencyTerm } from './term';

const measured = latencyPlan(microSpace(), MICRO_INPUT, 3, microTable());

/** The micro plan with its op costs scaled up and a small constant, so the latency part of the gradient is large. */
const plan: LatencyPlan = {
  constantMs: 0.5,
  roles: Object.fromEntries(
    Object.entries(measured.roles).map(([role, r]) => [
      role,
      { ...r, costs: r.costs.map((row) => row.map((c) => 10 * c)) },
    ]),
  ),
};

/** Logits of both roles, [2 edges, 4 ops] each, row-major. */
const LOGITS = [0.3, -0.2, 0.5, 0.1, -0.4, 0.2, 0.0, 0.6, 0.1, 0.1, -0.3, 0.4, 0.7, -0.5, 0.2, 0.0];

/** Weights of the stand-in cross-entropy, a smooth function of the normal cell's probabilities. */
const CE_W = [0.2, -0.4, 0.3, 0.1, 0.5, -0.2, 0.6, -0.1];

function softmaxRows(flat: readonly number[]): number[][] {
  const rows: number[][] = [];
  for (let e = 0; e < flat.length / 4; e++) {
    const row = flat.slice(e * 4, e * 4 + 4);
    const m = Math.max(...row);
    const ex = row.map((v) => Math.exp(v - m));
    const s = ex.reduce((a, b) => a + b, 0);
    rows.push(ex.map((v) => v / s));
  }
  return rows;
}

/** The alpha loss in float64: CE stand-in, E[LAT] from core, the form from core. */
function reference(logits: readonly number[], l: LatencyLossSpec): number {
  const normal = softmaxRows(logits.slice(0, 8));
  const reduce = softmaxRows(logits.slice(8));
  const ce = 1.5 + normal.flat().reduce((s, p, i) => s + p * (CE_W[i] ?? 0), 0);
  return latencyObjective(ce, expectedLatencyMs(plan, { normal, reduce }), l);
}

describe('latency term', () => {
  beforeAll(async () => {
    await initNodeBackend('cpu');
  });

  it('gives E[LAT] as core computes it, and leaves the loss alone when off', () => {
    const term = createLatencyTerm(plan, LATENCY_OFF, { normal: 4, reduce: 4 });
    const before = tf.memory().numTensors;
    const probs = tf.tidy(() => ({
      normal: tf.softmax(tf.tensor2d(LOGITS.slice(0, 8), [2, 4])) as tf.Tensor2D,
      reduce: tf.softmax(tf.tensor2d(LOGITS.slice(8), [2, 4])) as tf.Tensor2D,
    }));
    const lat = term.expected(probs);
    const want = expectedLatencyMs(plan, {
      normal: softmaxRows(LOGITS.slice(0, 8)),
      reduce: softmaxRows(LOGITS.slice(8)),
    });
    expect(lat.dataSync()[0]).toBeCloseTo(want, 4);
    const ce = tf.scalar(2);
    expect(term.loss(ce, probs)).toBe(ce);
    tf.dispose([lat, ce, probs.normal, probs.reduce]);
    expect(tf.memory().numTensors).toBe(before);
    term.dispose();
  });

  for (const form of LATENCY_FORMS.filter((f) => f !== 'off')) {
    it(`${form}: the alpha gradient equals a central finite difference`, () => {
      // Coefficients above the papers' defaults, so the latency part of the gradient is large.
      const l: LatencyLossSpec = {
        ...withLatencyForm(LATENCY_OFF, form),
        targetMs: 5,
        alpha: 1,
        beta: 2,
        lambda: 1,
      };
      const term = createLatencyTerm(plan, l, { normal: 4, reduce: 4 });
      const normal = tf.variable(tf.tensor2d(LOGITS.slice(0, 8), [2, 4]), true, `lat_n_${form}`);
      const reduce = tf.variable(tf.tensor2d(LOGITS.slice(8), [2, 4]), true, `lat_r_${form}`);
      const before = tf.memory().numTensors;
      const { value, grads } = tf.variableGrads(() => {
        const pn = tf.softmax(normal) as tf.Tensor2D;
        const pr = tf.softmax(reduce) as tf.Tensor2D;
        const ce = tf.add(1.5, tf.sum(tf.mul(tf.reshape(pn, [-1]), CE_W))) as tf.Scalar;
        return term.loss(ce, { normal: pn, reduce: pr });
      }, [normal, reduce]);
      expect(value.dataSync()[0]).toBeCloseTo(reference(LOGITS, l), 4);
      const got = [
        ...(grads[normal.name] as tf.Tensor).dataSync(),
        ...(grads[reduce.name] as tf.Tensor).dataSync(),
      ];
      const h = 1e-5;
      const fd = LOGITS.map((_, i) => {
        const up = LOGITS.map((v, j) => (j === i ? v + h : v));
        const down = LOGITS.map((v, j) => (j === i ? v - h : v));
        return (reference(up, l) - reference(down, l)) / (2 * h);
      });
      // The latency part is not negligible: the reduce cell's gradient comes from it alone.
      expect(Math.max(...fd.slice(8).map(Math.abs))).toBeGreaterThan(1e-3);
      got.forEach((g, i) => {
        const want = fd[i] ?? Number.NaN;
        expect(Math.abs(g - want)).toBeLessThan(2e-6 + 1e-3 * Math.abs(want));
      });
      tf.dispose([value, ...Object.values(grads)]);
      expect(tf.memory().numTensors).toBe(before);
      tf.dispose([normal, reduce]);
      term.dispose();
    });
  }
});
