import { expect, test, type Page } from '@playwright/test';
import { setUpTiny, stepsDone } from './studio';

/** The final genotype and metrics text of the run shown. */
async function resultText(page: Page): Promise<{ genotype: string; metrics: string }> {
  return {
    genotype: (await page.getByTestId('final-genotype').textContent()) ?? '',
    metrics: (await page.getByTestId('final-metrics').textContent()) ?? '',
  };
}

test('a run survives a reload: resume from its checkpoint, finish as an uninterrupted run does, then replay, rename, compare and delete it in the history', async ({
  page,
}) => {
  await setUpTiny(page, { backend: 'wasm', samples: 200, epochs: 40, batchSize: 8, seed: 11 });
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-status')).toHaveText(/running|finished/);
  // Past the first epoch (a checkpoint is taken at each epoch's end), then pause and reload.
  await expect.poll(() => stepsDone(page), { intervals: [50] }).toBeGreaterThan(40);
  await page.getByTestId('pause-button').click();
  await expect(page.getByTestId('run-status')).toHaveText('paused');
  await page.getByTestId('view-tab-history').click();
  await expect(page.getByTestId('history-row')).toHaveCount(1);
  await expect(page.getByTestId('history-row')).toContainText(/checkpoint at step \d+/);

  await page.reload();
  const banner = page.getByTestId('resume-banner');
  await expect(banner).toBeVisible();
  await expect(banner).toContainText(/checkpoint is at step \d+/);
  await page.getByTestId('resume-run').click();
  await expect(banner).toHaveCount(0);
  // Resume opens the Run view, where the resumed run's charts are.
  await expect(page.getByTestId('view-tab-run')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('run-status')).toHaveText('finished', { timeout: 120_000 });
  const resumed = await resultText(page);
  expect(resumed.genotype).toContain('Genotype(normal=[');
  // The derived cell is scored with inherited weights and listed as a subnet to train or export.
  await expect(page.getByTestId('derived-cell')).toContainText('Derived cell');
  await page.getByTestId('view-tab-search').click();
  await expect(page.getByTestId('pareto-point')).toHaveCount(1);
  await page.getByTestId('view-tab-run').click();

  // The same experiment run straight through ends exactly where the resumed run ended.
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-status')).toHaveText('finished', { timeout: 120_000 });
  expect(await resultText(page)).toEqual(resumed);

  await page.getByTestId('view-tab-history').click();
  const rows = page.getByTestId('history-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText('finished');
  await expect(rows.nth(1)).toContainText('finished');

  // Replay the resumed run read-only: its charts and result are shown, and the way back.
  await rows.nth(1).getByTestId('history-open').click();
  await expect(page.getByTestId('replay-bar')).toBeVisible();
  await expect(page.getByTestId('loss-chart').locator('path.series-line').first()).toHaveAttribute(
    'd',
    /L/,
  );
  expect(await resultText(page)).toEqual(resumed);
  await page.getByTestId('replay-close').click();
  await expect(page.getByTestId('replay-bar')).toHaveCount(0);

  // Rename: an empty name is refused with a message; a real one sticks.
  await page.getByTestId('view-tab-history').click();
  await rows.nth(1).getByTestId('history-rename').click();
  await page.getByTestId('history-rename-input').fill('  ');
  await page.getByTestId('history-rename-input').press('Enter');
  await expect(page.getByTestId('history-problem')).toBeVisible();
  await page.getByTestId('history-rename-input').fill('Resumed spiral run');
  await page.getByTestId('history-rename-input').press('Enter');
  await expect(rows.nth(1).getByTestId('history-name')).toHaveText('Resumed spiral run');

  // Compare both runs' curves, then delete one.
  await rows.nth(0).getByRole('checkbox').check();
  await rows.nth(1).getByRole('checkbox').check();
  await page.getByTestId('history-compare-button').click();
  const compare = page.getByTestId('history-compare');
  await expect(compare).toBeVisible();
  await expect(compare.getByTestId('compare-loss').locator('path.series-line')).not.toHaveCount(0);
  await rows.nth(0).getByTestId('history-delete').click();
  await rows.nth(0).getByTestId('history-delete-confirm').click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first().getByTestId('history-name')).toHaveText('Resumed spiral run');
});
