import * as tf from '@tensorflow/tfjs';
import { afterEach, describe, expect, it } from 'vitest';
import {
  buildStepNet,
  errorsAgainst,
  lossAndGrads,
  randomStepBatch,
  relError,
} from '../../fused-step.testkit';
import { useFusedPath } from '../../fusion';
import { initNodeBackend } from '../../node-backend';
import { useSerialParts } from './instance';
import { convAndGrads, type Shape4 } from './native.testkit';
import type { PartedFunction } from './pool';

describe('the module’s kernels split into parts (as threads would run them) agree with one part', () => {
  afterEach(() => useSerialParts(tf.backend(), null));

  const cases: readonly (readonly [string, Shape4, Shape4])[] = [
    ['3x3, 16 -> 16, 64 images of 16x16 (32 blocks of tiles)', [64, 16, 16, 16], [3, 3, 16, 16]],
    ['3x3, 8 -> 12, 12 images of 9x7 (3 blocks, the last partial)', [12, 9, 7, 8], [3, 3, 8, 12]],
    ['1x1, 16 -> 32, 64 images of 6x5', [64, 6, 5, 16], [1, 1, 16, 32]],
  ];
  for (const [name, xShape, fShape] of cases) {
    it(
      name,
      async () => {
        await initNodeBackend('cpu');
        const ref = await convAndGrads(xShape, fShape, 'same', 31);
        await initNodeBackend('wasm');
        useFusedPath(true);
        const whole = await convAndGrads(xShape, fShape, 'same', 31);
        for (const parts of [2, 3, 5]) {
          const calls = useSerialParts(tf.backend(), parts);
          const split = await convAndGrads(xShape, fShape, 'same', 31);
          const kernels =
            fShape[0] === 3
              ? ['winograd_conv', 'winograd_filter_grad_tiles']
              : ['pointwise_conv', 'pointwise_filter_grad'];
          for (const k of kernels) expect(calls.get(k as PartedFunction), k).toBeGreaterThan(0);
          // Output tiles and rows are computed alike whichever part takes them.
          expect(split[0], `y, ${parts} parts`).toEqual(whole[0]);
          expect(split[1], `dx, ${parts} parts`).toEqual(whole[1]);
          // The filter gradient's sums are formed per part and added: rounding may differ.
          expect(relError(split[2]!, ref[2]!), `dW, ${parts} parts`).toBeLessThan(1e-5);
        }
      },
      60_000,
    );
  }

  for (const preset of ['nb201', 'darts'] as const) {
    it(`a whole ${preset} step: loss and gradients within 1e-5`, async () => {
      await initNodeBackend('wasm');
      useFusedPath(true);
      const net = buildStepNet(preset);
      const b = randomStepBatch(5);
      const whole = await lossAndGrads(net, b, true);
      const before = tf.memory().numTensors;
      const calls = useSerialParts(tf.backend(), 3);
      const split = await lossAndGrads(net, b, true);
      // Every parted kernel the step runs was split (Winograd's in the cases above: one block here).
      const expected = [
        'batch_norm_sums',
        'batch_norm_squares',
        'batch_norm_apply',
        'batch_norm_grad_sums',
        'batch_norm_grad_apply',
        'weighted_sum',
        'weighted_sum_grad_w',
        'pointwise_conv',
        'pointwise_filter_grad',
        'depthwise_input_grad',
        ...(preset === 'darts' ? ['depthwise_filter_grad'] : []),
      ];
      expect([...calls.keys()].sort()).toEqual(expected.sort());
      expect(tf.memory().numTensors).toBe(before);
      for (const e of errorsAgainst(split, whole)) expect(e).toBeLessThan(1e-5);
      net.dispose();
      tf.dispose([b.x, b.y]);
    }, 120_000);
  }
});
