import { afterEach, describe, expect, it, vi } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { HISTORY_DB_NAME, openHistoryDb } from './history-db';
import { UNAVAILABLE_PROBLEM, VERSION_PROBLEM } from './storage-problem';
import { savedRun, valueOf } from './history.testkit';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('openHistoryDb', () => {
  it("creates the 'runs' and 'summaries' stores (by id, indexed by updatedAt) and the 'checkpoints' store (by runId)", async () => {
    const db = valueOf(await openHistoryDb(new IDBFactory()));
    expect(db.name).toBe('nas-studio');
    expect(db.version).toBe(2);
    expect([...db.objectStoreNames].sort()).toEqual(['checkpoints', 'runs', 'summaries']);
    const tx = db.transaction(['runs', 'summaries', 'checkpoints']);
    expect(tx.objectStore('runs').keyPath).toBe('id');
    expect([...tx.objectStore('runs').indexNames]).toEqual(['updatedAt']);
    expect(tx.objectStore('summaries').keyPath).toBe('id');
    expect([...tx.objectStore('summaries').indexNames]).toEqual(['updatedAt']);
    expect(tx.objectStore('checkpoints').keyPath).toBe('runId');
    await tx.done;
    db.close();
  });

  it('keeps what was saved when the database is opened again', async () => {
    const factory = new IDBFactory();
    const first = valueOf(await openHistoryDb(factory));
    await first.put('runs', savedRun('a'));
    first.close();
    const again = valueOf(await openHistoryDb(factory));
    expect(await again.get('runs', 'a')).toMatchObject({ name: 'Run a' });
    again.close();
  });

  it('uses the page indexedDB when no factory is given', async () => {
    vi.stubGlobal('indexedDB', new IDBFactory());
    const opened = await openHistoryDb();
    expect(opened.ok).toBe(true);
    if (opened.ok) opened.value.close();
  });

  it('reports the private-mode problem when the browser has no indexedDB', async () => {
    vi.stubGlobal('indexedDB', undefined);
    expect(await openHistoryDb()).toEqual({ ok: false, problem: UNAVAILABLE_PROBLEM });
  });

  it('reports the private-mode problem when opening throws, and does not throw', async () => {
    const factory = new IDBFactory();
    vi.spyOn(factory, 'open').mockImplementation(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    expect(await openHistoryDb(factory)).toEqual({ ok: false, problem: UNAVAILABLE_PROBLEM });
  });

  it('reports a newer database version in plain words', async () => {
    const factory = new IDBFactory();
    await new Promise<void>((resolve, reject) => {
      const request = factory.open(HISTORY_DB_NAME, 5);
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
      request.onerror = () => reject(request.error);
    });
    expect(await openHistoryDb(factory)).toEqual({ ok: false, problem: VERSION_PROBLEM });
  });
});
