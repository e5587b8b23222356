import { expect, test, type Page } from '@playwright/test';
import { setUpTiny, stepsDone } from './studio';

/** Opens the History view of `page` and returns its first row (the most recently updated run). */
async function firstHistoryRow(page: Page) {
  await page.getByTestId('view-tab-history').click();
  const row = page.getByTestId('history-row').first();
  await expect(row).toBeVisible();
  return row;
}

test('a run in one tab keeps running when a second tab opens: the second tab neither offers to resume it nor marks it stopped', async ({
  context,
}) => {
  const first = await context.newPage();
  await setUpTiny(first, { backend: 'wasm', samples: 200, epochs: 40, batchSize: 8, seed: 5 });
  await first.getByTestId('run-button').click();
  await expect(first.getByTestId('run-status')).toHaveText('running');
  // Past the first epoch, so the run has a checkpoint: a run left so by a closed tab is offered for resuming.
  await expect.poll(() => stepsDone(first), { intervals: [50] }).toBeGreaterThan(40);

  const second = await context.newPage();
  await second.goto('/');
  const row = await firstHistoryRow(second);
  await expect(row).toContainText('running');
  await expect(row).not.toContainText('stopped');
  await expect(second.getByTestId('resume-banner')).toHaveCount(0);
  await expect(first.getByTestId('run-status')).toHaveText('running');

  // Opened again while the first tab still runs: still running, still not offered.
  const before = await stepsDone(first);
  await second.reload();
  const again = await firstHistoryRow(second);
  await expect(again).toContainText('running');
  await expect(second.getByTestId('resume-banner')).toHaveCount(0);
  await expect.poll(() => stepsDone(first), { intervals: [100] }).toBeGreaterThan(before);
  await expect(first.getByTestId('run-status')).toHaveText('running');

  // The first tab's run carries on to its end, and the second tab then lists it finished.
  await expect(first.getByTestId('run-status')).toHaveText('finished', { timeout: 180_000 });
  await second.reload();
  const done = await firstHistoryRow(second);
  await expect(done).toContainText('finished');
  await expect(second.getByTestId('history-row')).toHaveCount(1);
});
