import { expect, test } from '@playwright/test';

/** "Derived cell with inherited weights: valid acc 81.25% (supernet 92.50%) …" as fractions. */
function derivedAndSupernet(text: string): { derived: number; supernet: number } {
  const m = /valid acc ([\d.]+)% \(supernet ([\d.]+)%\)/.exec(text);
  if (!m) throw new Error(`The derived-cell line reads "${text}".`);
  return { derived: Number(m[1]) / 100, supernet: Number(m[2]) / 100 };
}

test('the default NAS-Bench-201 / MNIST DARTS run ends with a derived cell well above chance', async ({
  page,
}) => {
  test.setTimeout(420_000);
  await page.goto('/');
  await page.getByTestId('preset-select').selectOption('nb201');
  await expect(page.getByTestId('dataset-select')).toHaveValue('mnist');
  await page.getByTestId('backend-select').selectOption('wasm');
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-status')).toHaveText('finished', { timeout: 400_000 });

  const { derived, supernet } = derivedAndSupernet(
    (await page.getByTestId('derived-cell').textContent()) ?? '',
  );
  const chance = 0.1;
  // At least halfway from chance to the supernet, with inherited weights after BN recalibration.
  expect(derived).toBeGreaterThanOrEqual(chance + (supernet - chance) / 2);
  expect(supernet).toBeGreaterThan(0.8);
  await expect(page.locator('[data-kind="derived-near-chance"]')).toHaveCount(0);
  await expect(page.locator('[data-kind="alphas-uniform"]')).toHaveCount(0);
  // The diagnostics were drawn for every epoch.
  await expect(
    page.getByTestId('skip-count-chart').locator('circle[data-series="skip connections"]'),
  ).not.toHaveCount(0);
});
