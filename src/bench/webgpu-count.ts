/**
 * `npm run bench:webgpu-count`: GPU programs (WebGPU compute dispatches) and kernel calls of one
 * benchmark step on webgpu, with the engine's WGSL kernels and composed from tfjs ops, in headless
 * Chromium (SwiftShader where there is no GPU: minutes). A measurement, not a test; its numbers
 * are in the README's Measured section.
 */
import { chromium } from '@playwright/test';
import { chromiumArgs } from '../../playwright.config';
import { runInWorker } from '../../e2e/webgpu-kernels/run-check';
import { ensureBuild, startPreview } from './serve';

const root = new URL('../../', import.meta.url).pathname;

async function main(): Promise<void> {
  await ensureBuild(root, (text) => console.log(text));
  const preview = await startPreview(root);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: chromiumArgs,
    headless: true,
  });
  try {
    const reply = await runInWorker(await browser.newPage(), 'count', preview.url);
    if (reply.kind !== 'count') throw new Error(reply.kind === 'error' ? reply.message : 'no count');
    const { withKernels, composed } = reply.counts;
    console.log(
      `one benchmark step on ${reply.backend} (${reply.adapter}): ` +
        `${withKernels.programs ?? '-'} GPU programs and ${withKernels.kernels} kernel calls with the WGSL kernels, ` +
        `${composed.programs ?? '-'} and ${composed.kernels} composed`,
    );
  } finally {
    await browser.close();
    preview.close();
  }
}

void main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
