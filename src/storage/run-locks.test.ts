import { describe, expect, it } from 'vitest';
import { FakeLockManager } from './fake-locks.testkit';
import { checkpoint, freshHistory, readable, runState, savedRun, valueOf } from './history.testkit';
import { createRunHistory } from './run-history';
import { createRunLocks, runLockName, type LockRequester } from './run-locks';

/** Statuses by id as listed. */
async function statuses(history: ReturnType<typeof createRunHistory>) {
  return Object.fromEntries(valueOf(await history.list()).map((r) => [r.id, readable(r)?.status]));
}

describe('run locks', () => {
  it('hold a run until released, and say whether a run is free without waiting', async () => {
    const manager = new FakeLockManager();
    const locks = createRunLocks(manager);
    expect(await locks.isFree('a')).toBe(true);
    const release = locks.hold('a');
    await Promise.resolve();
    expect(manager.isHeld(runLockName('a'))).toBe(true);
    expect(await locks.isFree('a')).toBe(false);
    expect(await locks.isFree('b')).toBe(true);
    release();
    await new Promise((r) => setTimeout(r, 0));
    expect(await locks.isFree('a')).toBe(true);
  });

  it('without a lock manager hold nothing and count every run as free (the behaviour before locks)', async () => {
    const locks = createRunLocks(undefined);
    locks.hold('a');
    expect(await locks.isFree('a')).toBe(true);
  });

  it('count a run as free when the browser refuses the lock request', async () => {
    const refusing: LockRequester = {
      request: () => Promise.reject(new DOMException('no', 'SecurityError')),
    };
    expect(await createRunLocks(refusing).isFree('a')).toBe(true);
  });

  it("fit the browser's navigator.locks", () => {
    const fits = (manager: LockManager): LockRequester => manager;
    expect(fits).toBeTypeOf('function');
  });
});

describe('the interrupted-run rule with locks', () => {
  it('a held lock keeps the run running and unoffered; a free lock lets it be offered and marked stopped', async () => {
    const manager = new FakeLockManager();
    const { db } = await freshHistory();
    const history = createRunHistory(db, { locks: createRunLocks(manager) });
    valueOf(await history.put(savedRun('live', 'running')));
    valueOf(await history.putCheckpoint('live', checkpoint(10), runState('running', 10)));
    valueOf(await history.put(savedRun('left', 'paused')));
    // Another tab runs 'live': it holds its lock.
    const release = createRunLocks(manager).hold('live');
    await Promise.resolve();
    expect(valueOf(await history.interrupted())).toBeNull();
    expect(valueOf(await history.markInterrupted())).toBe(1);
    expect(await statuses(history)).toEqual({ live: 'running', left: 'stopped' });
    // That tab closes: the lock is free, so the run is interrupted.
    release();
    await new Promise((r) => setTimeout(r, 0));
    expect(valueOf(await history.interrupted())?.id).toBe('live');
    expect(valueOf(await history.markInterrupted())).toBe(1);
    expect(await statuses(history)).toEqual({ live: 'stopped', left: 'stopped' });
  });

  it('offers the newest interrupted run whose lock is free, passing over one another tab holds', async () => {
    const manager = new FakeLockManager();
    const { db } = await freshHistory();
    const history = createRunHistory(db, { locks: createRunLocks(manager) });
    for (const id of ['older', 'newer']) {
      valueOf(await history.put(savedRun(id, 'running')));
      valueOf(await history.putCheckpoint(id, checkpoint(10), runState('running', 10)));
    }
    createRunLocks(manager).hold('newer');
    await Promise.resolve();
    expect(valueOf(await history.interrupted())?.id).toBe('older');
  });

  it('isInterrupted: an unfinished run whose lock is free, and no other', async () => {
    const manager = new FakeLockManager();
    const { db } = await freshHistory();
    const history = createRunHistory(db, { locks: createRunLocks(manager) });
    valueOf(await history.put(savedRun('a', 'paused')));
    valueOf(await history.put(savedRun('done', 'finished')));
    expect(valueOf(await history.isInterrupted('a'))).toBe(true);
    expect(valueOf(await history.isInterrupted('done'))).toBe(false);
    expect(valueOf(await history.isInterrupted('ghost'))).toBe(false);
    createRunLocks(manager).hold('a');
    await Promise.resolve();
    expect(valueOf(await history.isInterrupted('a'))).toBe(false);
  });
});
