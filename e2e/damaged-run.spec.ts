import { expect, test } from '@playwright/test';

test('a damaged saved run from an older history is listed with why, says why it cannot be opened, and can be deleted', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByTestId('view-tab-history').click();
  await expect(page.getByTestId('history-empty')).toBeVisible();
  // Put back a version-1 history holding one record that cannot be read (the page's own connection
  // closes itself when the database is deleted), then open the studio on it.
  await page.evaluate(async () => {
    const settle = (request: IDBRequest | IDBOpenDBRequest) =>
      new Promise<void>((resolve, reject) => {
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error);
      });
    await settle(indexedDB.deleteDatabase('nas-studio'));
    const open = indexedDB.open('nas-studio', 1);
    open.onupgradeneeded = () => {
      const db = open.result;
      db.createObjectStore('runs', { keyPath: 'id' }).createIndex('updatedAt', 'updatedAt');
      db.createObjectStore('checkpoints', { keyPath: 'runId' });
    };
    await settle(open);
    const db = open.result;
    const tx = db.transaction('runs', 'readwrite');
    tx.objectStore('runs').put({
      id: 'broken',
      name: 'Half-written run',
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-01-01T00:00:00.000Z',
      status: 'running',
      run: 'not a run',
    });
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  });
  await page.reload();
  await page.getByTestId('view-tab-history').click();
  const row = page.getByTestId('history-row');
  await expect(row).toHaveCount(1);
  await expect(row).toHaveAttribute('data-damaged', 'true');
  await expect(row.getByTestId('history-name')).toHaveText('Half-written run');
  await expect(row.getByTestId('history-damage')).toContainText(
    'This saved run could not be read:',
  );
  await expect(page.getByTestId('resume-banner')).toHaveCount(0);

  await row.getByTestId('history-open').click();
  await expect(page.getByTestId('history-problem')).toContainText(
    'This saved run could not be read:',
  );
  await expect(page.getByTestId('replay-bar')).toHaveCount(0);

  await row.getByTestId('history-delete').click();
  await row.getByTestId('history-delete-confirm').click();
  await expect(page.getByTestId('history-row')).toHaveCount(0);
  await page.reload();
  await page.getByTestId('view-tab-history').click();
  await expect(page.getByTestId('history-empty')).toBeVisible();
});
