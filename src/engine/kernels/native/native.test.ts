import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { relError } from '../../fused-step.testkit';
import { useFusedPath } from '../../fusion';
import { initNodeBackend } from '../../node-backend';
import { nativeCall, nativeLoaded } from './instance';
import { NATIVE_SOURCE_SHA256, NATIVE_SOURCES } from './module';
import { convAndGrads, type Pad, type Shape4 } from './native.testkit';

describe('the engine’s wasm module', () => {
  it('was built from the C sources beside it (scripts/build-wasm-kernels.sh)', () => {
    const here = readdirSync(new URL('.', import.meta.url)).filter((f) => /\.(c|h)$/.test(f));
    expect([...NATIVE_SOURCES]).toEqual(here.sort());
    const hash = createHash('sha256');
    for (const name of NATIVE_SOURCES)
      hash.update(readFileSync(new URL(`./${name}`, import.meta.url)));
    expect(hash.digest('hex')).toBe(NATIVE_SOURCE_SHA256);
  });

  it('loads on wasm in Node, inside the backend’s memory', async () => {
    await initNodeBackend('wasm');
    expect(nativeLoaded()).toBe(true);
    // Instantiated on the backend's own memory: the kernels read and write tensors in place.
    expect(nativeCall(tf.backend())).not.toBeNull();
  });
});

describe('3x3 (Winograd) and 1x1 stride-1 convolutions on the wasm module agree with cpu within 1e-5', () => {
  // Sides that are and are not multiples of the 4x4 output tile, pads that are and are not
  // symmetric, channel counts from one SIMD lane (4) to the benchmark's widest (64), and a
  // filter gradient summed over 64 images of 16x16 (1,024 tiles, or 16,384 pixels for 1x1).
  const cases: readonly (readonly [string, Shape4, Shape4, Pad])[] = [
    ['16x16, 16 -> 16, same, batch 64', [64, 16, 16, 16], [3, 3, 16, 16], 'same'],
    ['4x4, 64 -> 64, same', [8, 4, 4, 64], [3, 3, 64, 64], 'same'],
    ['9x7, 8 -> 12, same', [3, 9, 7, 8], [3, 3, 8, 12], 'same'],
    ['10x6, 4 -> 8, valid', [2, 10, 6, 4], [3, 3, 4, 8], 'valid'],
    ['1x1, 16 -> 32, batch 64 of 16x16', [64, 16, 16, 16], [1, 1, 16, 32], 'valid'],
    ['1x1, 12 -> 4, 5x3', [2, 5, 3, 12], [1, 1, 12, 4], 'same'],
    [
      '5x5, 12 -> 4, pad (2,0) x (0,1)',
      [2, 5, 5, 12],
      [3, 3, 12, 4],
      [
        [0, 0],
        [2, 0],
        [0, 1],
        [0, 0],
      ],
    ],
  ];
  for (const [name, xShape, fShape, pad] of cases) {
    it(
      name,
      async () => {
        await initNodeBackend('cpu');
        const ref = await convAndGrads(xShape, fShape, pad);
        await initNodeBackend('wasm');
        useFusedPath(true);
        const got = await convAndGrads(xShape, fShape, pad);
        ['y', 'dx', 'dW'].forEach((what, i) => {
          const e = relError(got[i]!, ref[i]!);
          expect(e, what).toBeLessThan(1e-5);
        });
      },
      60_000,
    );
  }

  it('differ from XNNPACK’s direct convolution, which the reference path keeps', async () => {
    await initNodeBackend('wasm');
    const shape: Shape4 = [2, 8, 8, 8];
    const filter: Shape4 = [3, 3, 8, 8];
    const winograd = await convAndGrads(shape, filter, 'same');
    useFusedPath(false);
    const direct = await convAndGrads(shape, filter, 'same');
    useFusedPath(true);
    // Both are right within 1e-5; rounding differs, which shows the two paths are distinct.
    expect(relError(winograd[0]!, direct[0]!)).toBeGreaterThan(0);
    expect(relError(winograd[0]!, direct[0]!)).toBeLessThan(1e-5);
    expect(relError(winograd[2]!, direct[2]!)).toBeGreaterThan(0);
  }, 60_000);
});
