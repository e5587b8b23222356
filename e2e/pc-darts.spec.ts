import { expect, test } from '@playwright/test';
import { setField } from './studio';

test('a PC-DARTS run goes from the form to a result with its edge weights, and its link reopens it', async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  await page.goto('/');
  await page.getByTestId('preset-select').selectOption('teaching');
  await page.getByTestId('dataset-select').selectOption('spiral');
  await page.getByTestId('backend-select').selectOption('wasm');
  await page.getByTestId('strategy-kind').selectOption('pc-darts');
  await expect(page.getByTestId('field-partialK')).toHaveValue('4');
  await setField(page, 'samples', 100);
  await setField(page, 'batchSize', 16);
  await setField(page, 'seed', 5);
  // Three epochs leave the default warm-up (the paper's 30% of 300) too long: it is refused, then set to one.
  await setField(page, 'epochs', 3);
  await expect(page.getByTestId('field-error-warmupEpochs')).toBeVisible();
  await expect(page.getByTestId('run-button')).toBeDisabled();
  await setField(page, 'warmupEpochs', 1);
  // K must divide the cells' 16 channels.
  await setField(page, 'partialK', 3);
  await expect(page.getByTestId('field-error-partialK')).toContainText('must divide');
  await setField(page, 'partialK', 4);
  await expect(page.getByTestId('run-button')).toBeEnabled();

  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-status')).toHaveText('finished', { timeout: 120_000 });
  const alpha = page.locator('[data-testid="alpha-chart"] .alpha-chart');
  expect(Number((await alpha.getAttribute('data-samples')) ?? 0)).toBeGreaterThan(0);
  await expect(page.getByTestId('genotype-diagram').locator('svg .cell-node')).not.toHaveCount(0);
  await expect(page.getByTestId('loss-chart').locator('path.series-line').first()).toHaveAttribute(
    'd',
    /L/,
  );
  await expect(page.getByTestId('final-genotype')).toContainText('Genotype(normal=[');
  const edges = page.getByTestId('edge-weight-table');
  await expect(edges).toHaveCount(1);
  await expect(edges.locator('tbody tr')).toHaveCount(6);

  const include = page.getByTestId('copy-link-include-result');
  await include.check();
  await page.getByTestId('copy-link').click();
  await expect(page.getByTestId('copy-link-status')).toBeVisible();
  const link = page.url();
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await expect(other.getByTestId('link-summary')).toBeVisible();
  await expect(other.getByTestId('strategy-kind')).toHaveValue('pc-darts');
  await expect(other.getByTestId('field-partialK')).toHaveValue('4');
  await expect(other.getByTestId('field-epochs')).toHaveValue('3');
  await expect(other.getByTestId('run-button')).toBeEnabled();
  await fresh.close();
});
