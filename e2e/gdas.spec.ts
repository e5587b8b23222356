import { expect, test } from '@playwright/test';
import { setField } from './studio';

test('a GDAS run goes from the form to a result, draws its views, and its link reopens it', async ({
  page,
  browser,
}) => {
  await page.goto('/');
  await page.getByTestId('preset-select').selectOption('teaching');
  await page.getByTestId('dataset-select').selectOption('spiral');
  await page.getByTestId('backend-select').selectOption('wasm');
  await page.getByTestId('strategy-kind').selectOption('gdas');
  await expect(page.getByTestId('field-tauMax')).toHaveValue('10');
  await expect(page.getByTestId('field-tauMin')).toHaveValue('0.1');
  for (const [name, value] of Object.entries({
    samples: 100,
    epochs: 2,
    batchSize: 8,
    seed: 5,
    tauMin: 0.5,
  }))
    await setField(page, name, value);
  await expect(page.getByTestId('run-button')).toBeEnabled();
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-status')).toHaveText('finished', { timeout: 120_000 });

  const alpha = page.locator('[data-testid="alpha-chart"] .alpha-chart');
  await expect
    .poll(async () => Number((await alpha.getAttribute('data-samples')) ?? 0))
    .toBeGreaterThan(0);
  await expect(alpha.locator('path.alpha-line').first()).toHaveAttribute('d', /L/);
  await expect(page.getByTestId('genotype-diagram').locator('svg .cell-node')).not.toHaveCount(0);
  await expect(page.getByTestId('final-genotype')).toContainText('Genotype(normal=[');
  await expect(page.getByTestId('collapse-diagnostics')).toBeVisible();

  await expect.poll(() => new URL(page.url()).hash).toMatch(/^#x=\d+\./);
  await page.waitForTimeout(600);
  const link = page.url();
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await expect(other.getByTestId('strategy-kind')).toHaveValue('gdas');
  await expect(other.getByTestId('field-tauMin')).toHaveValue('0.5');
  await expect(other.getByTestId('field-epochs')).toHaveValue('2');
  await expect(other.getByTestId('run-button')).toBeEnabled();
  await fresh.close();
});
