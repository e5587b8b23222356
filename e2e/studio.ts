/** Shared steps of the e2e specs: set up an experiment through the form, read the step counter and the step log. */
import { expect, type Page } from '@playwright/test';

/** A small teaching-preset experiment on the spiral. */
export interface TinyExperiment {
  readonly backend: 'auto' | 'webgpu' | 'wasm' | 'webgl' | 'cpu';
  readonly samples: number;
  readonly epochs: number;
  readonly batchSize: number;
  readonly seed: number;
}

/** Types into a numeric field of the form (by spec field name). */
export async function setField(page: Page, name: string, value: string | number): Promise<void> {
  const input = page.getByTestId(`field-${name}`);
  await input.fill(String(value));
  await expect(input).toHaveValue(String(value));
}

/** Opens the studio and fills the form for `exp`; Run is then enabled. */
export async function setUpTiny(page: Page, exp: TinyExperiment): Promise<void> {
  await page.goto('/');
  await page.getByTestId('preset-select').selectOption('teaching');
  await page.getByTestId('dataset-select').selectOption('spiral');
  await page.getByTestId('backend-select').selectOption(exp.backend);
  await setField(page, 'samples', exp.samples);
  await setField(page, 'epochs', exp.epochs);
  await setField(page, 'batchSize', exp.batchSize);
  await setField(page, 'seed', exp.seed);
  await expect(page.getByTestId('run-button')).toBeEnabled();
}

/** The steps done, read from the "12 / 240" counter. */
export async function stepsDone(page: Page): Promise<number> {
  const text = (await page.getByTestId('step-counter').textContent()) ?? '';
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text.replaceAll(',', ''));
  if (!match) throw new Error(`The step counter reads "${text}", not "done / total".`);
  return Number(match[1]);
}

/** One row of the step log. */
export interface LoggedStep {
  readonly step: number;
  readonly trainLoss: number;
  readonly alphaLoss: number;
}

/** Opens the step log and reads its rows (the gap row, if any, is skipped). */
export async function readStepLog(page: Page): Promise<LoggedStep[]> {
  const log = page.getByTestId('step-log');
  if ((await log.getAttribute('open')) === null) await log.locator('summary').click();
  const rows = await log
    .locator('tbody tr:not(.gap)')
    .evaluateAll((trs) =>
      trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent ?? '')),
    );
  return rows.map((cells) => ({
    step: Number(cells[0]),
    trainLoss: Number(cells[2]),
    alphaLoss: Number(cells[4]),
  }));
}

/** The tiny teaching experiment the wasm-thread and policy specs train. */
const TINY_WASM = { samples: 100, epochs: 1, batchSize: 8, seed: 5 } as const;

/** Fills a tiny teaching experiment on wasm (the page is open) and trains it to the end. */
export async function trainTinyOnWasm(page: Page): Promise<void> {
  await page.getByTestId('preset-select').selectOption('teaching');
  await page.getByTestId('dataset-select').selectOption('spiral');
  await page.getByTestId('backend-select').selectOption('wasm');
  for (const [name, value] of Object.entries(TINY_WASM)) await setField(page, name, value);
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-status')).toHaveText('finished', { timeout: 180_000 });
  await expect(page.getByTestId('loss-chart').locator('path.series-line').first()).toHaveAttribute(
    'd',
    /L/,
  );
}
