import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { setField } from './studio';

test('a configured experiment travels in the link to a fresh browser context', async ({
  page,
  browser,
}) => {
  await page.goto('/');
  await page.getByTestId('preset-select').selectOption('teaching');
  await page.getByTestId('dataset-select').selectOption('circles');
  await page.getByTestId('strategy-kind').selectOption('spos');
  await setField(page, 'epochs', 7);
  await setField(page, 'seed', 42);
  await page.getByTestId('max-params').fill('500');
  // The address bar follows edits (debounced).
  await expect.poll(() => new URL(page.url()).hash).toMatch(/^#x=\d+\./);
  await page.waitForTimeout(600);
  const link = page.url();

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await expect(other.getByTestId('dataset-select')).toHaveValue('circles');
  await expect(other.getByTestId('strategy-kind')).toHaveValue('spos');
  await expect(other.getByTestId('field-epochs')).toHaveValue('7');
  await expect(other.getByTestId('field-seed')).toHaveValue('42');
  await expect(other.getByTestId('max-params')).toHaveValue('500');
  await expect(other.getByTestId('run-button')).toBeEnabled();
  await fresh.close();
});

test('a mangled link shows an error and the studio still works', async ({ page }) => {
  await page.goto('/#x=2.this-is-not-a-link');
  await expect(page.getByTestId('error-banner')).toBeVisible();
  await expect(page.getByTestId('preset-select')).toBeVisible();
  await expect(page.getByTestId('run-button')).toBeEnabled();
  await page.goto('/#x=99.abc');
  await expect(page.getByTestId('error-banner')).toContainText(/newer version/);
  await setField(page, 'epochs', 5);
  await setField(page, 'samples', 200);
  await page.getByTestId('backend-select').selectOption('wasm');
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-status')).toHaveText('finished', { timeout: 120_000 });
});

test('an exported run JSON re-imports with the same genotype, and the PyTorch export is valid Python', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByTestId('backend-select').selectOption('wasm');
  await setField(page, 'samples', 200);
  await setField(page, 'epochs', 5);
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-status')).toHaveText('finished', { timeout: 120_000 });
  const genotype = (await page.getByTestId('final-genotype').textContent()) ?? '';
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-json').click(),
  ]);
  const path = await download.path();
  await page.getByTestId('import-run').setInputFiles(path);
  await expect(page.getByTestId('imported-genotype')).toHaveText(genotype);
  await expect(page.getByTestId('imported-summary')).toContainText('Read-only');
  await page.getByTestId('import-replay').click();
  await expect(page.getByTestId('replay-bar')).toBeVisible();
  await expect(page.getByTestId('final-genotype')).toHaveText(genotype);
  await expect(page.getByTestId('loss-chart').locator('path.series-line').first()).toHaveAttribute(
    'd',
    /L/,
  );
  await page.getByTestId('replay-close').click();

  const [python] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-pytorch').click(),
  ]);
  const file = join(mkdtempSync(join(tmpdir(), 'nas-studio-')), python.suggestedFilename());
  copyFileSync(await python.path(), file);
  expect(file.endsWith('.py')).toBe(true);
  expect(readFileSync(file, 'utf8')).toContain('import torch');
  // Throws (failing the test) with python's message when the file is not valid Python.
  execFileSync('python3', ['-m', 'py_compile', file], { stdio: 'pipe' });
});
