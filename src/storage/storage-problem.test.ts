import { describe, expect, it } from 'vitest';
import {
  ABORT_PROBLEM,
  attempt,
  CLONE_PROBLEM,
  QUOTA_PROBLEM,
  StorageProblem,
  storageProblem,
  UNAVAILABLE_PROBLEM,
  VERSION_PROBLEM,
} from './storage-problem';

describe('storageProblem', () => {
  it('maps each browser storage error kind to its plain sentence', () => {
    const cases: [string, string][] = [
      ['QuotaExceededError', QUOTA_PROBLEM],
      ['NS_ERROR_DOM_QUOTA_REACHED', QUOTA_PROBLEM],
      ['SecurityError', UNAVAILABLE_PROBLEM],
      ['InvalidStateError', UNAVAILABLE_PROBLEM],
      ['VersionError', VERSION_PROBLEM],
      ['AbortError', ABORT_PROBLEM],
      ['DataCloneError', CLONE_PROBLEM],
    ];
    for (const [name, problem] of cases)
      expect(storageProblem(new DOMException('browser text', name))).toBe(problem);
  });

  it('says the quota message that points to deleting old runs', () => {
    expect(QUOTA_PROBLEM).toBe(
      "The browser's storage is full: this run is kept in memory only. Delete old runs in History to save again.",
    );
    expect(UNAVAILABLE_PROBLEM).toBe(
      'This browser does not allow saving (private mode?): runs are kept in memory only.',
    );
  });

  it('reads the name of plain error-like objects too', () => {
    expect(storageProblem({ name: 'QuotaExceededError', message: 'full' })).toBe(QUOTA_PROBLEM);
  });

  it("passes a StorageProblem's own sentence through", () => {
    expect(storageProblem(new StorageProblem('A run name cannot be empty.'))).toBe(
      'A run name cannot be empty.',
    );
  });

  it('turns an unknown error into a sentence that keeps its short text', () => {
    const problem = storageProblem(new TypeError('disk   on fire'));
    expect(problem).toBe(
      'The browser could not save or read the run history (disk on fire): runs are kept in memory only.',
    );
    expect(storageProblem(new Error('x'.repeat(500))).length).toBeLessThan(300);
  });

  it('has a sentence for errors without text or name', () => {
    for (const value of [undefined, null, 42, {}, new Error('')])
      expect(storageProblem(value)).toBe(
        'The browser could not save or read the run history: runs are kept in memory only.',
      );
  });
});

describe('attempt', () => {
  it('wraps a value as ok', async () => {
    expect(await attempt(async () => 3)).toEqual({ ok: true, value: 3 });
  });

  it('turns a rejection or a synchronous throw into a problem instead of throwing', async () => {
    const rejected = await attempt(() =>
      Promise.reject(new DOMException('full', 'QuotaExceededError')),
    );
    expect(rejected).toEqual({ ok: false, problem: QUOTA_PROBLEM });
    const thrown = await attempt((): Promise<number> => {
      throw new DOMException('denied', 'SecurityError');
    });
    expect(thrown).toEqual({ ok: false, problem: UNAVAILABLE_PROBLEM });
  });
});
