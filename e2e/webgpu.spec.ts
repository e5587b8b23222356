import { expect, test, type Page } from '@playwright/test';
import { listenForViolations, recordedViolations, watchViolations } from './csp-watch';
import { readStepLog, setUpTiny, type LoggedStep } from './studio';

const TINY = { samples: 100, epochs: 1, batchSize: 8, seed: 11 } as const;
const STEPS = 3;

/** Runs the tiny experiment to the end on `backend`; returns the badge text and the logged steps. */
async function runOn(
  page: Page,
  backend: 'webgpu' | 'wasm',
): Promise<{ badge: string; steps: LoggedStep[] }> {
  await page.getByTestId('backend-select').selectOption(backend);
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-status')).toHaveText('finished', { timeout: 180_000 });
  const badge = (await page.getByTestId('backend-badge').textContent()) ?? '';
  return { badge, steps: await readStepLog(page) };
}

test('webgpu (SwiftShader) trains the same first steps as wasm for the same seed, and neither run nor any tab meets a Content-Security-Policy refusal', async ({
  page,
}) => {
  await listenForViolations(page);
  const refused = watchViolations(page);
  await setUpTiny(page, { backend: 'webgpu', ...TINY });
  const gpu = await runOn(page, 'webgpu');
  expect(gpu.badge).toMatch(/webgpu/);
  expect(gpu.badge).not.toMatch(/next run/);
  const cpu = await runOn(page, 'wasm');
  expect(cpu.badge).toMatch(/wasm/);
  expect(gpu.steps.length).toBeGreaterThanOrEqual(STEPS);
  for (let i = 0; i < STEPS; i++) {
    const a = gpu.steps[i];
    const b = cpu.steps[i];
    expect(a?.step).toBe(b?.step);
    for (const key of ['trainLoss', 'alphaLoss'] as const) {
      const x = a?.[key] ?? Number.NaN;
      const y = b?.[key] ?? Number.NaN;
      expect(Number.isFinite(x)).toBe(true);
      expect(Math.abs(x - y) / Math.max(Math.abs(y), 1e-6)).toBeLessThan(1e-3);
    }
  }
  // Every tab and a chart export after both runs, under the page's policy.
  const tabs = page.locator('[data-testid^="view-tab-"]');
  for (let i = 0; i < (await tabs.count()); i++) await tabs.nth(i).click();
  await page.getByTestId('view-tab-run').click();
  const download = page.waitForEvent('download');
  await page.getByTestId('export-png-genotype-normal').click();
  await download;
  expect(await recordedViolations(page)).toEqual([]);
  expect(refused).toEqual([]);
});
