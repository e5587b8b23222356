import { expect, test, type Page } from '@playwright/test';
import { build } from 'esbuild';
import type { CheckReply, CheckRequest } from './webgpu-kernels/protocol';

/** Tolerance of every comparison: relative to the largest value compared. */
const TOLERANCE = 1e-5;

let bundle: string | null = null;

/** The check worker bundled for the browser (tfjs, the webgpu backend and the engine in one module). */
async function workerBundle(): Promise<string> {
  if (bundle !== null) return bundle;
  const out = await build({
    entryPoints: ['e2e/webgpu-kernels/worker.ts'],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent',
  });
  bundle = out.outputFiles[0]?.text ?? '';
  return bundle;
}

/**
 * Opens a blank page on the preview server's origin (WebGPU wants a secure context: http://127.0.0.1
 * is one) and runs `request` in a module worker made from the bundle.
 */
async function runInWorker(page: Page, request: CheckRequest): Promise<CheckReply> {
  await page.route('**/__webgpu-kernels', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: '<!doctype html><title>webgpu kernels</title>',
    }),
  );
  await page.goto('/__webgpu-kernels');
  const code = await workerBundle();
  return page.evaluate(
    ([source, what]) =>
      new Promise<CheckReply>((resolve) => {
        const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
        const worker = new Worker(url, { type: 'module' });
        worker.addEventListener('message', (event: MessageEvent<CheckReply>) =>
          resolve(event.data),
        );
        worker.addEventListener('error', (event) =>
          resolve({ kind: 'error', message: event.message || 'the worker failed to load' }),
        );
        worker.postMessage(what);
      }),
    [code, request] as const,
  );
}

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
    // Under SwiftShader on 2 busy cores: about 8 minutes.
    test.setTimeout(1_200_000);
    expectChecksPass(await runInWorker(page, 'steps'));
  });

  // Two benchmark steps under SwiftShader take minutes: run with WEBGPU_COUNT=1 to measure.
  test('a benchmark step runs fewer GPU programs with the kernels than composed', async ({
    page,
  }) => {
    test.skip(
      process.env.WEBGPU_COUNT !== '1',
      'set WEBGPU_COUNT=1 to count (minutes under SwiftShader)',
    );
    test.setTimeout(1_800_000);
    const reply = await runInWorker(page, 'count');
    if (reply.kind === 'error') throw new Error(reply.message);
    expect(reply.kind).toBe('count');
    if (reply.kind !== 'count') return;
    const { withKernels, composed } = reply.counts;
    console.log(
      `one benchmark step on ${reply.backend} (${reply.adapter}): ${withKernels.programs} GPU programs and ${withKernels.kernels} kernel calls with the WGSL kernels, ${composed.programs} and ${composed.kernels} composed`,
    );
    expect(withKernels.programs).not.toBeNull();
    expect(withKernels.programs ?? Infinity).toBeLessThan(composed.programs ?? 0);
  });
});
