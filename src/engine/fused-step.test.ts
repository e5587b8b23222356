import * as tf from '@tensorflow/tfjs';
import { afterEach, describe, expect, it } from 'vitest';
import {
  buildStepNet,
  errorsAgainst,
  lossAndGrads,
  randomStepBatch,
  relError,
  runDartsSteps,
} from './fused-step.testkit';
import { useFusedPath } from './fusion';
import { initNodeBackend } from './node-backend';

for (const backend of ['cpu', 'wasm'] as const) {
  for (const preset of ['nb201', 'darts'] as const) {
    describe(`the fused path on ${backend}, ${preset} supernet`, () => {
      afterEach(() => useFusedPath(true));

      it('gives the reference path’s loss and gradients of weights and alphas', async () => {
        await initNodeBackend(backend);
        const net = buildStepNet(preset);
        const b = randomStepBatch(4);
        const fused = await lossAndGrads(net, b, true);
        const reference = await lossAndGrads(net, b, false);
        for (const e of errorsAgainst(fused, reference)) expect(e).toBeLessThan(1e-5);
        net.dispose();
        tf.dispose([b.x, b.y]);
      }, 120_000);

      it('takes the reference path’s DARTS steps without leaking tensors', async () => {
        await initNodeBackend(backend);
        const fused = await runDartsSteps(preset, true, 3);
        const reference = await runDartsSteps(preset, false, 3);
        // Optimiser state appears at the first step; from then on the count stays flat.
        expect(fused.counts[2]).toBe(fused.counts[1]);
        fused.stats.forEach((s, i) => {
          const ref = reference.stats[i] as Float32Array;
          expect(relError(s.subarray(0, 1), ref.subarray(0, 1))).toBeLessThan(1e-5);
          expect(relError(s.subarray(2, 3), ref.subarray(2, 3))).toBeLessThan(1e-5);
        });
        fused.after.forEach((a, i) => {
          expect(relError(a, reference.after[i] as Float32Array)).toBeLessThan(1e-5);
        });
      }, 300_000);
    });
  }
}
