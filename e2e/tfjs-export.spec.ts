import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { unzipSync } from 'fflate';
import { setField } from './studio';

/** The parts of a tfjs model.json this test reads. */
interface ModelJson {
  readonly format: string;
  readonly weightsManifest: readonly {
    readonly paths: readonly string[];
    readonly weights: readonly { readonly name: string; readonly shape: readonly number[] }[];
  }[];
}

test('a subnet trained stand-alone downloads as a tfjs model zip: model.json and the weights.bin its manifest sizes', async ({
  page,
}) => {
  // A tiny SPOS run with random search on the teaching space and the spiral.
  await page.goto('/');
  await page.getByTestId('preset-select').selectOption('teaching');
  await page.getByTestId('dataset-select').selectOption('spiral');
  await page.getByTestId('backend-select').selectOption('wasm');
  await page.getByTestId('strategy-kind').selectOption('spos');
  await setField(page, 'samples', 120);
  await setField(page, 'epochs', 2);
  await setField(page, 'batchSize', 16);
  await setField(page, 'seed', 5);
  await page.getByTestId('spos-search').selectOption('random');
  await setField(page, 'searchSamples', 3);
  await expect(page.getByTestId('run-button')).toBeEnabled();
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-status')).toHaveText('finished', { timeout: 180_000 });
  await page.getByTestId('view-tab-search').click();
  await expect(page.getByTestId('pareto-chart')).toBeVisible();

  // Inspect a subnet and train it stand-alone for one epoch.
  const points = page.getByTestId('pareto-point');
  await expect(points).not.toHaveCount(0);
  await points.last().click();
  const inspector = page.getByTestId('subnet-inspector');
  await expect(inspector).toBeVisible();
  await page.getByTestId('standalone-epochs').fill('1');
  await inspector.getByTestId('train-standalone').click();
  await expect(inspector.getByTestId('standalone-result')).toBeVisible({ timeout: 120_000 });

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    inspector.getByTestId('export-tfjs').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^subnet-[0-9a-z]+-tfjs\.zip$/);
  const files = unzipSync(new Uint8Array(await readFile(await download.path())));
  expect(Object.keys(files).sort()).toEqual(['model.json', 'weights.bin']);
  const modelBytes = files['model.json'];
  const weights = files['weights.bin'];
  if (modelBytes === undefined || weights === undefined) throw new Error('The zip lacks a file.');

  const model = JSON.parse(new TextDecoder().decode(modelBytes)) as ModelJson;
  expect(model.format).toBe('layers-model');
  expect(model.weightsManifest).toHaveLength(1);
  const manifest = model.weightsManifest[0];
  if (manifest === undefined) throw new Error('model.json has no weights manifest.');
  expect(manifest.paths).toEqual(['weights.bin']);
  expect(manifest.weights.length).toBeGreaterThan(0);
  // float32 weights: 4 bytes for each scalar the manifest's shapes hold.
  const scalars = manifest.weights.reduce(
    (sum, w) => sum + w.shape.reduce((product, d) => product * d, 1),
    0,
  );
  expect(weights.byteLength).toBe(4 * scalars);
  await expect(inspector.getByTestId('export-tfjs-error')).toHaveCount(0);
});
