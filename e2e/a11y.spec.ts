/** Accessibility: axe-core finds no serious or critical violation on any view, in the light and the dark theme, with a finished run's charts drawn. */
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { setUpTiny } from './studio';

/** The themes the header's switch offers besides following the system. */
const THEMES = ['light', 'dark'] as const;

/** The serious and critical violations axe finds on the page now, one line each (rule, impact, the first few targets). */
async function seriousViolations(page: Page, where: string): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${where}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes
          .slice(0, 4)
          .map((n) => n.target.join(' '))
          .join(', ')}${v.nodes.length > 4 ? ` and ${v.nodes.length - 4} more` : ''}`,
    );
}

for (const theme of THEMES) {
  test(`every view has no serious or critical axe violation in the ${theme} theme`, async ({
    page,
  }) => {
    test.setTimeout(360_000);
    // The system asks for the other theme: the switch's choice must win over it.
    await page.emulateMedia({ colorScheme: theme === 'dark' ? 'light' : 'dark' });
    await page.setViewportSize({ width: 1440, height: 900 });
    await setUpTiny(page, { backend: 'wasm', samples: 120, epochs: 3, batchSize: 16, seed: 5 });
    await page.getByTestId('theme-select').selectOption(theme);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);

    const found: string[] = [];
    found.push(...(await seriousViolations(page, 'Search space, before a run')));
    await page.getByTestId('run-button').click();
    await expect(page.getByTestId('run-status')).toHaveText('finished', { timeout: 240_000 });
    // An exported chart keeps the theme's background, so its text stays readable in the file.
    await page.getByTestId('view-tab-run').click();
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-svg-loss').click(),
    ]);
    const svg = await readFile(await file.path(), 'utf8');
    expect(svg).toContain(theme === 'dark' ? 'fill="#1e1f22"' : 'fill="#ffffff"');
    expect(svg).not.toContain('var(--');
    for (const view of ['space', 'run', 'search', 'history'] as const) {
      await page.getByTestId(`view-tab-${view}`).click();
      await expect(page.getByTestId(`view-tab-${view}`)).toHaveAttribute('aria-selected', 'true');
      found.push(...(await seriousViolations(page, `view ${view}`)));
    }
    // The backend's popover and the lessons list open over the page; Escape closes each.
    await page.getByTestId('backend-badge').click();
    found.push(...(await seriousViolations(page, 'backend popover')));
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('backend-badge')).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByTestId('backend-badge')).toBeFocused();
    await page.getByTestId('learn-button').click();
    found.push(...(await seriousViolations(page, 'lesson list')));
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('lesson-list')).toHaveCount(0);
    // Presenter mode: one view at a time in larger type.
    await page.getByTestId('presenter-toggle').click();
    await expect(page.getByTestId('presenter-bar')).toBeVisible();
    found.push(...(await seriousViolations(page, 'presenter mode')));
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('presenter-bar')).toHaveCount(0);
    expect(found).toEqual([]);
  });
}

test('the theme switch follows the system until set, and its choice outlives a reload', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/');
  const html = page.locator('html');
  await expect(page.getByTestId('theme-select')).toHaveValue('system');
  const background = () =>
    page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  const systemDark = await background();
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(background).not.toBe(systemDark);
  const systemLight = await background();

  await page.getByTestId('theme-select').selectOption('dark');
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect.poll(background).toBe(systemDark);
  await page.reload();
  await expect(page.getByTestId('theme-select')).toHaveValue('dark');
  await expect(html).toHaveAttribute('data-theme', 'dark');
  expect(await background()).toBe(systemDark);

  await page.getByTestId('theme-select').selectOption('system');
  await expect.poll(background).toBe(systemLight);
  await page.reload();
  await expect(page.getByTestId('theme-select')).toHaveValue('system');
  expect(await background()).toBe(systemLight);
});

/** Presses Tab until the element with `testId` (or matching the CSS `selector`) has the focus (at most `limit` presses), as a keyboard user would. */
async function tabTo(page: Page, testId: string, selector?: string, limit = 200): Promise<void> {
  const wanted = selector ?? `[data-testid="${testId}"]`;
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const reached = await page.evaluate(
      (css) => document.activeElement?.matches(css) ?? false,
      wanted,
    );
    if (reached) return;
  }
  throw new Error(`${testId} was not reached with ${limit} presses of Tab.`);
}

test('keyboard only: start a run, pause it, open the History tab and the run in it', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await setUpTiny(page, { backend: 'wasm', samples: 200, epochs: 200, batchSize: 8, seed: 9 });
  await page.locator('body').focus();
  await tabTo(page, 'run-button');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('run-status')).toHaveText('running');
  await tabTo(page, 'pause-button');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('run-status')).toHaveText('paused');
  await tabTo(page, 'view-tab-history');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('view-tab-history')).toHaveAttribute('aria-selected', 'true');
  await tabTo(page, 'history-open');
  await expect(page.getByTestId('history-open')).toBeFocused();
  // The focus ring is visible on whatever the keyboard reaches.
  const outline = await page
    .getByTestId('history-open')
    .evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).toBe('solid');
});

test('keyboard only: add a node to the composed cell and draw an edge into it', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto('/');
  await page.getByTestId('preset-select').selectOption('teaching');
  const edges = page.getByTestId('composer-canvas').locator('.react-flow__edge');
  await expect(edges).not.toHaveCount(0);
  const before = await edges.count();
  await tabTo(page, 'add-node-button');
  await page.keyboard.press('Enter');
  // The new node is the last one offered as the edge's end.
  const last = page.getByTestId('connect-to').locator('option').last();
  await expect(page.getByTestId('connect-to')).toHaveValue(
    (await last.getAttribute('value')) ?? '',
  );
  await expect(
    page.getByTestId(`node-${await page.getByTestId('connect-to').inputValue()}`),
  ).toBeVisible();
  await tabTo(page, 'connect-from');
  await expect(page.getByTestId('connect-from')).toHaveValue('x');
  await tabTo(page, 'connect-button');
  await page.keyboard.press('Enter');
  await expect(edges).toHaveCount(before + 1);
  // An edge on the canvas takes the focus; Enter opens its op picker.
  await tabTo(page, 'an edge', '.react-flow__edge');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('op-picker')).toBeVisible();
});
