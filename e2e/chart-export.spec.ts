import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { setUpTiny } from './studio';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Clicks a download button and returns the suggested file name and the file's bytes. */
async function download(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId(testId).click(),
  ]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

test('charts of a DARTS run download as standalone SVG and as PNG at twice their size', async ({
  page,
}) => {
  await setUpTiny(page, { backend: 'wasm', samples: 200, epochs: 5, batchSize: 16, seed: 7 });
  await page.getByTestId('view-tab-run').click();
  // The alpha chart draws no svg before the first alpha step: nothing to download yet.
  await expect(page.getByTestId('export-svg-alphas')).toBeDisabled();
  await expect(page.getByTestId('export-png-alphas')).toBeDisabled();
  await expect(page.getByTestId('export-svg-loss')).toHaveAttribute(
    'aria-label',
    'Download Loss over steps as SVG',
  );

  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-status')).toHaveText('finished', { timeout: 180_000 });
  await expect(page.getByTestId('export-svg-alphas')).toBeEnabled();

  const loss = await download(page, 'export-svg-loss');
  expect(loss.name).toBe('loss.svg');
  const lossSvg = loss.bytes.toString('utf8');
  expect(lossSvg.startsWith('<svg')).toBe(true);
  expect(lossSvg).toContain('xmlns="http://www.w3.org/2000/svg"');
  expect(lossSvg).toMatch(/<svg[^>]* width="\d+"/);
  expect(lossSvg).toMatch(/<svg[^>]* viewBox="0 0 \d+ \d+"/);
  expect(lossSvg).toContain('fill="#ffffff"');
  expect(lossSvg).toContain('series-line');
  expect(lossSvg).toMatch(/style="[^"]*stroke: rgb\(/);

  // The alpha small multiples and their HTML legend and titles compose into one picture.
  const alphas = await download(page, 'export-svg-alphas');
  expect(alphas.name).toBe('alphas.svg');
  const alphaSvg = alphas.bytes.toString('utf8');
  expect(alphaSvg.startsWith('<svg')).toBe(true);
  expect(alphaSvg).toContain('xmlns="http://www.w3.org/2000/svg"');
  expect(alphaSvg.match(/<svg/g)?.length ?? 0).toBeGreaterThan(2);
  expect(alphaSvg).toContain('alpha-line');
  expect(alphaSvg).toMatch(/<text[^>]*>[^<]*→[^<]*<\/text>/);

  const cellSvg = (await download(page, 'export-svg-genotype-normal')).bytes.toString('utf8');
  const width = Number(/<svg[^>]* width="(\d+)"/.exec(cellSvg)?.[1]);
  expect(width).toBeGreaterThan(0);
  const cellPng = await download(page, 'export-png-genotype-normal');
  expect(cellPng.name).toBe('genotype-normal.png');
  expect([...cellPng.bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  expect(cellPng.bytes.readUInt32BE(16)).toBe(2 * width);

  const alphaPng = await download(page, 'export-png-alphas');
  expect(alphaPng.name).toBe('alphas.png');
  expect([...alphaPng.bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  await expect(page.getByTestId('export-problem-alphas')).toHaveCount(0);
});
