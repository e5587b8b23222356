import { expect, test, type Page } from '@playwright/test';
import { setField } from './studio';

/** Opens the explanation of view `id` with its toggle and checks the panel: controlled by the button, four headed parts, plain text. */
async function openExplanation(page: Page, id: string): Promise<void> {
  const toggle = page.getByTestId(`explain-toggle-${id}`);
  const panel = page.getByTestId(`explain-panel-${id}`);
  await expect(toggle).toBeVisible();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(panel).toBeHidden();
  const controls = await toggle.getAttribute('aria-controls');
  expect(controls).toBeTruthy();
  expect(await panel.getAttribute('id')).toBe(controls);

  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(panel).toBeVisible();
  for (const heading of [
    'What it shows',
    'How to read it',
    'What would be surprising',
    'Where it comes from',
  ])
    await expect(panel.locator('dt', { hasText: heading })).toHaveCount(1);
  const parts = await panel.locator('dd').allTextContents();
  expect(parts).toHaveLength(4);
  for (const text of parts) expect(text.trim().length).toBeGreaterThan(20);
  // The source names a year and a quoted title; nothing in the panel is markup.
  expect(parts[3]).toMatch(/\(\d{4}\), “.+”/);
  expect(await panel.locator('a, img, script, svg').count()).toBe(0);

  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(panel).toBeHidden();
}

test('every "What am I looking at?" toggle opens its explanation, on a finished teaching DARTS run and a short SPOS run', async ({
  page,
}) => {
  test.setTimeout(480_000);
  await page.goto('/');
  await page.getByTestId('preset-select').selectOption('teaching');
  await page.getByTestId('dataset-select').selectOption('xor');
  await page.getByTestId('backend-select').selectOption('wasm');
  await setField(page, 'samples', 200);
  await setField(page, 'epochs', 8);
  await setField(page, 'batchSize', 16);
  await setField(page, 'seed', 3);
  await page.getByTestId('selection-select').selectOption('perturbation');

  // The composer's size-and-cost panel and the dataset's scatter explain themselves before any run.
  await openExplanation(page, 'space-size');
  await openExplanation(page, 'data-scatter');

  await expect(page.getByTestId('run-button')).toBeEnabled();
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-status')).toHaveText('finished', { timeout: 240_000 });

  // The Run view: charts, diagnostics, genotype, alpha table, selection comparison.
  for (const id of [
    'decision-boundary',
    'loss',
    'accuracy',
    'alphas',
    'eigenvalue',
    'skip-count',
    'genotype',
    'alpha-table',
    'selection',
  ])
    await openExplanation(page, id);

  // The alpha charts share one 0..1 axis by default; the checkbox scales each edge on its own.
  const alphaChart = page.getByTestId('alpha-chart').locator('.alpha-chart');
  await expect(alphaChart).toHaveAttribute('data-shared-axis', 'true');
  const firstPanelTicks = page
    .getByTestId('alpha-chart')
    .locator('.alpha-panel')
    .first()
    .locator('.panel-tick');
  await expect(firstPanelTicks.nth(0)).toHaveText('1.00');
  await expect(firstPanelTicks.nth(1)).toHaveText('0.00');
  await page.getByTestId('alpha-shared-axis').uncheck();
  await expect(alphaChart).toHaveAttribute('data-shared-axis', 'false');

  // Every colour that stands for an op names it on hover.
  const legend = page.getByTestId('alpha-chart').locator('.legend-item');
  await expect(legend).toHaveCount(5);
  for (const item of await legend.all()) await expect(item).toHaveAttribute('title', /\S/);
  const edges = page
    .getByTestId('genotype-diagram')
    .locator('path[data-op]:not([data-op="output"])');
  await expect(edges).not.toHaveCount(0);
  for (const edge of await edges.all()) await expect(edge.locator('title')).toHaveText(/\S/);

  // The Subnets & Pareto tab: the derived cell on the front, and ranking fidelity.
  await page.getByTestId('view-tab-search').click();
  await expect(page.getByTestId('pareto-chart')).toBeVisible();
  await openExplanation(page, 'pareto');
  await openExplanation(page, 'fidelity');

  // A short SPOS run measures the latency table.
  await page.getByTestId('strategy-kind').selectOption('spos');
  await setField(page, 'epochs', 3);
  await page.getByTestId('spos-search').selectOption('evolution');
  await setField(page, 'generations', 2);
  await setField(page, 'population', 6);
  await setField(page, 'topK', 2);
  await setField(page, 'mutations', 3);
  await setField(page, 'crossovers', 3);
  await expect(page.getByTestId('run-button')).toBeEnabled();
  await page.getByTestId('run-button').click();
  // Only this run has a latency table, and its end-to-end check comes after the search.
  await page.getByTestId('view-tab-search').click();
  await expect(page.getByTestId('latency-check').locator('tbody tr')).not.toHaveCount(0, {
    timeout: 240_000,
  });
  await expect(page.getByTestId('run-status')).toHaveText('finished');
  await openExplanation(page, 'latency');
});
