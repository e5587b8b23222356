import { expect, test } from '@playwright/test';
import { setUpTiny, setField } from './studio';

test('a DARTS run with a latency target runs from the form to a result, shows its expected latency, and its link reopens it', async ({
  page,
  browser,
}) => {
  await setUpTiny(page, { backend: 'wasm', samples: 120, epochs: 3, batchSize: 16, seed: 3 });
  await page.getByTestId('latency-form-select').selectOption('add#linear');
  await setField(page, 'latency-targetMs', '0.05');
  await expect(page.getByTestId('field-latency-lambda')).toHaveValue('0.1');
  await expect(page.getByTestId('run-button')).toBeEnabled();
  // The address bar follows edits (debounced).
  await expect.poll(() => new URL(page.url()).hash).toMatch(/^#x=\d+\./);
  await page.waitForTimeout(600);
  const link = page.url();

  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-status')).toHaveText('finished', { timeout: 90_000 });
  const panel = page.getByTestId('latency-loss-panel');
  await expect(panel).toContainText('ProxylessNAS add#linear loss, target 0.05 ms');
  await expect(page.getByTestId('expected-latency')).toContainText(
    /Expected latency E\[LAT\] after epoch 3: [\d.e-]+ ms \(after epoch 1: [\d.e-]+ ms\)\./,
  );
  await expect(page.getByTestId('derived-latency')).toContainText(/Derived cell: [\d.e-]+ ms/);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await expect(other.getByTestId('strategy-kind')).toHaveValue('darts');
  await expect(other.getByTestId('latency-form-select')).toHaveValue('add#linear');
  await expect(other.getByTestId('field-latency-targetMs')).toHaveValue('0.05');
  await expect(other.getByTestId('field-latency-lambda')).toHaveValue('0.1');
  await expect(other.getByTestId('run-button')).toBeEnabled();
  await fresh.close();
});
