import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { PAGE_POLICY, WORKER_POLICY } from '../scripts/csp-plugin';
import { startStaticHost, type StaticHost } from './static-host';
import { watchViolations } from './csp-watch';
import { trainTinyOnWasm } from './studio';

/** The sources one directive of `policy` allows. */
function sources(policy: string | undefined, directive: string): string[] {
  const found = (policy ?? '').split(';').map((d) => d.trim().split(/\s+/));
  return found.find((d) => d[0] === directive)?.slice(1) ?? [];
}

/** Whether an inline script added to the page runs (it must not, under the policy). */
async function inlineScriptRuns(page: Page): Promise<boolean> {
  return page.evaluate(async () => {
    const flag = 'inlineScriptRan';
    const script = document.createElement('script');
    script.textContent = `document.body.dataset.${flag} = 'yes';`;
    document.body.append(script);
    await new Promise((done) => setTimeout(done, 100));
    return document.body.dataset[flag] === 'yes';
  });
}

test('the built site sends its policy, refuses inline script, and trains on wasm threads without a refusal', async ({
  page,
}) => {
  const refused = watchViolations(page);
  const response = await page.goto('/');
  expect(response?.headers()['content-security-policy']).toContain(PAGE_POLICY);
  const html = readFileSync('dist/index.html', 'utf8');
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1];
  expect(meta?.replaceAll('&#39;', "'")).toBe(PAGE_POLICY);
  expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  expect(await inlineScriptRuns(page)).toBe(false);
  expect(refused.some((r) => /inline/i.test(r))).toBe(true);
  refused.length = 0;
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  await trainTinyOnWasm(page);
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  if (cores > 2) await expect(page.getByTestId('backend-badge')).toContainText('threads');
  else await expect(page.getByTestId('backend-badge')).toContainText('left for the page');
  expect(refused).toEqual([]);
});

test('a worker script gets the worker policy, which alone allows blob: for the pthread workers', async ({
  request,
}) => {
  const page = await request.get('/', { headers: { 'Sec-Fetch-Dest': 'document' } });
  const pagePolicy = page.headers()['content-security-policy'];
  expect(sources(pagePolicy, 'script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  expect(sources(pagePolicy, 'worker-src')).toEqual(["'self'"]);
  expect(sources(pagePolicy, 'object-src')).toEqual(["'none'"]);
  expect(sources(pagePolicy, 'base-uri')).toEqual(["'none'"]);
  const worker = await request.get('/', { headers: { 'Sec-Fetch-Dest': 'worker' } });
  const workerPolicy = worker.headers()['content-security-policy'];
  expect(workerPolicy).toContain(WORKER_POLICY);
  expect(sources(workerPolicy, 'script-src')).toEqual(["'self'", "'wasm-unsafe-eval'", 'blob:']);
});

test.describe('on a static host that sends no headers', () => {
  let host: StaticHost;
  test.beforeAll(async () => {
    host = await startStaticHost();
  });
  test.afterAll(async () => {
    await host.close();
  });

  test('the meta tag carries the policy: inline script is refused and a run trains', async ({
    browser,
  }) => {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    const refused = watchViolations(page);
    const response = await page.goto(`${host.url}/`);
    expect(response?.headers()['content-security-policy']).toBeUndefined();
    expect(await inlineScriptRuns(page)).toBe(false);
    refused.length = 0;
    await trainTinyOnWasm(page);
    expect(refused).toEqual([]);
    await context.close();
  });
});

test.describe('the dev server', () => {
  const port = Number(process.env.E2E_DEV_PORT ?? 5199);
  let server: ChildProcess;
  test.beforeAll(async () => {
    server = spawn('npx', ['vite', '--port', String(port), '--strictPort'], {
      stdio: 'ignore',
      detached: true,
    });
    const deadline = Date.now() + 60_000;
    for (;;) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/`)).ok) break;
      } catch {
        if (Date.now() > deadline) throw new Error('The dev server did not start in 60 s.');
      }
      await new Promise((done) => setTimeout(done, 500));
    }
  });
  test.afterAll(() => {
    if (server.pid !== undefined) process.kill(-server.pid);
  });

  test('serves the studio under the same policy, with no inline script, and trains', async ({
    page,
  }) => {
    test.setTimeout(300_000);
    const refused = watchViolations(page);
    const response = await page.goto(`http://127.0.0.1:${port}/`);
    expect(response?.headers()['content-security-policy']).toContain(PAGE_POLICY);
    expect(await response?.text()).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    await expect(page.getByTestId('run-button')).toBeVisible({ timeout: 120_000 });
    await trainTinyOnWasm(page);
    expect(refused).toEqual([]);
  });
});
