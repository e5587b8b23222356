/**
 * Runs in a browser worker on the webgpu backend (SwiftShader here): the engine's WGSL kernels
 * against the composed tfjs path, value and gradient, whole DARTS steps on the fused path against
 * the reference path, and the GPU programs of one benchmark step with and without the kernels.
 * Bundled by the spec (e2e/webgpu-kernels.spec.ts). Reads only with `await data()`.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { countKernels } from '../../src/bench/kernel-count';
import { createBenchWorkload } from '../../src/bench/workload';
import { createRng } from '../../src/core/random';
import { BN_EPSILON, batchNormalise, composedBatchNormalise } from '../../src/engine/batch-norm';
import {
  buildStepNet,
  errorsAgainst,
  lossAndGrads,
  randomStepBatch,
  relError,
  runDartsSteps,
  type StepPreset,
} from '../../src/engine/fused-step.testkit';
import { useFusedPath } from '../../src/engine/fusion';
import { BN_TRAIN, BN_TRAIN_GRAD } from '../../src/engine/kernels/batch-norm-train';
import { fusedWeightedSum, hasFusedKernels } from '../../src/engine/kernels/fused';
import {
  SCALE_BY_WEIGHT,
  WEIGHTED_SUM,
  WEIGHTED_SUM_GRAD_W,
} from '../../src/engine/kernels/weighted-sum';
import { sumTensors } from '../../src/engine/sum';
import { inspectWebgpu } from '../../src/worker/adapter';
import type { CheckReply, CheckRequest, CheckResult, CountResult } from './protocol';

const FUSED_KERNELS = [BN_TRAIN, BN_TRAIN_GRAD, WEIGHTED_SUM, WEIGHTED_SUM_GRAD_W, SCALE_BY_WEIGHT];

function randomTensor(shape: number[], seed: number, offset = 0): tf.Tensor {
  const rng = createRng(seed);
  const n = shape.reduce((a, b) => a * b, 1);
  return tf.tensor(
    Float32Array.from({ length: n }, () => rng.normal() * 2 + offset),
    shape,
  );
}

/** BatchNorm over the last axis in float64. */
function batchNormReference(x: Float32Array, c: number): Float64Array {
  const m = x.length / c;
  const y = new Float64Array(x.length);
  for (let ch = 0; ch < c; ch++) {
    let s = 0;
    for (let i = ch; i < x.length; i += c) s += x[i] as number;
    const mean = s / m;
    let q = 0;
    for (let i = ch; i < x.length; i += c) q += ((x[i] as number) - mean) ** 2;
    const r = 1 / Math.sqrt(q / m + BN_EPSILON);
    for (let i = ch; i < x.length; i += c) y[i] = ((x[i] as number) - mean) * r;
  }
  return y;
}

/** Value and gradient of sum(f(x) * r) with respect to x. */
async function valueAndGrad(
  f: (x: tf.Tensor) => tf.Tensor,
  x: tf.Tensor,
  r: tf.Tensor,
): Promise<[Float32Array, Float32Array]> {
  const y = tf.tidy(() => f(x));
  const g = tf.tidy(() => tf.grad((a: tf.Tensor) => tf.sum(tf.mul(f(a), r)))(x));
  const out: [Float32Array, Float32Array] = [
    (await y.data()) as Float32Array,
    (await g.data()) as Float32Array,
  ];
  tf.dispose([y, g]);
  return out;
}

/** Runs `check` and counts the tensors it leaves alive. */
async function measured(name: string, check: () => Promise<number[]>): Promise<CheckResult> {
  const before = tf.memory().numTensors;
  const errors = await check();
  return { name, errors, tensorsLeft: tf.memory().numTensors - before };
}

const BN_SHAPES: [string, number[], number][] = [
  ['NHWC feature maps', [4, 5, 5, 3], 0],
  ['NHWC with a large channel offset', [2, 6, 6, 8], 5],
  ['a [rows, features] matrix', [7, 4], -1],
  ['one example (a single row per batch)', [1, 3, 3, 2], 0],
  ['more rows than a workgroup has threads', [8, 9, 9, 5], 1],
];

/** BatchNorm: fused value and gradient against the composed path, value against float64 too. */
async function batchNormChecks(): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const [name, shape, offset] of BN_SHAPES) {
    const x = randomTensor(shape, 11, offset);
    const r = randomTensor(shape, 12);
    results.push(
      await measured(`BatchNorm of ${name}`, async () => {
        const [y, gx] = await valueAndGrad(batchNormalise, x, r);
        const [yRef, gRef] = await valueAndGrad(composedBatchNormalise, x, r);
        const exact = batchNormReference((await x.data()) as Float32Array, shape.at(-1) ?? 1);
        return [relError(y, yRef), relError(gx, gRef), relError(y, exact)];
      }),
    );
    tf.dispose([x, r]);
  }
  return results;
}

/** The weighted sum of `k` terms: value, term gradients and weight gradients against products and chunked sums; value against float64. */
async function weightedSumCheck(k: number): Promise<CheckResult> {
  const shape = [3, 4, 4, 5];
  const terms = Array.from({ length: k }, (_, i) => randomTensor(shape, 20 + i));
  const w = tf.tensor1d(Array.from({ length: k }, (_, i) => Math.sin(i + 1)));
  const r = randomTensor(shape, 30);
  const composed = (ts: tf.Tensor[], v: tf.Tensor): tf.Tensor =>
    sumTensors(ts.map((t, i) => tf.mul(t, tf.reshape(tf.slice(v, i, 1), []))));
  const run = async (f: (ts: tf.Tensor[], v: tf.Tensor) => tf.Tensor): Promise<Float32Array[]> => {
    const value = tf.tidy(() => f(terms, w));
    const grads = tf.tidy(() =>
      tf.grads((...args: tf.Tensor[]) => {
        const v = args[args.length - 1] as tf.Tensor;
        return tf.sum(tf.mul(f(args.slice(0, -1), v), r));
      })([...terms, w]),
    );
    const out = [(await value.data()) as Float32Array];
    for (const g of grads) out.push((await g.data()) as Float32Array);
    tf.dispose([value, ...grads]);
    return out;
  };
  const result = await measured(`the weighted sum of ${k} terms`, async () => {
    const fused = await run((ts, v) => fusedWeightedSum(ts, v as tf.Tensor1D));
    const reference = await run(composed);
    const ws = (await w.data()) as Float32Array;
    const exact = new Float64Array(shape.reduce((a, b) => a * b, 1));
    for (let i = 0; i < k; i++) {
      const t = (await (terms[i] as tf.Tensor).data()) as Float32Array;
      for (let j = 0; j < exact.length; j++)
        exact[j] = (exact[j] as number) + (ws[i] as number) * (t[j] as number);
    }
    return [...errorsAgainst(fused, reference), relError(fused[0] as Float32Array, exact)];
  });
  tf.dispose([...terms, w, r]);
  return result;
}

/** Runs `f` (tidied) and counts the GPU programs it dispatched. */
async function programsOf(f: () => tf.Tensor): Promise<number> {
  const counted = await countKernels(async () => {
    const t = tf.tidy(f);
    await t.data();
    t.dispose();
  });
  return counted.programs ?? -1;
}

/** Each kernel runs as the engine's own programs: 3 for a BatchNorm forward, ceil-chunked for the weighted sum. */
async function programChecks(): Promise<CheckResult[]> {
  const x = randomTensor([4, 5, 5, 3], 11);
  const terms = Array.from({ length: 7 }, (_, i) => randomTensor([2, 3, 3, 4], 40 + i));
  const w = tf.tensor1d([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]);
  const cases: [string, () => tf.Tensor, number][] = [
    [
      'a BatchNorm forward runs 3 GPU programs (means, rstd, normalise)',
      () => batchNormalise(x),
      3,
    ],
    [
      'the weighted sum of 7 terms runs 2 GPU programs (6 terms, then the sum so far and 1)',
      () => fusedWeightedSum(terms, w),
      2,
    ],
  ];
  const results: CheckResult[] = [];
  for (const [name, f, expected] of cases) {
    const programs = await programsOf(f);
    results.push({
      name: `${name}: ${programs}`,
      errors: [programs === expected ? 0 : Infinity],
      tensorsLeft: 0,
    });
  }
  tf.dispose([x, ...terms, w]);
  return results;
}

async function kernelChecks(): Promise<CheckResult[]> {
  const registered = FUSED_KERNELS.filter((n) => tf.getKernel(n, 'webgpu') !== undefined);
  const results: CheckResult[] = [
    {
      name: 'the fused kernels are registered for webgpu',
      errors: [hasFusedKernels() && registered.length === FUSED_KERNELS.length ? 0 : Infinity],
      tensorsLeft: 0,
    },
  ];
  results.push(...(await batchNormChecks()), ...(await programChecks()));
  // 4 candidates (NAS-Bench-201), 7 (DARTS, none left out), 9: past the binding limit in one program.
  for (const k of [1, 4, 7, 9]) results.push(await weightedSumCheck(k));
  return results;
}

/** Loss and gradients of one forward pass on both spaces, then three DARTS steps on NAS-Bench-201's, fused against reference. */
async function stepChecks(): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const preset of ['nb201', 'darts'] as StepPreset[]) {
    results.push(
      await measured(`${preset}: loss and every weight's and alpha's gradient`, async () => {
        const net = buildStepNet(preset);
        const b = randomStepBatch(4);
        const fused = await lossAndGrads(net, b, true);
        const reference = await lossAndGrads(net, b, false);
        net.dispose();
        tf.dispose([b.x, b.y]);
        return errorsAgainst(fused, reference);
      }),
    );
    // Whole steps on the small space only: under SwiftShader the DARTS space's six steps took minutes,
    // and its loss and every gradient are checked above (cpu and wasm run both in the unit suite).
    if (preset === 'darts') continue;
    const fused = await runDartsSteps(preset, true, 3);
    const reference = await runDartsSteps(preset, false, 3);
    const losses = fused.stats.flatMap((s, i) => {
      const ref = reference.stats[i] as Float32Array;
      return [
        relError(s.subarray(0, 1), ref.subarray(0, 1)),
        relError(s.subarray(2, 3), ref.subarray(2, 3)),
      ];
    });
    results.push({
      name: `${preset}: three DARTS steps, losses and every variable after them`,
      errors: [...losses, ...errorsAgainst(fused.after, reference.after)],
      // Optimiser state appears at the first step; from then on the count stays flat.
      tensorsLeft: (fused.counts[2] ?? 0) - (fused.counts[1] ?? 0),
    });
  }
  useFusedPath(true);
  return results;
}

/** Kernel calls and GPU programs of the first step of a fresh benchmark workload (the step the bench counts on webgpu). */
async function countFirstStep(): Promise<{ programs: number | null; kernels: number }> {
  const workload = await createBenchWorkload();
  try {
    const counted = await countKernels(() => workload.step());
    return { programs: counted.programs, kernels: counted.kernels };
  } finally {
    workload.dispose();
  }
}

/** One benchmark step counted with the WGSL kernels, then with them unregistered (the composed path), then restored. */
async function countChecks(): Promise<CountResult> {
  const withKernels = await countFirstStep();
  const configs = FUSED_KERNELS.map((n) => tf.getKernel(n, 'webgpu'));
  for (const n of FUSED_KERNELS) tf.unregisterKernel(n, 'webgpu');
  try {
    return { withKernels, composed: await countFirstStep() };
  } finally {
    for (const config of configs) if (config !== undefined) tf.registerKernel(config);
  }
}

self.addEventListener('message', (event: MessageEvent<CheckRequest>) => {
  const post = (reply: CheckReply): void => self.postMessage(reply);
  void (async () => {
    try {
      const adapter = await inspectWebgpu(navigator.gpu);
      const ok = await tf.setBackend('webgpu');
      if (!ok) throw new Error('tfjs could not set the webgpu backend');
      await tf.ready();
      const backend = tf.getBackend();
      const described = adapter.available
        ? `${adapter.description}${adapter.software ? ' (software)' : ''}`
        : adapter.why;
      if (event.data === 'count') {
        post({ kind: 'count', backend, adapter: described, counts: await countChecks() });
      } else {
        const results = event.data === 'kernels' ? await kernelChecks() : await stepChecks();
        post({ kind: 'checks', backend, adapter: described, results });
      }
    } catch (err) {
      post({
        kind: 'error',
        message: err instanceof Error ? (err.stack ?? err.message) : String(err),
      });
    }
  })();
});
