import { expect, test } from '@playwright/test';
import { setField, setUpTiny, stepsDone } from './studio';

test('a DARTS run on the teaching space can be watched, paused, stepped, resumed and stopped', async ({
  page,
}) => {
  await setUpTiny(page, { backend: 'wasm', samples: 200, epochs: 500, batchSize: 8, seed: 3 });
  await page.getByTestId('run-button').click();

  await expect(page.getByTestId('backend-badge')).toContainText(/webgpu|wasm|webgl|cpu/);
  await expect(page.getByTestId('run-status')).toHaveText('running');

  const alpha = page.locator('[data-testid="alpha-chart"] .alpha-chart');
  await expect
    .poll(async () => Number((await alpha.getAttribute('data-samples')) ?? 0))
    .toBeGreaterThan(0);
  const firstSamples = Number(await alpha.getAttribute('data-samples'));
  const firstPoints = Number(
    await alpha.locator('path.alpha-line').first().getAttribute('data-points'),
  );
  await expect
    .poll(async () => Number((await alpha.getAttribute('data-samples')) ?? 0))
    .toBeGreaterThan(firstSamples);
  await expect
    .poll(async () =>
      Number(await alpha.locator('path.alpha-line').first().getAttribute('data-points')),
    )
    .toBeGreaterThan(firstPoints);
  await expect(page.getByTestId('genotype-diagram').locator('svg .cell-node')).not.toHaveCount(0);
  await expect(page.getByTestId('loss-chart').locator('path.series-line').first()).toHaveAttribute(
    'd',
    /L/,
  );

  await page.getByTestId('pause-button').click();
  await expect(page.getByTestId('run-status')).toHaveText('paused');
  await page.waitForTimeout(500);
  const paused = await stepsDone(page);
  await page.waitForTimeout(1500);
  expect(await stepsDone(page)).toBe(paused);

  await page.getByTestId('step-button').click();
  await expect.poll(() => stepsDone(page)).toBe(paused + 1);
  await page.waitForTimeout(1000);
  expect(await stepsDone(page)).toBe(paused + 1);

  await page.getByTestId('resume-button').click();
  await expect(page.getByTestId('run-status')).toHaveText('running');
  await expect.poll(() => stepsDone(page)).toBeGreaterThan(paused + 2);

  await page.getByTestId('stop-button').click();
  await expect(page.getByTestId('run-status')).toHaveText('stopped');
  await expect(page.getByTestId('run-button')).toBeEnabled();
  await expect(page.getByTestId('final-genotype')).toContainText('Genotype(normal=[');
  await expect(page.getByTestId('alpha-table').locator('td.argmax')).toHaveCount(6);
});

test('an invalid hyper-parameter is refused beside its field and disables Run', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByTestId('run-button')).toBeEnabled();
  await setField(page, 'weightLr', '-1');
  await expect(page.getByTestId('field-error-weightLr')).toContainText('-1');
  await expect(page.getByTestId('field-error-weightLr')).toContainText(/learning rate/i);
  await expect(page.getByTestId('run-button')).toBeDisabled();

  await setField(page, 'weightLr', '0.05');
  await expect(page.getByTestId('field-error-weightLr')).toHaveCount(0);
  await setField(page, 'batchSize', '0');
  await expect(page.getByTestId('field-error-batchSize')).toBeVisible();
  await expect(page.getByTestId('run-button')).toBeDisabled();
  await setField(page, 'batchSize', '32');
  await setField(page, 'epochs', '100000');
  await expect(page.getByTestId('field-error-epochs')).toContainText('500');
  await expect(page.getByTestId('run-button')).toBeDisabled();
  await setField(page, 'epochs', '3');
  await expect(page.getByTestId('run-button')).toBeEnabled();
});
