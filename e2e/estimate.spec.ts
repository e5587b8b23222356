import { expect, test } from '@playwright/test';
import { setField } from './studio';

/** Seconds in "about 48 s" or "about 1 min 10 s"; NaN when the text holds neither. */
function seconds(text: string | null): number {
  const m = /about (?:(\d+) min)? ?(?:(\d+) s)?/.exec(text ?? '');
  return m && (m[1] ?? m[2]) ? 60 * Number(m[1] ?? 0) + Number(m[2] ?? 0) : Number.NaN;
}

test('the form shows the expected run time of the teaching default, and follows an edit', async ({
  page,
}) => {
  await page.goto('/');
  const estimate = page.getByTestId('run-estimate');
  // The teaching default (300 epochs on the spiral) takes under a minute on wasm (more on a busy
  // machine: the probe times this machine as it is).
  await expect(estimate).toHaveText(
    /^Expected run time: about (\d+ s|\d+ min( \d+ s)?) on wasm \(from a timed probe step\)$/,
  );
  const first = seconds(await estimate.textContent());
  expect(first).toBeGreaterThan(0);
  // A tenth of the epochs is re-estimated from the unit times already measured.
  await setField(page, 'epochs', 10);
  await expect.poll(async () => seconds(await estimate.textContent())).toBeLessThan(first);
  await expect(estimate).toHaveAttribute('title', /from unit times measured earlier/);
  // A spec with a problem shows no estimate.
  await setField(page, 'epochs', 0);
  await expect(estimate).toHaveCount(0);
});
