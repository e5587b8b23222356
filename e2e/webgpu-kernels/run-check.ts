/** Runs a check request of the WGSL-kernel worker in Chromium: shared by the e2e spec and the bench's dispatch count. */
import type { Page } from '@playwright/test';
import { build } from 'esbuild';
import type { CheckReply, CheckRequest } from './protocol';

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
 * Opens a blank page on the preview server's origin (`origin`, or the test's base URL) (WebGPU wants a secure context: http://127.0.0.1
 * is one) and runs `request` in a module worker made from the bundle.
 */
export async function runInWorker(
  page: Page,
  request: CheckRequest,
  origin = '',
): Promise<CheckReply> {
  await page.route('**/__webgpu-kernels', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: '<!doctype html><title>webgpu kernels</title>',
    }),
  );
  await page.goto(`${origin}/__webgpu-kernels`);
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

