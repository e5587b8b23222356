import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { getDataFile, putDataFile } from './data-db';

describe('data file store', () => {
  it('keeps a file by hash and gives it back; an unknown hash is null', async () => {
    const factory = new IDBFactory();
    const bytes = new Uint8Array([1, 2, 3]);
    const put = await putDataFile({ hash: 'a'.repeat(64), name: 'x.csv', bytes }, factory);
    expect(put).toBeNull();
    const got = await getDataFile('a'.repeat(64), factory);
    expect(got?.name).toBe('x.csv');
    expect(Array.from(got?.bytes ?? [])).toEqual([1, 2, 3]);
    expect(await getDataFile('b'.repeat(64), factory)).toBeNull();
  });
});
