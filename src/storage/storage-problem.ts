/** Storage failures as plain sentences: every IndexedDB error the run history can meet, mapped once. */
import type { StorageResult } from './types';

/** The browser's storage quota is used up. */
export const QUOTA_PROBLEM =
  "The browser's storage is full: this run is kept in memory only. Delete old runs in History to save again.";

/** IndexedDB is missing or refused (private mode, blocked storage, a closed connection). */
export const UNAVAILABLE_PROBLEM =
  'This browser does not allow saving (private mode?): runs are kept in memory only.';

/** The stored history was written by a newer NAS Studio. */
export const VERSION_PROBLEM =
  'The saved run history comes from a newer version of NAS Studio: runs are kept in memory only. Reload the page to use the newer version.';

/** The browser cancelled a save or a read before it finished. */
export const ABORT_PROBLEM =
  'The browser cancelled saving or reading the run history: the run goes on in memory. Try again in a moment.';

/** A value the browser cannot store (it should not happen with plain run data). */
export const CLONE_PROBLEM =
  'This run holds data the browser cannot save: it is kept in memory only.';

/** Most characters of a browser's own error text repeated in a problem. */
const DETAIL_LIMIT = 160;

/** A problem found by the run history itself (a missing run, a bad name): its message is already a plain sentence. */
export class StorageProblem extends Error {
  /** `message` is shown to the user as is. */
  constructor(message: string) {
    super(message);
    this.name = 'StorageProblem';
  }
}

/** The error's `name` when it has one (DOMException, Error, or a plain object from another realm). */
function errorName(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'name' in error) {
    const { name } = error;
    if (typeof name === 'string') return name;
  }
  return '';
}

/** The error's own text, shortened, or '' when it has none. */
function errorDetail(error: unknown): string {
  let raw = '';
  if (typeof error === 'string') raw = error;
  else if (typeof error === 'object' && error !== null && 'message' in error) {
    const { message } = error;
    if (typeof message === 'string') raw = message;
  }
  const text = raw.trim().replace(/\s+/g, ' ');
  return text.length > DETAIL_LIMIT ? `${text.slice(0, DETAIL_LIMIT - 1)}…` : text;
}

/** The plain sentence for any storage failure: a StorageProblem's own message, or the one for the browser error's kind. */
export function storageProblem(error: unknown): string {
  if (error instanceof StorageProblem) return error.message;
  switch (errorName(error)) {
    case 'QuotaExceededError':
    case 'NS_ERROR_DOM_QUOTA_REACHED':
      return QUOTA_PROBLEM;
    case 'SecurityError':
    case 'InvalidStateError':
    case 'InvalidAccessError':
    case 'NotAllowedError':
      return UNAVAILABLE_PROBLEM;
    case 'VersionError':
      return VERSION_PROBLEM;
    case 'AbortError':
      return ABORT_PROBLEM;
    case 'DataCloneError':
      return CLONE_PROBLEM;
    default: {
      const detail = errorDetail(error);
      return detail === ''
        ? 'The browser could not save or read the run history: runs are kept in memory only.'
        : `The browser could not save or read the run history (${detail}): runs are kept in memory only.`;
    }
  }
}

/** Runs `work` and returns its value, or the plain problem for whatever it threw or rejected with. Never throws. */
export async function attempt<T>(work: () => Promise<T>): Promise<StorageResult<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    return { ok: false, problem: storageProblem(error) };
  }
}
