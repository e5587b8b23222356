import { expect, test, type Page } from '@playwright/test';
import { startStaticHost, type StaticHost } from './static-host';
import { trainTinyOnWasm } from './studio';

/** The thread count the studio should pick for this machine: every core but one, at least 1, at most 8. */
async function expectedThreads(page: Page): Promise<number> {
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  return Math.min(Math.max(1, cores - 1), 8);
}

/** Collects page errors and worker errors (a dead pthread worker reports through the console). */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return errors;
}

test('the built site is cross-origin isolated and trains on wasm with a thread for every core but one', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto('/');
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  const threads = await expectedThreads(page);
  await trainTinyOnWasm(page);
  const badge = page.getByTestId('backend-badge');
  await expect(badge).toContainText(threads === 1 ? 'wasm, 1 thread' : `wasm, ${threads} threads`);
  await expect(badge).not.toContainText('not cross-origin isolated');
  expect(errors.filter((e) => /is not defined|worker sent an error/i.test(e))).toEqual([]);
});

test('on more cores the engine’s kernels run on every core but one (their thread pool starts in the worker)', async ({
  page,
}) => {
  const errors = watchErrors(page);
  // Workers do not take the page's emulated core count: the engine worker's bundle (one file) is
  // served with the count redefined first, as a 3-core machine would report it.
  await page.route(/\/assets\/engine\.worker-[^/]*\.js$/, async (route) => {
    // Fetched as the worker it is, so the server sends the workers' policy; served decoded.
    const response = await route.fetch({
      headers: { ...route.request().headers(), 'sec-fetch-dest': 'worker' },
    });
    const headers = { ...response.headers() };
    for (const name of ['content-length', 'content-encoding', 'transfer-encoding'])
      delete headers[name];
    const body =
      "Object.defineProperty(Object.getPrototypeOf(navigator), 'hardwareConcurrency', { get: () => 3 });\n" +
      (await response.text());
    await route.fulfill({ status: response.status(), headers, body });
  });
  await page.goto('/');
  await trainTinyOnWasm(page);
  const badge = page.getByTestId('backend-badge');
  await expect(badge).toContainText('wasm, 2 threads: one of 3 cores left for the page');
  await expect(badge).not.toContainText('thread pool did not start');
  expect(
    errors.filter((e) => /is not defined|worker sent an error|helper thread/i.test(e)),
  ).toEqual([]);
});

test.describe('on a static host that sends no isolation headers', () => {
  let host: StaticHost;
  test.beforeAll(async () => {
    host = await startStaticHost();
  });
  test.afterAll(async () => {
    await host.close();
  });

  test('the service worker isolates the page after one reload, and wasm gets its threads', async ({
    page,
  }) => {
    const errors = watchErrors(page);
    await page.goto(`${host.url}/`);
    await expect
      .poll(() => page.evaluate(() => crossOriginIsolated), { timeout: 30_000 })
      .toBe(true);
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    const threads = await expectedThreads(page);
    await trainTinyOnWasm(page);
    await expect(page.getByTestId('backend-badge')).toContainText(
      threads === 1 ? 'wasm, 1 thread' : `wasm, ${threads} threads`,
    );
    expect(errors.filter((e) => /is not defined|worker sent an error/i.test(e))).toEqual([]);
  });

  test('without the service worker the page falls back to one thread and says why', async ({
    browser,
  }) => {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(`${host.url}/`);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
    await trainTinyOnWasm(page);
    await expect(page.getByTestId('backend-badge')).toContainText(
      'wasm, 1 thread: the page is not cross-origin isolated',
    );
    await context.close();
  });
});
