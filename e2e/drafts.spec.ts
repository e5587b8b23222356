import { expect, test, type Page } from '@playwright/test';

/** The address's hash once it has moved on from `before` and the saved experiment has caught up with it. */
async function settledHash(page: Page, before: string): Promise<string> {
  const read = () =>
    page.evaluate(() => ({
      hash: location.hash,
      saved: localStorage.getItem('nas-studio:experiment'),
    }));
  await expect
    .poll(async () => {
      const { hash, saved } = await read();
      return hash !== before && hash.startsWith('#x=') && saved === hash;
    })
    .toBe(true);
  return (await read()).hash;
}

/** Epochs typed as `abc` and a node with no input, each shown with its problem, and Run disabled. */
async function expectAsLeft(page: Page): Promise<void> {
  await expect(page.getByTestId('field-epochs')).toHaveValue('abc');
  await expect(page.getByTestId('field-error-epochs')).toContainText('Epochs must be');
  await expect(page.getByTestId('node-n0')).toBeVisible();
  await expect(page.getByTestId('node-problem-n0')).toContainText('no incoming edge');
  await expect(page.getByTestId('run-button')).toBeDisabled();
  await expect(page.getByTestId('copy-link-note')).toContainText('sees the same problems');
}

test('typed text and a half-built cell survive a reload, and a refused address keeps them', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto('/');
  await expect(page.getByTestId('run-button')).toBeEnabled();

  // An invalid strategy field and a half-built cell, as a person leaves them.
  await page.getByTestId('field-epochs').fill('abc');
  const typed = await settledHash(page, '');
  await page.getByTestId('add-node-button').click();
  await settledHash(page, typed);
  await expectAsLeft(page);

  // A reload opens the address: both come back as they were, with no banner.
  await page.reload();
  await expectAsLeft(page);
  await expect(page.getByTestId('error-banner')).toHaveCount(0);

  // An address that cannot be read at all: the banner says why, and the experiment is kept.
  await page.evaluate(() => {
    location.hash = '#x=4.this-is-not-a-link!';
  });
  await expect(page.getByTestId('link-fallback')).toContainText('the experiment you had is kept');
  await expectAsLeft(page);

  // Reloading on it restores the experiment this browser saved.
  await page.reload();
  await expect(page.getByTestId('error-banner')).toBeVisible();
  await expect(page.getByTestId('link-fallback')).toContainText(
    'the experiment you had before is restored',
  );
  await expect(page.getByTestId('link-problems')).toContainText('damaged');
  await expectAsLeft(page);

  // Fixing both makes the experiment runnable again.
  await page.getByTestId('field-epochs').fill('3');
  await page.getByTestId('node-n0').click();
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('node-n0')).toHaveCount(0);
  await expect(page.getByTestId('run-button')).toBeEnabled();
  await expect(page.getByTestId('copy-link-note')).toHaveCount(0);
});
