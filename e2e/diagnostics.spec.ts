import { expect, test, type Page } from '@playwright/test';
import { setField } from './studio';

/** The y values of one series' markers in a line chart, in epoch order. */
async function seriesValues(page: Page, chart: string, series: string): Promise<number[]> {
  return page
    .getByTestId(chart)
    .locator(`circle[data-series="${series}"]`)
    .evaluateAll((cs) => cs.map((c) => Number(c.getAttribute('data-y'))));
}

test('a collapsing DARTS search: skip connections rise, the eigenvalue is charted, DARTS+ stops it, and perturbation selection stands beside magnitude selection', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByTestId('preset-select').selectOption('teaching');
  await page.getByTestId('dataset-select').selectOption('spiral');
  await page.getByTestId('backend-select').selectOption('wasm');
  await setField(page, 'epochs', 150);
  await page.getByTestId('early-stop-select').selectOption('darts+');
  await page.getByTestId('selection-select').selectOption('perturbation');
  await expect(page.getByTestId('field-stableEpochs')).toBeVisible();
  await expect(page.getByTestId('field-tuneEpochs')).toBeVisible();
  await page.getByTestId('run-button').click();

  await expect(page.getByTestId('run-status')).toHaveText('finished', { timeout: 180_000 });
  const card = page.getByTestId('collapse-diagnostics');
  await expect(card).toBeVisible();

  // The derived normal cell gains skip connections as the search goes on.
  const skips = await seriesValues(page, 'skip-count-chart', 'skip connections');
  expect(skips.length).toBeGreaterThan(5);
  expect(skips[0]).toBeLessThanOrEqual(1);
  expect(skips[skips.length - 1]).toBeGreaterThanOrEqual(2);

  // One finite eigenvalue per epoch in which the alphas trained.
  const eigen = await seriesValues(page, 'eigenvalue-chart', 'largest eigenvalue');
  expect(eigen).toHaveLength(skips.length);
  expect(eigen.every((v) => Number.isFinite(v))).toBe(true);

  // DARTS+ says which rule stopped the search and when; training ended before its budget.
  await expect(page.getByTestId('darts-plus')).toContainText(
    /DARTS\+ stopped the search after epoch \d+: the derived normal cell holds \d+ skip connections/,
  );
  await expect(page.getByTestId('darts-es')).toContainText('RobustDARTS');
  const counter = (await page.getByTestId('step-counter').textContent()) ?? '';
  const [done, total] = counter.split('/').map((s) => Number(s.replaceAll(',', '').trim()));
  expect(done).toBeLessThan(total ?? 0);

  // Both selections side by side, each with its inherited accuracy; train both stand-alone.
  const compare = page.getByTestId('selection-compare');
  await expect(compare).toBeVisible();
  await expect(page.getByTestId('selection-magnitude-inherited')).toContainText('%');
  await expect(page.getByTestId('selection-perturbation-inherited')).toContainText('%');
  await expect(page.getByTestId('selection-magnitude-cells').locator('svg')).not.toHaveCount(0);
  await expect(page.getByTestId('selection-perturbation-cells').locator('svg')).not.toHaveCount(0);
  await compare.locator('summary').click();
  await expect(page.getByTestId('decision-table').locator('tbody tr')).toHaveCount(6);

  await page.getByTestId('selection-magnitude-train').click();
  await page.getByTestId('selection-perturbation-train').click();
  await expect(page.getByTestId('selection-verdict')).toContainText(
    /served this run better|Too close to call/,
    { timeout: 120_000 },
  );
  await expect(page.getByTestId('selection-magnitude-standalone')).toContainText('%');
  await expect(page.getByTestId('selection-perturbation-standalone')).toContainText('%');
});
