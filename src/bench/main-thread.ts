/**
 * `npm run bench:main-thread`: how long the page's main thread is blocked while a run trains. Opens
 * the built studio in headless Chromium, runs the experiment the page opens with (the teaching cell
 * on the spiral, on the backend the page picks) to the end, and records every long task (a task over
 * 50 ms, from the browser's `longtask` performance entries) from Run to the end. Prints the count,
 * the longest, the total time over 50 ms (total blocking time) and the run's length, and writes
 * bench-results/main-thread.json. A target, not a test: zero long tasks.
 * Flags: --backend=wasm|webgl|webgpu (default: the page's own choice), --runs=N (default 2),
 * --no-isolation (the page without its cross-origin isolation headers: wasm on one thread).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page, type Route } from '@playwright/test';
import { chromiumArgs } from '../../playwright.config';
import { ensureBuild, startPreview } from './serve';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const flag = (name: string): string | undefined =>
  process.argv
    .slice(2)
    .find((a) => a.startsWith(`--${name}=`))
    ?.slice(name.length + 3);
const backend = flag('backend') ?? 'auto';
const runs = Math.max(1, Number(flag('runs') ?? 2));
const isolated = !process.argv.includes('--no-isolation');

/** What one run of the default experiment left on the main thread. */
interface MainThreadRun {
  readonly backend: string;
  readonly seconds: number;
  readonly steps: string;
  /** Durations (ms) of the long tasks between Run and the run's end. */
  readonly longTasks: readonly number[];
  /** When each of them started, seconds after Run was clicked. */
  readonly longTaskStarts: readonly number[];
}

/** Starts observing long tasks in every document of the page, from before its first script. */
async function observeLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: { start: number; duration: number }[] = [];
    Object.assign(window, { longTasks: seen });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) seen.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
}

/** Serves a request without the cross-origin isolation headers, as a host that sends none would. */
async function withoutIsolation(route: Route): Promise<void> {
  const response = await route.fetch();
  const headers = { ...response.headers() };
  delete headers['cross-origin-opener-policy'];
  delete headers['cross-origin-embedder-policy'];
  await route.fulfill({ response, headers });
}

/** Runs the page's default experiment once to the end and returns its long tasks. */
async function oneRun(page: Page, url: string): Promise<MainThreadRun> {
  await page.goto(url);
  if (backend !== 'auto') await page.getByTestId('backend-select').selectOption(backend);
  const run = page.getByTestId('run-button');
  await run.waitFor();
  const from = await page.evaluate(() => performance.now());
  await run.click();
  await page
    .getByTestId('run-status')
    .filter({ hasText: /^(finished|failed|stopped)$/ })
    .waitFor({ timeout: 600_000 });
  const to = await page.evaluate(() => performance.now());
  const tasks = await page.evaluate(
    () => (window as unknown as { longTasks: { start: number; duration: number }[] }).longTasks,
  );
  const during = tasks.filter((t) => t.start >= from && t.start <= to);
  return {
    backend: (await page.getByTestId('backend-badge').textContent())?.trim() ?? '',
    seconds: (to - from) / 1000,
    steps: (await page.getByTestId('step-counter').textContent())?.trim() ?? '',
    longTasks: during.map((t) => t.duration),
    longTaskStarts: during.map((t) => (t.start - from) / 1000),
  };
}

/** When the long tasks came, e.g. " - at 0.0 s (54 ms), 31.2 s (51 ms)"; empty when none. */
function startsText(run: MainThreadRun): string {
  if (run.longTasks.length === 0) return '';
  const each = run.longTaskStarts.map(
    (at, i) => `${at.toFixed(1)} s (${(run.longTasks[i] ?? 0).toFixed(0)} ms)`,
  );
  return ` - at ${each.join(', ')} after Run`;
}

/** One line of the summary. */
function summary(run: MainThreadRun): string {
  const longest = run.longTasks.length === 0 ? 0 : Math.max(...run.longTasks);
  const blocking = run.longTasks.reduce((sum, d) => sum + Math.max(0, d - 50), 0);
  return (
    [
      `${run.longTasks.length} long task(s) over 50 ms`,
      `longest ${longest.toFixed(0)} ms`,
      `total blocking ${blocking.toFixed(0)} ms`,
      `in ${run.seconds.toFixed(1)} s (${run.steps} steps; ${run.backend})`,
    ].join(', ') + startsText(run)
  );
}

async function main(): Promise<void> {
  const say = (text: string): void => console.log(text);
  await ensureBuild(root, say);
  const preview = await startPreview(root);
  const results: MainThreadRun[] = [];
  const load = { start: loadavg()[0] ?? 0, end: 0 };
  try {
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: chromiumArgs,
      headless: true,
    });
    try {
      for (let i = 0; i < runs; i++) {
        // Service workers blocked in both modes. Isolated: the preview sends the headers itself, so
        // the page never registers its service worker, yet with Playwright's service-worker support
        // on the same run showed 134-196 long tasks against 6 (README, Measured): the harness, not
        // the page. Not isolated: the page's service worker would add the headers back.
        const context = await browser.newContext({
          viewport: { width: 1440, height: 900 },
          serviceWorkers: 'block',
        });
        const page = await context.newPage();
        await observeLongTasks(page);
        if (!isolated) await page.route('**/*', withoutIsolation);
        const result = await oneRun(page, `${preview.url}/`);
        results.push(result);
        say(`run ${i + 1}: ${summary(result)}`);
        await context.close();
      }
    } finally {
      await browser.close();
    }
  } finally {
    preview.close();
  }
  load.end = loadavg()[0] ?? 0;
  say(`load average ${load.start.toFixed(1)} at the start, ${load.end.toFixed(1)} at the end`);
  const out = join(root, 'bench-results', 'main-thread.json');
  mkdirSync(dirname(out), { recursive: true });
  const when = new Date().toISOString();
  writeFileSync(out, `${JSON.stringify({ when, isolated, load, results }, null, 2)}\n`);
  say(`wrote ${out}`);
}

void main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
