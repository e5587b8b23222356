import { expect, test, type Page } from '@playwright/test';
import { setField, stepsDone, type TinyExperiment } from './studio';

/** The test handle the page sets on `window` when opened with `?e2e` (src/bridge/test-hooks.ts). */
interface EngineTestHandle {
  killEngineWorker(): boolean;
  loseGpuDevice(): boolean;
}

/** Opens the studio with its test handle and fills the form for `exp` (as setUpTiny does). */
async function setUp(page: Page, exp: TinyExperiment): Promise<void> {
  await page.goto('/?e2e');
  await page.getByTestId('preset-select').selectOption('teaching');
  await page.getByTestId('dataset-select').selectOption('spiral');
  await page.getByTestId('backend-select').selectOption(exp.backend);
  await setField(page, 'samples', exp.samples);
  await setField(page, 'epochs', exp.epochs);
  await setField(page, 'batchSize', exp.batchSize);
  await setField(page, 'seed', exp.seed);
  await expect(page.getByTestId('run-button')).toBeEnabled();
}

/** Calls one method of the page's test handle; true when it found a worker to act on. */
function useHandle(page: Page, method: keyof EngineTestHandle): Promise<boolean> {
  return page.evaluate((name) => {
    const handle = (window as unknown as { __nasStudioTest?: EngineTestHandle }).__nasStudioTest;
    if (handle === undefined) throw new Error('The page has no test handle (open it with ?e2e).');
    return handle[name]();
  }, method);
}

/** The epoch the run is in, from "epoch 3 / 40". */
async function epochNow(page: Page): Promise<number> {
  const text = (await page.getByTestId('run-progress').textContent()) ?? '';
  return Number(/epoch (\d+) \//.exec(text)?.[1] ?? 0);
}

/** The step counter's "done / total". */
async function counter(page: Page): Promise<{ done: number; total: number }> {
  const text = (await page.getByTestId('step-counter').textContent()) ?? '';
  const [done, total] = text.split('/').map((t) => Number(t.trim()));
  return { done: done ?? Number.NaN, total: total ?? Number.NaN };
}

/** Where the recovery line says the run resumed, and which steps it trains again. */
function resumedAt(line: string): { epoch: number; step: number; again: number } {
  const match =
    /from its checkpoint at the end of epoch (\d+) \(step (\d+)\)(?:; steps (\d+)-(\d+) are trained again)?/.exec(
      line,
    );
  if (match === null) throw new Error(`The recovery line names no checkpoint: "${line}"`);
  const again = match[3] === undefined ? 0 : Number(match[4]) - Number(match[3]) + 1;
  return { epoch: Number(match[1]), step: Number(match[2]), again };
}

/** The final genotype and metrics text of the run shown. */
async function resultText(page: Page): Promise<string> {
  return `${await page.getByTestId('final-genotype').textContent()} ${await page.getByTestId('final-metrics').textContent()}`;
}

test('a run whose engine worker is terminated mid-run carries on from its checkpoint and finishes as an uninterrupted run does', async ({
  page,
}) => {
  const epochs = 40;
  await setUp(page, { backend: 'wasm', samples: 200, epochs, batchSize: 8, seed: 11 });
  await page.getByTestId('run-button').click();
  await expect.poll(() => epochNow(page), { intervals: [50] }).toBeGreaterThanOrEqual(3);
  const before = await stepsDone(page);
  expect(await useHandle(page, 'killEngineWorker')).toBe(true);

  const recovery = page.getByTestId('run-recovery');
  await expect(recovery).toContainText('The engine worker stopped without an error message');
  await expect(page.getByTestId('run-status')).toHaveText('finished', { timeout: 120_000 });
  const line = (await recovery.textContent()) ?? '';
  test.info().annotations.push({ type: 'recovery', description: line });
  const at = resumedAt(line);
  const { done, total } = await counter(page);
  const perEpoch = total / epochs;
  expect(done).toBe(total);
  // At most one epoch lost: the checkpoint is the last epoch end before the death.
  expect(at.step).toBe(at.epoch * perEpoch);
  expect(at.again).toBeLessThanOrEqual(perEpoch);
  expect(at.step + at.again).toBeGreaterThanOrEqual(before);
  await expect(page.getByTestId('error-banner')).toHaveCount(0);
  const resumed = await resultText(page);
  expect(resumed).toContain('Genotype(normal=[');

  // The same experiment run straight through ends exactly where the carried-on run ended.
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-status')).toHaveText('finished', { timeout: 120_000 });
  await expect(recovery).toHaveCount(0);
  expect(await resultText(page)).toBe(resumed);

  // Two history rows alike: finished at the full step count.
  await page.getByTestId('view-tab-history').click();
  const rows = page.getByTestId('history-row');
  await expect(rows).toHaveCount(2);
  for (const i of [0, 1]) {
    await expect(rows.nth(i)).toContainText('finished');
    await expect(rows.nth(i)).toContainText(`${total} / ${total} steps`);
  }
});

test('a run whose WebGPU device is destroyed mid-run carries on on wasm from its checkpoint and finishes', async ({
  page,
}) => {
  // WebGPU on SwiftShader takes seconds a step: one step an epoch (the batch holds the whole training split).
  test.setTimeout(480_000);
  const epochs = 4;
  await setUp(page, { backend: 'webgpu', samples: 50, epochs, batchSize: 20, seed: 11 });
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('backend-badge')).toContainText('webgpu', { timeout: 120_000 });
  // Into epoch 2: the checkpoint after epoch 1 is taken.
  await expect
    .poll(() => epochNow(page), { intervals: [100], timeout: 300_000 })
    .toBeGreaterThanOrEqual(2);
  expect(await useHandle(page, 'loseGpuDevice')).toBe(true);

  const recovery = page.getByTestId('run-recovery');
  await expect(recovery).toContainText('The WebGPU device was lost (it was destroyed', {
    timeout: 120_000,
  });
  await expect(recovery).toContainText(
    'It carried on in a fresh worker on wasm from its checkpoint',
  );
  await expect(page.getByTestId('run-status')).toHaveText('finished', { timeout: 180_000 });
  const line = (await recovery.textContent()) ?? '';
  test.info().annotations.push({ type: 'recovery', description: line });
  const at = resumedAt(line);
  const { done, total } = await counter(page);
  expect(done).toBe(total);
  expect(at.epoch).toBeGreaterThanOrEqual(1);
  expect(at.again).toBeLessThanOrEqual(total / epochs);
  await expect(page.getByTestId('backend-badge')).toContainText('wasm');
  expect(await resultText(page)).toContain('Genotype(normal=[');
  await page.getByTestId('view-tab-history').click();
  await expect(page.getByTestId('history-row')).toContainText(`${total} / ${total} steps`);
  await expect(page.getByTestId('history-row')).toContainText('finished');
});
