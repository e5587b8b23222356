import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { seriesPoints } from '../core/series/downsample';
import { openHistoryDb } from '../storage/history-db';
import { checkpoint, readable, runState, savedRun, valueOf } from '../storage/history.testkit';
import { createRunHistory } from '../storage/run-history';
import { FakeLockManager } from '../storage/fake-locks.testkit';
import { createRunLocks } from '../storage/run-locks';
import { browserHistoryAccess } from './history-access';
import { NO_LONGER_INTERRUPTED } from './history-slice';
import { shownRun } from './history-selectors';
import { REPLAY_RUN_ID } from './history-state';
import { scriptedStore, tick } from './scripted-client.testkit';

/** Waits until `check` holds (saves land asynchronously). */
async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`Timed out waiting for ${what}.`);
}

const step = (n: number) =>
  ({
    type: 'step',
    step: n,
    epoch: 1,
    trainLoss: 1 / n,
    trainAcc: 0.5,
    alphaLoss: 0.4,
    elapsedMs: n,
  }) as const;

/** A store over a fresh fake IndexedDB `factory` (a second store on the same factory is a reloaded page). */
function page(factory: IDBFactory) {
  return scriptedStore(browserHistoryAccess(factory));
}

describe('run history in the store', () => {
  it('saves a run as it goes, lists it, and replays it read-only', async () => {
    const factory = new IDBFactory();
    const { store, clients } = page(factory);
    store.getState().setStrategyNumber('epochs', 1);
    const done = store.getState().startRun();
    await tick();
    const client = clients[0];
    if (!client) throw new Error('no client');
    client.send([step(1), step(2)]);
    client.send([{ type: 'status', status: 'stopped', step: 2, message: 'Stopped.' }]);
    client.end('stopped');
    await done;
    await until(
      () => readable(store.getState().history.rows[0])?.status === 'stopped',
      'the final save',
    );
    const row = readable(store.getState().history.rows[0]);
    expect(row?.status).toBe('stopped');
    expect(row?.step).toBe(2);
    expect(store.getState().history.liveId).toBe(row?.id);

    await store.getState().openSavedRun(row?.id ?? '');
    const shown = shownRun(store.getState());
    expect(shown.runId).toBe(REPLAY_RUN_ID);
    expect(seriesPoints(shown.steps).map((p) => p.step)).toEqual([1, 2]);
    store.getState().closeReplay();
    expect(shownRun(store.getState())).toBe(store.getState().run);
  });

  it('renames (refusing an empty name), compares two runs and deletes one', async () => {
    const { store, clients } = page(new IDBFactory());
    for (let i = 0; i < 2; i++) {
      const done = store.getState().startRun();
      await tick();
      clients[0]?.send([step(1)]);
      clients[0]?.end('finished');
      await done;
    }
    await until(() => store.getState().history.rows.length === 2, 'two rows');
    const [a, b] = store.getState().history.rows;
    if (!a || !b) throw new Error('rows missing');
    expect(await store.getState().renameSavedRun(a.id, '   ')).toBe(false);
    expect(store.getState().history.problem).toMatch(/name/i);
    expect(await store.getState().renameSavedRun(a.id, '  Spiral baseline ')).toBe(true);
    expect(store.getState().history.rows.find((r) => r.id === a.id)?.name).toBe('Spiral baseline');
    await store.getState().compareSavedRuns(a.id, b.id);
    expect(store.getState().history.compare.map((c) => c.id)).toEqual([a.id, b.id]);
    await store.getState().deleteSavedRun(b.id);
    expect(store.getState().history.rows.map((r) => r.id)).toEqual([a.id]);
    expect(store.getState().history.compare).toEqual([]);
  });

  it('after a reload offers the interrupted run and resumes it from its checkpoint', async () => {
    const factory = new IDBFactory();
    const first = page(factory);
    first.store.getState().setSeed(99);
    void first.store.getState().startRun();
    await tick();
    const client = first.clients[0];
    if (!client) throw new Error('no client');
    client.send([step(1), step(2), { type: 'checkpoint', checkpoint: checkpoint(2) }, step(3)]);
    // Pausing writes the pending checkpoint at once (otherwise it waits for the next timed save).
    first.store.getState().pauseRun();
    await until(
      () => readable(first.store.getState().history.rows[0])?.checkpointStep === 2,
      'checkpoint',
    );

    // The page closes mid-run (its promise never settles); a new page opens on the same storage.
    const second = page(factory);
    await second.store.getState().loadHistory();
    const offered = second.store.getState().history.interrupted;
    expect(offered?.checkpointStep).toBe(2);
    void second.store.getState().resumeInterrupted();
    await until(() => second.clients[0]?.resumes.length === 1, 'the resumed start');
    const resumed = second.clients[0];
    expect(resumed?.resumes[0]?.step).toBe(2);
    expect(resumed?.specs[0]?.seed).toBe(99);
    const s = second.store.getState();
    expect(s.spec.seed).toBe(99);
    expect(s.run.status).toBe('running');
    // The run state is the one saved with the checkpoint: steps 1 and 2, not 3.
    expect(seriesPoints(s.run.steps).map((p) => p.step)).toEqual([1, 2]);
    expect(s.history.interrupted).toBeNull();
    resumed?.send([step(3)]);
    resumed?.end('finished');
    await until(
      () => readable(second.store.getState().history.rows[0])?.status === 'finished',
      'the finished save',
    );
    expect(second.store.getState().history.rows).toHaveLength(1);
    expect(readable(second.store.getState().history.rows[0])?.checkpointStep).toBeNull();
  });

  it("never marks another tab's live run stopped: a second tab opening while the first runs leaves it running", async () => {
    const factory = new IDBFactory();
    const manager = new FakeLockManager();
    /** A tab of one browser: the same storage and the same lock manager. */
    const tab = () => {
      const locks = createRunLocks(manager);
      return scriptedStore(browserHistoryAccess(factory, locks), locks);
    };
    const first = tab();
    void first.store.getState().startRun();
    await tick();
    const client = first.clients[0];
    if (!client) throw new Error('no client');
    client.send([step(1), step(2), { type: 'checkpoint', checkpoint: checkpoint(2) }]);
    first.store.getState().pauseRun();
    await until(
      () => readable(first.store.getState().history.rows[0])?.checkpointStep === 2,
      'checkpoint',
    );
    first.store.getState().resumeRun();

    const second = tab();
    await second.store.getState().loadHistory();
    expect(second.store.getState().history.interrupted).toBeNull();
    expect(readable(second.store.getState().history.rows[0])?.status).toBe('running');

    client.send([step(3)]);
    client.end('finished');
    await until(
      () => readable(first.store.getState().history.rows[0])?.status === 'finished',
      'the finished save',
    );
    await second.store.getState().refreshHistory();
    expect(readable(second.store.getState().history.rows[0])?.status).toBe('finished');
  });

  it('refuses to resume (or keep stopped) a run another tab resumed after the banner was shown', async () => {
    const factory = new IDBFactory();
    const manager = new FakeLockManager();
    // A tab that closed mid-run left this behind: running, with a checkpoint, and no lock.
    const db = valueOf(await openHistoryDb(factory));
    const left = createRunHistory(db, { locks: createRunLocks(manager) });
    valueOf(await left.put(savedRun('left', 'running')));
    valueOf(await left.putCheckpoint('left', checkpoint(10), runState('running', 10)));
    const tab = () => {
      const locks = createRunLocks(manager);
      return scriptedStore(browserHistoryAccess(factory, locks), locks);
    };
    const b = tab();
    const c = tab();
    await b.store.getState().loadHistory();
    await c.store.getState().loadHistory();
    expect(b.store.getState().history.interrupted?.id).toBe('left');
    expect(c.store.getState().history.interrupted?.id).toBe('left');
    void c.store.getState().resumeInterrupted();
    await until(() => c.clients[0]?.resumes.length === 1, 'the resume in the other tab');
    await b.store.getState().resumeInterrupted();
    expect(b.store.getState().history.problem).toBe(NO_LONGER_INTERRUPTED);
    expect(b.store.getState().history.interrupted).toBeNull();
    expect(b.clients).toHaveLength(0);
    await b.store.getState().discardInterrupted();
    expect(valueOf(await left.get('left'))?.status).toBe('running');
  });

  it('does not resume over a run in progress, and keeps offering the interrupted one', async () => {
    const factory = new IDBFactory();
    const first = page(factory);
    void first.store.getState().startRun();
    await tick();
    first.clients[0]?.send([step(1), { type: 'checkpoint', checkpoint: checkpoint(1) }]);
    first.store.getState().pauseRun();
    await until(
      () => readable(first.store.getState().history.rows[0])?.checkpointStep === 1,
      'checkpoint',
    );
    const second = page(factory);
    await second.store.getState().loadHistory();
    void second.store.getState().startRun();
    await tick();
    await second.store.getState().resumeInterrupted();
    expect(second.store.getState().history.problem).toMatch(/Stop the run/);
    expect(second.store.getState().history.interrupted).not.toBeNull();
    expect(second.clients[0]?.resumes).toEqual([undefined]);
  });

  it('keeps running in memory and shows the problem when the browser cannot save', async () => {
    const { store, clients } = scriptedStore(() =>
      Promise.resolve({
        ok: false,
        problem:
          'This browser does not allow saving (private mode?): runs are kept in memory only.',
      }),
    );
    const done = store.getState().startRun();
    await tick();
    clients[0]?.send([step(1)]);
    clients[0]?.end('finished');
    await done;
    await until(() => store.getState().history.problem !== null, 'the problem');
    expect(store.getState().history.problem).toMatch(/private mode/);
    expect(store.getState().run.status).toBe('finished');
    expect(seriesPoints(store.getState().run.steps)).toHaveLength(1);
  });
});
