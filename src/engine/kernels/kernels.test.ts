import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initNodeBackend } from '../node-backend';
import { createRng } from '../../core/random';
import { dilatedDepthwise } from '../dilated';

type Pad =
  | 'same'
  | 'valid'
  | number
  | [[number, number], [number, number], [number, number], [number, number]];
interface Case {
  readonly name: string;
  readonly x: [number, number, number, number];
  readonly k: number;
  readonly cout: number;
  readonly stride: number;
  readonly pad: Pad;
}

function randomArray(size: number, seed: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: size }, () => rng.normal());
}

/** Gradients of sum(conv(x, W) * R) w.r.t. x and W on the current backend, as plain arrays. */
async function convGrads(c: Case, depthwise: boolean): Promise<Float32Array[]> {
  const cin = c.x[3];
  const fShape: [number, number, number, number] = [c.k, c.k, cin, depthwise ? 1 : c.cout];
  const x = tf.tensor4d(randomArray(tf.util.sizeFromShape(c.x), 1), c.x);
  const w = tf.tensor4d(randomArray(tf.util.sizeFromShape(fShape), 2), fShape);
  const forward = (a: tf.Tensor4D, b: tf.Tensor4D): tf.Tensor4D =>
    depthwise ? tf.depthwiseConv2d(a, b, c.stride, c.pad) : tf.conv2d(a, b, c.stride, c.pad);
  const outShape = forward(x, w).shape;
  const r = tf.tensor(randomArray(tf.util.sizeFromShape(outShape), 3), outShape);
  const grads = tf.grads((a: tf.Tensor, b: tf.Tensor) =>
    tf.sum(tf.mul(forward(a as tf.Tensor4D, b as tf.Tensor4D), r)),
  );
  const [gx, gw] = grads([x, w]);
  const out = [await gx!.data(), await gw!.data()] as Float32Array[];
  tf.dispose([x, w, r, gx!, gw!]);
  return out;
}

async function onBackend<T>(name: 'cpu' | 'wasm', f: () => Promise<T>): Promise<T> {
  await initNodeBackend(name);
  return f();
}

function relError(a: Float32Array, b: Float32Array): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < a.length; i++) {
    num = Math.max(num, Math.abs((a[i] ?? 0) - (b[i] ?? 0)));
    den = Math.max(den, Math.abs(b[i] ?? 0));
  }
  return num / Math.max(den, 1e-12);
}

const CASES: Case[] = [];
// 3 input channels take tfjs's composed kernels; 8 (a multiple of the 4 SIMD lanes) the engine's
// wasm module where it applies (depthwise gradients; 3x3 stride-1 convolutions by Winograd).
for (const cin of [3, 8]) {
  for (const stride of [1, 2]) {
    for (const k of [1, 3, 5]) {
      for (const pad of ['same', 'valid', (k - 1) / 2] as const) {
        for (const size of [8, 7])
          CASES.push({
            name: `k${k} s${stride} pad ${pad} ${size}x${size}, ${cin} channels`,
            x: [2, size, size, cin],
            k,
            cout: 4,
            stride,
            pad,
          });
      }
    }
  }
}
// FactorizedReduce: a 2x2 stride-2 filter with the far edge padded.
for (const size of [8, 7]) {
  const pad: Pad = [
    [0, 0],
    [0, 1],
    [0, 1],
    [0, 0],
  ];
  CASES.push({
    name: `k2 s2 pad far edge ${size}x${size}`,
    x: [2, size, size, 3],
    k: 2,
    cout: 4,
    stride: 2,
    pad,
  });
}

/** Gradient of sum(maxPool(x) * R) w.r.t. x on the current backend. */
async function maxPoolGrad(c: Case): Promise<Float32Array> {
  const x = tf.tensor4d(randomArray(tf.util.sizeFromShape(c.x), 4), c.x);
  const outShape = tf.maxPool(x, c.k, c.stride, c.pad).shape;
  const r = tf.tensor(randomArray(tf.util.sizeFromShape(outShape), 5), outShape);
  const g = tf.grad((a: tf.Tensor) =>
    tf.sum(tf.mul(tf.maxPool(a as tf.Tensor4D, c.k, c.stride, c.pad), r)),
  )(x);
  const out = (await g.data()) as Float32Array;
  tf.dispose([x, r, g]);
  return out;
}

/** Gradients of a dilated (dilation 2) depthwise convolution w.r.t. input and filter. */
async function dilatedGrads(k: number, stride: number): Promise<Float32Array[]> {
  const x = tf.tensor4d(randomArray(2 * 9 * 8 * 3, 6), [2, 9, 8, 3]);
  const w = tf.tensor4d(randomArray(k * k * 3, 7), [k, k, 3, 1]);
  const outShape = dilatedDepthwise(x, w, 2, stride).shape;
  const r = tf.tensor(randomArray(tf.util.sizeFromShape(outShape), 8), outShape);
  const [gx, gw] = tf.grads((a: tf.Tensor, b: tf.Tensor) =>
    tf.sum(tf.mul(dilatedDepthwise(a as tf.Tensor4D, b as tf.Tensor4D, 2, stride), r)),
  )([x, w]);
  const out = [await gx!.data(), await gw!.data()] as Float32Array[];
  tf.dispose([x, w, r, gx!, gw!]);
  return out;
}

describe('wasm training kernels agree with cpu', () => {
  beforeAll(async () => {
    await initNodeBackend('wasm');
  });
  for (const depthwise of [false, true]) {
    for (const c of CASES) {
      it(`${depthwise ? 'depthwise' : 'conv2d'} ${c.name}`, async () => {
        const ref = await onBackend('cpu', () => convGrads(c, depthwise));
        const got = await onBackend('wasm', () => convGrads(c, depthwise));
        expect(got[0]!.length).toBe(ref[0]!.length);
        expect(got[1]!.length).toBe(ref[1]!.length);
        expect(relError(got[0]!, ref[0]!)).toBeLessThan(1e-4);
        expect(relError(got[1]!, ref[1]!)).toBeLessThan(1e-4);
      });
    }
  }
  for (const k of [3, 5]) {
    for (const stride of [1, 2]) {
      it(`dilated depthwise k${k} s${stride} (through the spread filter)`, async () => {
        const ref = await onBackend('cpu', () => dilatedGrads(k, stride));
        const got = await onBackend('wasm', () => dilatedGrads(k, stride));
        expect(relError(got[0]!, ref[0]!)).toBeLessThan(1e-4);
        expect(relError(got[1]!, ref[1]!)).toBeLessThan(1e-4);
      });
    }
  }
  for (const c of CASES.filter((k) => k.k === 3)) {
    it(`maxPool ${c.name}`, async () => {
      const ref = await onBackend('cpu', () => maxPoolGrad(c));
      const got = await onBackend('wasm', () => maxPoolGrad(c));
      expect(relError(got, ref)).toBeLessThan(1e-6);
    });
  }
});

describe('wasm Identity', () => {
  it('shares data instead of copying it, and the copy outlives the original', async () => {
    await initNodeBackend('wasm');
    const x = tf.tensor1d([1, 2, 3]);
    const before = tf.backend().numDataIds();
    const y = tf.clone(x);
    expect(tf.backend().numDataIds()).toBe(before);
    x.dispose();
    expect(Array.from(await y.data())).toEqual([1, 2, 3]);
    y.dispose();
    expect(tf.backend().numDataIds()).toBe(before - 1);
  });
});
