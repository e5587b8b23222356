/**
 * Uploaded data files kept in this browser's IndexedDB ('nas-studio-data', apart from the run
 * history) by content hash, so an experiment on them can run again, resume, or be opened from a link.
 */
import { wrap, type DBSchema, type IDBPDatabase } from 'idb';

/** The database name. */
export const DATA_DB_NAME = 'nas-studio-data';

/** One stored file: its bytes as uploaded (a CSV, or a zip of images), by SHA-256. */
export interface StoredDataFile {
  readonly hash: string;
  readonly name: string;
  readonly bytes: Uint8Array;
  /** When it was first stored (ms since the epoch). */
  readonly storedAt: number;
}

/** The schema: one store of files keyed by hash. */
interface DataDbSchema extends DBSchema {
  files: { key: string; value: StoredDataFile };
}

/** Opens the data database on `factory` (default: the page's or worker's indexedDB); null where there is none. */
async function openDataDb(factory?: IDBFactory): Promise<IDBPDatabase<DataDbSchema> | null> {
  const idb = factory ?? (globalThis as { indexedDB?: IDBFactory }).indexedDB;
  if (idb === undefined) return null;
  const request = idb.open(DATA_DB_NAME, 1);
  request.addEventListener('upgradeneeded', () => {
    request.result.createObjectStore('files', { keyPath: 'hash' });
  });
  const db = (await wrap(request)) as IDBPDatabase<DataDbSchema>;
  db.addEventListener('versionchange', () => db.close());
  return db;
}

/** Why a data file could not be stored or read, as a sentence. */
function storageMessage(e: unknown): string {
  return `This browser could not keep the data file (${e instanceof Error ? e.message : String(e)}); it still works for this session.`;
}

/** Stores a file under its hash (a file already there is kept). Resolves to null, or the problem as a sentence. */
export async function putDataFile(
  file: Omit<StoredDataFile, 'storedAt'>,
  factory?: IDBFactory,
): Promise<string | null> {
  try {
    const db = await openDataDb(factory);
    if (db === null)
      return 'This browser has no IndexedDB; the data file is kept for this session only.';
    try {
      if ((await db.getKey('files', file.hash)) === undefined)
        await db.put('files', { ...file, storedAt: Date.now() });
      return null;
    } finally {
      db.close();
    }
  } catch (e) {
    return storageMessage(e);
  }
}

/** The stored file with this hash, or null when this browser does not have it (or has no IndexedDB). */
export async function getDataFile(
  hash: string,
  factory?: IDBFactory,
): Promise<StoredDataFile | null> {
  try {
    const db = await openDataDb(factory);
    if (db === null) return null;
    try {
      return (await db.get('files', hash)) ?? null;
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}
