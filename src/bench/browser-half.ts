/** The browser half of the benchmark: the bench page in headless Debian Chromium, one worker per backend. */
import { chromium } from '@playwright/test';
import { chromiumArgs } from '../../playwright.config';
import type { BackendName } from '../core/run/protocol';
import type { BenchPageState, BenchRow } from './protocol';
import { errorText, failedRow } from './rows';
import { ensureBuild, startPreview } from './serve';

/** Per-backend limit inside the page; a hung backend becomes a failed row. */
const BACKEND_TIMEOUT_S = 300;

/** Rows measured in Chromium and the browser version. */
export interface BrowserResult {
  readonly rows: BenchRow[];
  readonly version: string | null;
}

/** Builds if needed, serves dist/, opens bench.html in /usr/bin/chromium and collects one row per backend. */
export async function runBrowserHalf(
  root: string,
  backends: readonly BackendName[],
  progress: (text: string) => void,
): Promise<BrowserResult> {
  const failAll = (note: string): BrowserResult => ({
    rows: backends.map((b) => failedRow(b, 'chromium', note)),
    version: null,
  });
  try {
    await ensureBuild(root, progress);
  } catch (err) {
    return failAll(`the app could not be built: ${errorText(err)}`);
  }
  let preview;
  try {
    preview = await startPreview(root);
  } catch (err) {
    return failAll(errorText(err));
  }
  try {
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: chromiumArgs,
      headless: true,
    });
    try {
      const page = await browser.newPage();
      page.on('console', (message) => progress(message.text()));
      page.on('pageerror', (err) => progress(`page error: ${err.message}`));
      await page.goto(
        `${preview.url}/bench.html?backends=${backends.join(',')}&timeout=${BACKEND_TIMEOUT_S}`,
      );
      const limit = (backends.length * BACKEND_TIMEOUT_S + 60) * 1000;
      await page.waitForFunction(() => window.nasBench?.done === true, null, {
        timeout: limit,
        polling: 500,
      });
      const state: BenchPageState | undefined = await page.evaluate(() => window.nasBench);
      return { rows: [...(state?.rows ?? [])], version: browser.version() };
    } finally {
      await browser.close();
    }
  } catch (err) {
    return failAll(`the bench page did not finish: ${errorText(err)}`);
  } finally {
    preview.close();
  }
}
