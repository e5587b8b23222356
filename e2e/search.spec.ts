import { expect, test, type Page } from '@playwright/test';
import { setField } from './studio';

/** Opens the studio on the teaching space and the spiral, on wasm, with `kind` chosen and a tiny budget. */
async function setUpSearch(page: Page, kind: 'spos' | 'multi-trial'): Promise<void> {
  await page.goto('/');
  await page.getByTestId('preset-select').selectOption('teaching');
  await page.getByTestId('dataset-select').selectOption('spiral');
  await page.getByTestId('backend-select').selectOption('wasm');
  await page.getByTestId('strategy-kind').selectOption(kind);
  await setField(page, 'samples', 200);
  await setField(page, 'epochs', 3);
  await setField(page, 'batchSize', 16);
  await setField(page, 'seed', 5);
}

/** Waits for the run to finish and opens the Pareto view. */
async function finishAndOpenSearch(page: Page): Promise<void> {
  await expect(page.getByTestId('run-status')).toHaveText('finished', { timeout: 180_000 });
  await page.getByTestId('view-tab-search').click();
  await expect(page.getByTestId('pareto-chart')).toBeVisible();
}

test('SPOS with evolution: the Pareto chart shows points and a front, a click inspects a subnet, the table matches the chart', async ({
  page,
}) => {
  await setUpSearch(page, 'spos');
  // Three epochs at the spiral's default SPOS rate (0.03) leave every subnet at chance, so the
  // ranking below would rest on a constant sample; the other 2D sets' 0.1 separates them.
  await setField(page, 'weightLr', 0.1);
  await page.getByTestId('spos-search').selectOption('evolution');
  await setField(page, 'generations', 2);
  await setField(page, 'population', 6);
  await setField(page, 'topK', 2);
  await setField(page, 'mutations', 3);
  await setField(page, 'crossovers', 3);
  await expect(page.getByTestId('run-button')).toBeEnabled();
  await page.getByTestId('run-button').click();
  await finishAndOpenSearch(page);

  const points = page.getByTestId('pareto-point');
  await expect(points).not.toHaveCount(0);
  const count = await points.count();
  expect(count).toBeGreaterThan(1);
  expect(count).toBeLessThanOrEqual(12);
  await expect(page.getByTestId('pareto-front')).toHaveAttribute('d', /^M/);
  await expect(page.getByTestId('subnet-row')).toHaveCount(count);

  // The latency lookup table was measured and a few whole subnets were timed against it.
  await expect(page.getByTestId('latency-check').locator('tbody tr')).not.toHaveCount(0);

  // A brush over the whole plot selects every point; the table can show just that set.
  const overlay = page.locator('.pareto-brush .overlay');
  const box = await overlay.boundingBox();
  if (!box) throw new Error('The Pareto chart has no brush area.');
  await page.mouse.move(box.x + 2, box.y + 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
  await page.mouse.move(box.x + box.width - 2, box.y + box.height - 2, { steps: 5 });
  await page.mouse.up();
  await page.getByTestId('only-brushed').check();
  await expect(page.getByTestId('only-brushed').locator('..')).toContainText(`(${count})`);
  await expect(page.getByTestId('subnet-row')).toHaveCount(count);
  await page.getByTestId('clear-brush').click();
  await expect(page.getByTestId('only-brushed').locator('..')).toContainText('(0)');

  await points.last().click();
  const inspector = page.getByTestId('subnet-inspector');
  await expect(inspector).toBeVisible();
  await expect(
    inspector.getByTestId('inspector-cell-diagram').locator('svg .cell-node'),
  ).not.toHaveCount(0);
  await expect(inspector).toContainText(/inherited/i);

  // Train it stand-alone; the result appears beside the supernet estimate.
  await page.getByTestId('standalone-epochs').fill('2');
  await inspector.getByTestId('train-standalone').click();
  await expect(inspector.getByTestId('standalone-result')).toBeVisible({ timeout: 120_000 });

  // Ranking fidelity over the top subnets trained stand-alone.
  await page.getByTestId('train-top').click();
  await expect(page.getByTestId('kendall-tau')).toContainText(/-?\d\.\d/, { timeout: 180_000 });
  await expect(page.getByTestId('spearman-rho')).toContainText(/-?\d\.\d/);
  await expect(page.getByTestId('kendall-tau-interval')).toContainText(/90% interval/);
  await expect(page.getByTestId('fidelity-point')).not.toHaveCount(0);
  await expect(page.getByTestId('fidelity-diagonal')).toHaveCount(1);

  // Once the trainings end, n counts the pairs and the marks drawn hold every one of them.
  await expect(page.getByTestId('cancel-standalone')).toHaveCount(0, { timeout: 180_000 });
  const n = Number(
    /n = (\d+)/.exec((await page.getByTestId('fidelity-n').textContent()) ?? '')?.[1],
  );
  expect(n).toBeGreaterThanOrEqual(5);
  // The chart draws on a later frame than the count above (charts redraw at most ten times a second).
  await expect
    .poll(async () => {
      const counts = await page
        .getByTestId('fidelity-point')
        .evaluateAll((marks) => marks.map((m) => Number(m.getAttribute('data-count'))));
      return counts.reduce((a, b) => a + b, 0);
    })
    .toBe(n);
  await expect(page.getByTestId('fidelity-drawn')).toHaveAttribute('data-n', String(n));
});

test('multi-trial random search trains each subnet stand-alone and plots every one', async ({
  page,
}) => {
  await setUpSearch(page, 'multi-trial');
  // Evolution offers a zero-cost warm-up, whose pool shows once a proxy is chosen; random search has neither.
  await page.getByTestId('multi-trial-search').selectOption('evolution');
  await expect(page.getByTestId('field-warmupPool')).toHaveCount(0);
  await page.getByTestId('warmup-proxy-select').selectOption('synflow');
  await setField(page, 'warmupPool', 50);
  await page.getByTestId('multi-trial-search').selectOption('random');
  await expect(page.getByTestId('warmup-proxy-select')).toHaveCount(0);
  await expect(page.getByTestId('field-warmupPool')).toHaveCount(0);
  await setField(page, 'trials', 4);
  await setField(page, 'epochs', 2);
  await page.getByTestId('run-button').click();
  await finishAndOpenSearch(page);
  await expect(page.getByTestId('pareto-point')).toHaveCount(4);
  await expect(page.getByTestId('subnet-row')).toHaveCount(4);
  await expect(page.getByTestId('subnet-table')).toContainText(/stand-alone/i);
});
