import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { encode as encodePng } from 'fast-png';
import { expect, test, type Page } from '@playwright/test';
import { setField } from './studio';

const CSV = join(fileURLToPath(new URL('.', import.meta.url)), 'fixtures', 'two-blobs.csv');

/** A zip of two class folders ("dark", "bright") of 20 small PNGs each, sizes 8 to 12 pixels. */
function imageZip(): Buffer {
  const files: Record<string, Uint8Array> = {};
  for (let i = 0; i < 20; i++)
    for (const [cls, base] of [
      ['dark', 20],
      ['bright', 220],
    ] as const) {
      const side = 8 + (i % 5);
      const data = new Uint8Array(side * side).map((_, p) => base + ((p * 7 + i) % 30));
      files[`shapes/${cls}/${i}.png`] = encodePng({
        width: side,
        height: side,
        data,
        depth: 8,
        channels: 1,
      });
    }
  return Buffer.from(zipSync(files));
}

/** Opens the upload panel and picks `files`, waiting for the preview. */
async function upload(page: Page, files: Parameters<Page['setInputFiles']>[1]): Promise<void> {
  await page.getByTestId('upload-open').click();
  await page.getByTestId('upload-input').setInputFiles(files);
  await expect(page.getByTestId('upload-preview')).toBeVisible();
}

test('a CSV is previewed, used, and DARTS on the teaching preset runs on it to a result', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByTestId('preset-select').selectOption('teaching');
  await page.getByTestId('backend-select').selectOption('wasm');
  await upload(page, CSV);
  await expect(page.getByTestId('upload-summary')).toContainText(
    '300 examples in 2 classes, 2 features',
  );
  await expect(page.getByTestId('upload-scatter').locator('circle')).toHaveCount(300);
  await expect(page.getByTestId('upload-class-counts')).toContainText('blue: 150');
  await page.getByTestId('upload-use').click();
  await expect(page.getByTestId('dataset-select')).toHaveValue('upload');
  await expect(page.getByTestId('upload-in-use')).toContainText('two-blobs.csv: 300 examples');
  await page.getByTestId('strategy-kind').selectOption('darts');
  await setField(page, 'epochs', 15);
  await expect(page.getByTestId('run-button')).toBeEnabled();
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-status')).toHaveText('finished', { timeout: 180_000 });
  await expect(page.getByTestId('final-genotype')).toContainText('Genotype(normal=[');
});

test('an image zip is previewed, used, and SPOS runs on it to a result', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('backend-select').selectOption('wasm');
  await upload(page, { name: 'shapes.zip', mimeType: 'application/zip', buffer: imageZip() });
  await expect(page.getByTestId('upload-summary')).toContainText(
    '40 examples in 2 classes, 14 × 14 gray',
  );
  await page.getByTestId('upload-side').fill('8');
  await page.getByTestId('upload-side').blur();
  await expect(page.getByTestId('upload-summary')).toContainText('8 × 8 gray');
  await expect(page.getByTestId('upload-images').locator('canvas')).toHaveCount(8);
  await page.getByTestId('upload-use').click();
  await expect(page.getByTestId('dataset-select')).toHaveValue('upload');
  await expect(page.getByTestId('preset-select')).toHaveValue('nb201');
  await page.getByTestId('strategy-kind').selectOption('spos');
  await setField(page, 'epochs', 2);
  await setField(page, 'generations', 2);
  await expect(page.getByTestId('run-button')).toBeEnabled();
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-status')).toHaveText('finished', { timeout: 180_000 });
});

test('a link to an uploaded dataset asks for the file in a fresh browser and takes only the same file', async ({
  page,
  browser,
}) => {
  await page.goto('/');
  await upload(page, CSV);
  await page.getByTestId('upload-use').click();
  await expect(page.getByTestId('dataset-select')).toHaveValue('upload');
  await setField(page, 'epochs', 5);
  await expect.poll(() => new URL(page.url()).hash).toMatch(/^#x=\d+\./);
  await page.waitForTimeout(600);
  const link = page.url();

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await expect(other.getByTestId('dataset-select')).toHaveValue('upload');
  await expect(other.getByTestId('upload-missing')).toContainText('two-blobs.csv');
  await expect(other.getByTestId('run-button')).toBeDisabled();
  const edited = readFileSync(CSV, 'utf8').replace('orange', 'blue');
  await other.getByTestId('upload-missing-input').setInputFiles({
    name: 'two-blobs.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(edited),
  });
  await expect(other.getByTestId('upload-missing-message')).toContainText('content hash differs');
  await expect(other.getByTestId('upload-missing')).toBeVisible();
  await other.getByTestId('upload-missing-input').setInputFiles(CSV);
  await expect(other.getByTestId('upload-missing')).toHaveCount(0);
  await expect(other.getByTestId('run-button')).toBeEnabled();
  await fresh.close();
});
