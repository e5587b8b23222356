import { describe, expect, it } from 'vitest';
import { checkpoint, freshHistory, runState, valueOf } from '../storage/history.testkit';
import type { RunHistory } from '../storage/run-history';
import type { SavedRunRecord, SavedRunSummary } from '../storage/types';
import { createRunJournal, type JournalHooks } from './run-journal';
import { FakeLockManager } from '../storage/fake-locks.testkit';
import { createRunLocks, runLockName } from '../storage/run-locks';
import type { RunState } from '../core/run/state';

/** A history that records every put, hooks that record what the journal reports, and the lock manager the journal holds run locks in. */
async function setup(intervalMs = 40) {
  const manager = new FakeLockManager();
  const { history } = await freshHistory();
  const puts: SavedRunRecord[] = [];
  const spy: RunHistory = {
    ...history,
    put: (r, latest) => {
      puts.push(r);
      return history.put(r, latest);
    },
  };
  const saved: SavedRunSummary[] = [];
  const problems: string[] = [];
  const hooks: JournalHooks = {
    onSaved: (summary) => saved.push(summary),
    onProblem: (p) => problems.push(p),
  };
  let n = 0;
  const journal = createRunJournal(() => Promise.resolve({ ok: true, value: spy }), hooks, {
    intervalMs,
    newId: () => `run-${++n}`,
    locks: createRunLocks(manager),
  });
  return { history, journal, puts, saved, problems, manager };
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A new run state object (a change the journal sees as new). */
const changed = (run: RunState): RunState => ({ ...run });

describe('run journal', () => {
  it('saves at begin, throttles saves while the run trains, and saves at once on a status change', async () => {
    const { journal, puts } = await setup();
    const run = runState('running');
    expect(journal.begin(run)).toBe('run-1');
    await journal.flush();
    expect(puts).toHaveLength(1);
    for (let i = 0; i < 5; i++) journal.change(changed(run));
    await journal.flush();
    expect(puts).toHaveLength(1);
    await wait(80);
    await journal.flush();
    expect(puts).toHaveLength(2);
    journal.change({ ...run, status: 'finished' });
    await journal.flush();
    expect(puts).toHaveLength(3);
    expect(puts[2]?.status).toBe('finished');
  });

  it('writes the latest checkpoint with the run state of its moment at the next save, and drops it when the run ends', async () => {
    const { history, journal, saved } = await setup();
    const run = runState('running');
    const id = journal.begin(run);
    journal.checkpoint(run, checkpoint(2));
    journal.checkpoint(run, checkpoint(3));
    await wait(80);
    await journal.flush();
    expect(valueOf(await history.getCheckpoint(id))?.checkpoint.step).toBe(3);
    expect(saved.some((r) => r.id === id && r.checkpointStep === 3)).toBe(true);
    journal.change({ ...run, status: 'stopped' });
    await journal.flush();
    expect(valueOf(await history.getCheckpoint(id))).toBeNull();
    expect(valueOf(await history.get(id))?.status).toBe('stopped');
  });

  it('continues a resumed run under its saved id and name, and follows a rename', async () => {
    const { history, journal } = await setup();
    const run = runState('running');
    const id = journal.begin(run, { id: 'kept', name: 'My search', createdAt: new Date(0) });
    expect(id).toBe('kept');
    await journal.flush();
    expect(valueOf(await history.get('kept'))?.name).toBe('My search');
    journal.renamed('kept', 'Renamed');
    journal.change({ ...run, status: 'finished' });
    await journal.flush();
    expect(valueOf(await history.get('kept'))?.name).toBe('Renamed');
  });

  it('writes a pending checkpoint at once when the run pauses', async () => {
    const { history, journal } = await setup(60_000);
    const run = runState('running');
    const id = journal.begin(run);
    journal.checkpoint(run, checkpoint(4));
    await journal.flush();
    expect(valueOf(await history.getCheckpoint(id))).toBeNull();
    journal.change({ ...run, status: 'paused' });
    await journal.flush();
    expect(valueOf(await history.getCheckpoint(id))?.checkpoint.step).toBe(4);
  });

  it('reports a storage problem and never throws', async () => {
    const problems: string[] = [];
    const journal = createRunJournal(
      () => Promise.resolve({ ok: false, problem: 'The browser storage is full.' }),
      { onSaved: () => undefined, onProblem: (p) => problems.push(p) },
    );
    const run = runState('running');
    journal.begin(run);
    journal.checkpoint(run, checkpoint(1));
    journal.change({ ...run, status: 'paused' });
    await journal.flush();
    expect(problems).toEqual(['The browser storage is full.', 'The browser storage is full.']);
  });

  it('still saves the run when its checkpoint cannot be written, and reports the problem', async () => {
    const { history } = await freshHistory();
    const full = 'The browser storage is full.';
    const spy: RunHistory = {
      ...history,
      put: (r, latest) =>
        latest ? Promise.resolve({ ok: false, problem: full }) : history.put(r, latest),
    };
    const problems: string[] = [];
    const journal = createRunJournal(
      () => Promise.resolve({ ok: true, value: spy }),
      { onSaved: () => undefined, onProblem: (p) => problems.push(p) },
      { newId: () => 'run-1', locks: createRunLocks(new FakeLockManager()) },
    );
    const run = runState('running');
    journal.begin(run);
    journal.checkpoint(run, checkpoint(2));
    journal.change({ ...run, status: 'paused' });
    await journal.flush();
    expect(problems).toEqual([full]);
    expect(valueOf(await history.get('run-1'))?.status).toBe('paused');
    expect(valueOf(await history.getCheckpoint('run-1'))).toBeNull();
  });

  it("holds the run's lock while it runs or pauses, and lets it go once the ended run's last save has landed", async () => {
    const { history, journal, manager } = await setup();
    const run = runState('running');
    const id = journal.begin(run);
    await tick();
    expect(manager.isHeld(runLockName(id))).toBe(true);
    journal.change({ ...run, status: 'paused' });
    await journal.flush();
    expect(manager.isHeld(runLockName(id))).toBe(true);
    journal.change({ ...run, status: 'finished' });
    await journal.flush();
    await tick();
    expect(valueOf(await history.get(id))?.status).toBe('finished');
    expect(manager.isHeld(runLockName(id))).toBe(false);
  });

  it("lets the previous run's lock go when another run begins", async () => {
    const { journal, manager } = await setup();
    const first = journal.begin(runState('running'));
    await tick();
    const second = journal.begin({ ...runState('running'), runId: 2 });
    await tick();
    expect(manager.isHeld(runLockName(first))).toBe(false);
    expect(manager.isHeld(runLockName(second))).toBe(true);
  });
});

/** Lets pending promise callbacks run. */
const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 0));
