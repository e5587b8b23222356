import { expect, test } from '@playwright/test';
import { setField } from './studio';

test('a zero-cost run on the teaching space scores every architecture, plots them, and its top 3 trained stand-alone fill the proxy table', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByTestId('preset-select').selectOption('teaching');
  await page.getByTestId('dataset-select').selectOption('spiral');
  await page.getByTestId('backend-select').selectOption('wasm');
  await page.getByTestId('strategy-kind').selectOption('zero-cost');
  await page.getByTestId('proxy-select').selectOption('synflow');
  await setField(page, 'samples', 200);
  await setField(page, 'topK', 3);
  await setField(page, 'epochs', 4);
  await setField(page, 'batchSize', 16);
  await setField(page, 'seed', 2);
  await expect(page.getByTestId('run-button')).toBeEnabled();
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-status')).toHaveText('finished', { timeout: 150_000 });
  await page.getByTestId('view-tab-search').click();

  // Every architecture of the teaching space (5 ops on 6 edges) was scored once and is plotted.
  await expect(page.getByTestId('proxy-scored-count')).toHaveText('15,625');
  const plotted = page.getByTestId('proxy-scores-chart').locator('path.score-points');
  await expect(plotted).toHaveAttribute('data-count', /^\d+$/);
  const drawn = Number(await plotted.getAttribute('data-count'));
  const summary = (await page.getByTestId('proxy-scores-summary').textContent()) ?? '';
  expect(summary).toContain('15,625 architecture(s) scored with synflow');
  expect(summary).toContain(`${drawn.toLocaleString('en-US')} drawn`);
  expect(drawn).toBeGreaterThan(0);
  await expect(
    page.getByTestId('proxy-scores-chart').locator('circle.score-highlight'),
  ).toHaveCount(3);

  // The three trained architectures fill the table: every proxy and baseline over n = 3, which
  // is too few for a rank correlation, and the table says so instead of giving a τ.
  await expect(page.getByTestId('proxy-trust-n')).toHaveText('3');
  const rows = page.getByTestId('proxy-trust-table').locator('tbody tr');
  await expect(rows).toHaveCount(9);
  await expect(page.getByTestId('proxy-trust-pairs-snip')).toHaveText('3');
  await expect(page.getByTestId('proxy-trust-pairs-params')).toHaveText('3');
  await expect(page.getByTestId('proxy-trust-kendall-synflow')).toContainText('too few (n = 3');
  await expect(page.getByTestId('proxy-scatter-naswot')).toBeVisible();
  // The subnet table lists the trained three among the best-scored, not the whole space.
  await expect(page.getByTestId('subnet-row')).toHaveCount(53);
});
