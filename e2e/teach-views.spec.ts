import { expect, test, type Locator, type Page } from '@playwright/test';
import { setField } from './studio';

/** The teaching cell on xor: `samples` points, `epochs` epochs, seed 3, wasm. */
async function xorExperiment(page: Page, samples: number, epochs: number): Promise<void> {
  await page.goto('/');
  await page.getByTestId('preset-select').selectOption('teaching');
  await page.getByTestId('dataset-select').selectOption('xor');
  await page.getByTestId('backend-select').selectOption('wasm');
  await setField(page, 'samples', samples);
  await setField(page, 'epochs', epochs);
  await setField(page, 'seed', 3);
}

/** The scatter's marks, one path per split and class: where each lies and its colour (xor's noise moves labels, not points). */
const pointPlaces = (page: Page): Promise<string[]> =>
  page
    .getByTestId('data-scatter')
    .locator('.plane-points path')
    .evaluateAll((els) =>
      els.map(
        (el) =>
          `${el.getAttribute('d') ?? ''} ${el.getAttribute('fill') ?? ''} ${el.getAttribute('stroke') ?? ''}`,
      ),
    );

/** How many points a plane view draws (its paths say how many marks each holds). */
const markCount = (plane: Locator): Promise<number> =>
  plane
    .locator('.plane-points path')
    .evaluateAll((els) => els.reduce((n, el) => n + Number(el.getAttribute('data-points')), 0));

test('a 2D dataset is drawn as a scatter that follows its settings', async ({ page }) => {
  await xorExperiment(page, 200, 5);
  const scatter = page.getByTestId('data-scatter');
  await expect(scatter.locator('svg')).toBeVisible();
  await expect.poll(() => markCount(scatter)).toBe(200);
  // Training points are filled circles, validation rings, test triangles: all three splits are there.
  for (const split of ['train', 'valid', 'test'])
    expect(
      await scatter.locator(`.plane-points path[data-split="${split}"]`).count(),
    ).toBeGreaterThan(0);
  const before = await pointPlaces(page);
  await setField(page, 'noise', 0.3);
  await expect.poll(async () => (await pointPlaces(page)).join('|')).not.toBe(before.join('|'));
  await setField(page, 'samples', 120);
  await expect.poll(() => markCount(scatter)).toBe(120);
  // Another set (its own default sample count) redraws too.
  await page.getByTestId('dataset-select').selectOption('spiral');
  const samples = Number(await page.getByTestId('field-samples').inputValue());
  await expect.poll(() => markCount(scatter)).toBe(samples);
});

test('presenter mode shows one view at a time, moves with the keys and leaves with Escape', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByTestId('presenter-bar')).toHaveCount(0);
  await page.keyboard.press('p');
  await expect(page.getByTestId('presenter-bar')).toBeVisible();
  await expect(page.getByTestId('presenter-title')).toHaveText('Search space');
  await expect(page.getByTestId('presenter-slide-composer')).toBeVisible();
  await expect(page.locator('.sidebar')).toHaveCount(0);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('presenter-title')).toHaveText('Loss and accuracy');
  await expect(page.getByTestId('presenter-slide-metrics')).toBeVisible();
  await page.keyboard.press('PageDown');
  await expect(page.getByTestId('presenter-title')).toHaveText('Decision boundary');
  await page.keyboard.press('PageUp');
  await expect(page.getByTestId('presenter-title')).toHaveText('Loss and accuracy');
  await page.getByTestId('presenter-next').click();
  await expect(page.getByTestId('presenter-title')).toHaveText('Decision boundary');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('presenter-bar')).toHaveCount(0);
  await expect(page.locator('.sidebar')).toBeVisible();
  // Leaving keeps the tab of the last view shown.
  await expect(page.getByTestId('view-tab-run')).toHaveAttribute('aria-selected', 'true');
  await page.getByTestId('presenter-toggle').click();
  await expect(page.getByTestId('presenter-title')).toHaveText('Loss and accuracy');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('presenter-bar')).toHaveCount(0);
});

test('a teaching DARTS run on xor draws both decision boundaries, and its shared link opens as a result card', async ({
  page,
  browser,
}) => {
  test.setTimeout(420_000);
  await xorExperiment(page, 200, 6);
  await page.getByTestId('run-button').click();
  const supernet = page.getByTestId('boundary-supernet');
  const derived = page.getByTestId('boundary-derived');
  await expect(supernet.locator('.plane-heatmap')).toHaveAttribute('data-cells', String(40 * 40), {
    timeout: 180_000,
  });
  await expect(derived.locator('.plane-heatmap')).toHaveAttribute('data-cells', String(40 * 40));
  await expect(derived.locator('.plane-heatmap path').first()).toHaveAttribute('d', /^M/);
  await expect.poll(() => markCount(supernet)).toBe(200);
  await expect(page.getByTestId('run-status')).toHaveText('finished', { timeout: 240_000 });
  await expect(page.getByTestId('decision-boundary')).toContainText('After epoch 6');

  const include = page.getByTestId('copy-link-include-result');
  await expect(include).toBeEnabled();
  await expect(include).not.toBeChecked();
  await include.check();
  await page.getByTestId('copy-link').click();
  await expect(page.getByTestId('copy-link-status')).toBeVisible();
  const link = page.url();

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  const card = other.getByTestId('link-summary');
  await expect(card).toBeVisible();
  await expect(card.getByTestId('link-summary-cells').locator('svg').first()).toBeVisible();
  await expect(card.getByTestId('link-summary-figures')).toContainText('Validation accuracy');
  await expect(card.getByTestId('link-summary-figures')).toContainText('FLOPs');
  const date = (await card.getByTestId('link-summary-date').textContent()) ?? '';
  expect(date).toMatch(/\b20\d\d\b/);
  expect(date).not.toMatch(/\d{4}-\d\d-\d\dT/);
  await expect(other.getByTestId('copy-link-include-result')).not.toBeChecked();
  await fresh.close();
});
