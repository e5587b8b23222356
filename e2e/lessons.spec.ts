import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

/** The parts of a lesson file the follower needs. */
interface LessonFile {
  readonly id: string;
  readonly steps: readonly {
    readonly target?: string;
    readonly checkpoint?: { readonly kind: string; readonly tab?: string; readonly axis?: string };
  }[];
}

/** Reads a built-in lesson file. */
const read = (id: string): LessonFile =>
  JSON.parse(
    readFileSync(new URL(`../src/lessons/${id}.json`, import.meta.url), 'utf8'),
  ) as LessonFile;

const LESSONS: readonly LessonFile[] = [
  'mixed-op',
  'bilevel',
  'skip-collapse',
  'discretization-gap',
  'weight-sharing',
  'cost-pareto',
  'space-size',
].map(read);
const spaceSize = read('space-size');

/** Checkpoints that a run reaches. */
const RUN_CHECKPOINTS = [
  'run-finished',
  'epoch-reached',
  'alpha-above',
  'skip-count',
  'early-stopped',
  'selection-done',
];

/** Does what the step asks: runs the experiment, trains the top subnets, opens a tab, sets the cost axis or picks the DARTS preset. */
async function act(page: Page, checkpoint: LessonFile['steps'][number]['checkpoint']) {
  if (checkpoint === undefined) return;
  if (RUN_CHECKPOINTS.includes(checkpoint.kind)) {
    const run = page.getByTestId('run-button');
    if (await run.isEnabled()) await run.click();
  } else if (checkpoint.kind === 'standalone-trained') {
    await page.getByTestId('train-top').click();
  } else if (checkpoint.kind === 'cost-axis' && checkpoint.axis !== undefined) {
    await page.getByTestId('cost-axis').selectOption(checkpoint.axis);
  } else if (checkpoint.kind === 'tab-open' && checkpoint.tab !== undefined) {
    await page.getByTestId(`view-tab-${checkpoint.tab}`).click();
  } else if (checkpoint.kind === 'space-size') {
    const preset = page.getByTestId('preset-select');
    if (
      (await page.getByTestId('lesson-next').isDisabled()) &&
      (await preset.inputValue()) !== 'darts'
    )
      await preset.selectOption('darts');
  }
}

for (const lesson of LESSONS) {
  test(`lesson "${lesson.id}" can be followed from its link to its last step`, async ({ page }) => {
    test.setTimeout(600_000);
    await page.goto(`/#lesson=${lesson.id}&step=1`);
    await page.getByTestId('backend-select').selectOption('wasm');
    const n = lesson.steps.length;
    for (const [i, step] of lesson.steps.entries()) {
      await expect(page.getByTestId('lesson-step-count')).toHaveText(`Step ${i + 1} of ${n}`);
      await expect(page).toHaveURL(new RegExp(`#lesson=${lesson.id}&step=${i + 1}$`));
      // The part of the page the step talks about is outlined (some appear once the run ends).
      const target = page.locator(`[data-testid="${step.target ?? ''}"].lesson-target`).first();
      if (i === n - 1) {
        if (step.target !== undefined) await expect(target).toBeAttached({ timeout: 30_000 });
        break;
      }
      const next = page.getByTestId('lesson-next');
      if (step.checkpoint !== undefined && (await next.isDisabled())) {
        await expect(page.getByTestId('lesson-waiting')).toContainText('Waiting for:');
        await act(page, step.checkpoint);
      }
      await expect(next).toBeEnabled({ timeout: 240_000 });
      if (step.target !== undefined) await expect(target).toBeAttached({ timeout: 30_000 });
      await next.click();
    }
    await expect(page.getByTestId('lesson-close')).toBeVisible();
  });
}

test("a lesson link opens at its step with that step's experiment, and the keys move between steps", async ({
  browser,
}) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/#lesson=skip-collapse&step=4');
  await expect(page.getByTestId('lesson-step-count')).toHaveText('Step 4 of 6');
  await expect(page.getByTestId('lesson-text')).toContainText('DARTS+');
  await expect(page.getByTestId('lesson-loaded')).toBeVisible();
  await expect(page.getByTestId('field-epochs')).toHaveValue('40');
  await expect(page.getByTestId('lesson-waiting')).toContainText('DARTS+ to stop the search early');
  await expect(page.getByTestId('lesson-next')).toBeDisabled();
  await page.getByTestId('lesson-title').click();
  await page.keyboard.press('PageUp');
  await expect(page.getByTestId('lesson-step-count')).toHaveText('Step 3 of 6');
  await expect(page).toHaveURL(/#lesson=skip-collapse&step=3$/);
  // Step 3 waits for a run that has not started: PageDown does not pass it.
  await page.keyboard.press('PageDown');
  await expect(page.getByTestId('lesson-step-count')).toHaveText('Step 3 of 6');
  await expect(page.getByTestId('lesson-next')).toBeDisabled();
  await page.getByTestId('lesson-close').click();
  await expect(page.getByTestId('lesson-panel')).toHaveCount(0);
  await expect(page).toHaveURL(/#x=\d+\./);
  await context.close();
});

test('the Learn list links every lesson, and an unknown lesson is reported', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('learn-button').click();
  for (const l of LESSONS) await expect(page.getByTestId(`lesson-link-${l.id}`)).toBeVisible();
  await page.getByTestId('lesson-link-space-size').click();
  await expect(page.getByTestId('lesson-step-count')).toHaveText(
    `Step 1 of ${spaceSize.steps.length}`,
  );
  // Its first checkpoint (the Search space tab open) is reached: PageDown moves on.
  await expect(page.getByTestId('lesson-next')).toBeEnabled();
  await page.getByTestId('lesson-title').click();
  await page.keyboard.press('PageDown');
  await expect(page.getByTestId('lesson-step-count')).toHaveText(
    `Step 2 of ${spaceSize.steps.length}`,
  );
  await page.goto('/#lesson=no-such-lesson&step=2');
  await page.reload();
  await expect(page.getByTestId('lesson-problem')).toContainText('no-such-lesson');
});

const HOSTILE_NOTES =
  'Read me first. <script>window.__pwned = 1; alert(1)</script> <img src=x onerror="window.__pwned = 2; alert(2)">';

test("a teacher's link opens in a fresh context with its view, hidden and locked controls, notes as text, and its run", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const teacher = await browser.newPage();
  await teacher.goto('/');
  await teacher.getByTestId('preset-select').selectOption('teaching');
  await teacher.getByTestId('dataset-select').selectOption('xor');
  await teacher.getByTestId('field-epochs').fill('3');
  await teacher.getByTestId('make-lesson').locator('summary').click();
  await teacher.getByTestId('make-lesson-title').fill('<b>XOR</b> in three epochs');
  await teacher.getByTestId('make-lesson-notes').fill(HOSTILE_NOTES);
  await teacher.getByTestId('make-lesson-view').selectOption('search');
  await teacher.getByTestId('make-lesson-hide-backend').check();
  await teacher.getByTestId('make-lesson-hide-composer').check();
  await teacher.getByTestId('make-lesson-lock-dataset').check();
  await teacher.getByTestId('make-lesson-lock-strategy').check();
  await teacher.getByTestId('make-lesson-run').check();
  await teacher.getByTestId('make-lesson-button').click();
  const link = await teacher.getByTestId('make-lesson-link').inputValue();
  expect(link).toMatch(/#x=5\./);
  await teacher.close();

  const context = await browser.newContext();
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(link);
  await expect(page.getByTestId('teacher-title')).toHaveText('<b>XOR</b> in three epochs');
  await expect(page.getByTestId('teacher-text')).toHaveText(HOSTILE_NOTES);
  await expect(page.getByTestId('teacher-notes').locator('img, script, b')).toHaveCount(0);
  await expect(page.getByTestId('view-tab-search')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('view-tab-space')).toHaveCount(0);
  await expect(page.getByTestId('backend-select')).toHaveCount(0);
  await expect(page.getByTestId('dataset-select')).toBeDisabled();
  await expect(page.getByTestId('field-epochs')).toBeDisabled();
  await expect(page.getByTestId('field-epochs')).toHaveValue('3');
  await expect(page.getByTestId('preset-select')).toBeEnabled();
  await expect(page.getByTestId('run-status')).toHaveText(/running|finished/, { timeout: 120_000 });
  await page.reload();
  await expect(page.getByTestId('backend-select')).toHaveCount(0);
  await expect(page.getByTestId('dataset-select')).toBeDisabled();
  expect(
    await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
  ).toBeUndefined();
  expect(dialogs).toEqual([]);
  await context.close();
});
