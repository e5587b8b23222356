import { expect, test, type Page } from '@playwright/test';
import { setField } from './studio';

const NB201_OPS = ['none', 'skip_connect', 'nor_conv_1x1', 'nor_conv_3x3', 'avg_pool_3x3'];

/** Draws an edge with the mouse: from `from`'s source handle to `to`'s target handle. */
async function drag(page: Page, from: string, to: string): Promise<void> {
  const source = await page.getByTestId(`handle-source-${from}`).boundingBox();
  const target = await page.getByTestId(`handle-target-${to}`).boundingBox();
  if (!source || !target) throw new Error(`The handles of ${from} or ${to} are not on screen.`);
  await page.mouse.move(source.x + source.width / 2, source.y + source.height / 2);
  await page.mouse.down();
  await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 12 });
  await page.mouse.up();
}

const edges = (page: Page) => page.getByTestId('composer-canvas').locator('.react-flow__edge');

test('the NAS-Bench-201 cell drawn by hand has 15,625 architectures, refuses a cycle, undoes, and trains', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto('/');
  await page.getByTestId('preset-select').selectOption('nb201');
  await page.getByTestId('empty-cell-button').click();
  await expect(page.getByTestId('node-x')).toBeVisible();
  await expect(edges(page)).toHaveCount(0);
  await expect(page.getByTestId('run-button')).toBeDisabled();
  await expect(page.getByTestId('run-blocked')).toContainText('intermediate node');

  // The default op set for new edges: exactly NB201's five ops.
  const chips = page.locator('[data-testid^="default-op-"]');
  for (const chip of await chips.all()) {
    const op = ((await chip.getAttribute('data-testid')) ?? '').replace('default-op-', '');
    await chip.setChecked(NB201_OPS.includes(op));
  }
  await expect(page.locator('[data-testid^="default-op-"]:checked')).toHaveCount(5);

  for (let i = 0; i < 3; i++) await page.getByTestId('add-node-button').click();
  for (const id of ['n0', 'n1', 'n2']) await expect(page.getByTestId(`node-${id}`)).toBeVisible();
  await expect(page.getByTestId('node-problem-n0')).toContainText('no incoming edge');

  const pairs: [string, string][] = [
    ['x', 'n0'],
    ['x', 'n1'],
    ['n0', 'n1'],
    ['x', 'n2'],
    ['n0', 'n2'],
    ['n1', 'n2'],
  ];
  for (const [i, [from, to]] of pairs.entries()) {
    await drag(page, from, to);
    await expect(edges(page)).toHaveCount(i + 1);
  }
  await expect(page.getByTestId('space-size')).toContainText('15,625');
  await expect(page.locator('[data-testid^="node-problem-"]')).toHaveCount(0);
  await expect(page.getByTestId('supernet-params')).toContainText(/\d/);
  await expect(page.getByTestId('subnet-range')).toContainText('smallest');

  // An edge back from n2 to n0 would close a cycle: refused with its reason, nothing added.
  await drag(page, 'n2', 'n0');
  await expect(page.getByTestId('composer-message')).toContainText('cycle');
  await expect(page.getByTestId('composer-message')).toContainText('n2 → n0');
  await expect(edges(page)).toHaveCount(6);

  // Remove n1 with the Delete key, undo it back, redo, and undo again with Ctrl+Z.
  await page.getByTestId('node-n1').click();
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('node-n1')).toHaveCount(0);
  await expect(edges(page)).toHaveCount(3);
  await expect(page.getByTestId('space-size')).toContainText('125');
  await page.getByTestId('undo-button').click();
  await expect(page.getByTestId('node-n1')).toBeVisible();
  await expect(edges(page)).toHaveCount(6);
  await expect(page.getByTestId('space-size')).toContainText('15,625');
  await page.getByTestId('redo-button').click();
  await expect(page.getByTestId('node-n1')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('node-n1')).toBeVisible();
  await expect(page.getByTestId('space-size')).toContainText('15,625');

  // Run the composed space on a tiny MNIST budget; the alpha chart shows its six edges.
  await page.getByTestId('backend-select').selectOption('wasm');
  await setField(page, 'samples', 100);
  await setField(page, 'epochs', 1);
  await setField(page, 'batchSize', 8);
  await expect(page.getByTestId('run-button')).toBeEnabled();
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-status')).toHaveText('finished', { timeout: 180_000 });
  const panels = page.locator('[data-testid="alpha-chart"] .alpha-panel');
  await expect(panels).toHaveCount(6);
  expect(await panels.evaluateAll((els) => els.map((el) => el.getAttribute('data-edge')))).toEqual([
    'e0',
    'e1',
    'e2',
    'e3',
    'e4',
    'e5',
  ]);
  await expect(page.getByTestId('final-genotype')).toContainText('Genotype(normal=[');
});
