import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';

/** A repeats file `search --repeats 3` wrote: DARTS on the teaching space, seeds 1-3, 3 epochs. */
const FIXTURE = fileURLToPath(new URL('./fixtures/repeats-darts.json', import.meta.url));

test('an imported repeats file shows its seeds and their spread, and its final subnets in the search views', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByTestId('view-tab-run').click();
  await page.getByTestId('import-run').setInputFiles(FIXTURE);
  const table = page.getByTestId('imported-repeats');
  await expect(table).toContainText('Repeats: 3 of 3 seeds returned');
  await expect(table).not.toContainText('says little');
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(3 + 4);
  await expect(rows.nth(0)).toContainText('47.50%');
  await expect(rows.nth(1)).toContainText('52.50%');
  await expect(rows.nth(2)).toContainText('51.25%');
  await expect(rows.nth(3)).toContainText('mean50.42%48.33%');
  await expect(rows.nth(4)).toContainText('sd2.60%3.63%');
  await expect(page.getByTestId('imported-summary')).toContainText(
    'Final metrics of the median seed (seed 3)',
  );
  await page.getByTestId('import-replay').click();
  await expect(page.getByTestId('replay-bar')).toBeVisible();
  await page.getByTestId('view-tab-search').click();
  await expect(page.getByTestId('pareto-point')).toHaveCount(3);
});
