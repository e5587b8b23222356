import { expect, test } from '@playwright/test';
import type { CheckReply } from './webgpu-kernels/protocol';
import { runInWorker } from './webgpu-kernels/run-check';

/** Tolerance of every comparison: relative to the largest value compared. */
const TOLERANCE = 1e-5;

/** Asserts every check of `reply` within TOLERANCE and leaving no tensor behind. */
function expectChecksPass(reply: CheckReply): void {
  if (reply.kind === 'error') throw new Error(reply.message);
  expect(reply.kind).toBe('checks');
  if (reply.kind !== 'checks') return;
  expect(reply.backend).toBe('webgpu');
  for (const check of reply.results) {
    console.log(
      `${check.name}: largest relative error ${Math.max(...check.errors).toExponential(2)}, tensors left ${check.tensorsLeft}`,
    );
    for (const e of check.errors) expect(e, check.name).toBeLessThan(TOLERANCE);
    expect(check.tensorsLeft, check.name).toBe(0);
  }
}

test.describe('the engine’s WGSL kernels on webgpu (SwiftShader)', () => {
  test('BatchNorm and the weighted sum equal the composed path, value and gradients', async ({
    page,
  }) => {
    test.setTimeout(300_000);
    expectChecksPass(await runInWorker(page, 'kernels'));
  });

  test('a DARTS step on the fused path equals the reference path, tensor count flat', async ({
    page,
  }) => {
    test.setTimeout(600_000);
    expectChecksPass(await runInWorker(page, 'steps'));
  });
});
