import { expect, test, type Locator, type Page } from '@playwright/test';

/** Boxes on screen of every element `locator` matches. */
async function boxes(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }[]> {
  return locator.evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }),
  );
}

type Box = { x: number; y: number; width: number; height: number };

/** Whether two boxes share any area (touching edges do not count). */
function intersect(a: Box, b: Box): boolean {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0.5 && h > 0.5;
}

/** Opens the composer with `preset` at 1024x768. */
async function openComposer(page: Page, preset: string): Promise<Locator> {
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto('/');
  await page.getByTestId('preset-select').selectOption(preset);
  await page.getByTestId('view-tab-space').click();
  const canvas = page.getByTestId('composer-canvas');
  await canvas.scrollIntoViewIfNeeded();
  return canvas;
}

test('at 1024x768 the DARTS cells draw every edge label readable, apart from each other and from the nodes', async ({
  page,
}, info) => {
  const canvas = await openComposer(page, 'darts');
  for (const role of ['normal', 'reduce']) {
    await page.getByTestId(`cell-tab-${role}`).click();
    const labels = canvas.locator('.cell-edge-label');
    await expect(labels).toHaveCount(14);
    await page.waitForTimeout(500); // the fit after the cell is shown
    const shot = await canvas.screenshot();
    await info.attach(`darts-${role}-1024x768.png`, { body: shot, contentType: 'image/png' });
    const placed = await boxes(labels);
    const nodes = await boxes(canvas.locator('.cell-flow-node'));
    placed.forEach((a, i) => {
      for (const b of placed.slice(i + 1)) expect(intersect(a, b)).toBe(false);
      for (const n of nodes) expect(intersect(a, n)).toBe(false);
    });
    // Readable: the label text is drawn at 8 px or more, and not cut.
    for (const height of placed.map((b) => b.height)) expect(height).toBeGreaterThanOrEqual(12);
    const cut = await labels.evaluateAll((els) =>
      els.filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.textContent),
    );
    expect(cut).toEqual([]);
    // The inputs are in view.
    const box = await canvas.boundingBox();
    const inputs = await boxes(canvas.locator('.cell-flow-input'));
    for (const input of inputs) expect(input.x).toBeGreaterThanOrEqual((box?.x ?? 0) - 1);
  }
  // A label opens its edge's op picker, and names the edge in full on hover.
  const first = canvas.getByTestId('edge-label-e0');
  await expect(first).toHaveAttribute('title', /Edge e0 from .+: .+/);
  await first.click();
  await expect(page.locator('.op-picker')).toBeVisible();
});

test('new nodes go beside the cell, and their problem notes cover no other node', async ({ page }) => {
  const canvas = await openComposer(page, 'nb201');
  for (let i = 0; i < 3; i++) await page.getByTestId('add-node-button').click();
  for (const id of ['n4', 'n5', 'n6']) await expect(page.getByTestId(`node-problem-${id}`)).toBeVisible();
  await page.waitForTimeout(500);
  // The node just added is in sight.
  const view = await canvas.boundingBox();
  const last = await page.getByTestId('node-n6').boundingBox();
  expect((last?.x ?? 0) + (last?.width ?? 0)).toBeLessThanOrEqual((view?.x ?? 0) + (view?.width ?? 0));
  expect(last?.x ?? -1).toBeGreaterThanOrEqual(view?.x ?? 0);
  const notes = await boxes(canvas.locator('.cell-flow-problem'));
  const nodes = await boxes(canvas.locator('.cell-flow-node'));
  for (const note of notes) {
    const covered = nodes.filter((n) => intersect(note, n));
    expect(covered).toEqual([]);
  }
});
