import { describe, expect, it } from 'vitest';
import { readSavedRun } from '../core/run/saved-run-read';
import { summaryOf } from '../core/run/saved-run';
import { checkpoint, freshHistory, runState, savedRun, valueOf } from './history.testkit';
import type { HistoryDb } from './types';

/** Every stored record's history row equals the row derived from it, and no row is left without its record. */
async function expectInStep(db: HistoryDb): Promise<void> {
  const runs = await db.getAll('runs');
  const rows = await db.getAll('summaries');
  const derived = runs.map((raw) => {
    const read = readSavedRun(raw);
    if (!read.ok) throw new Error(read.problem);
    return summaryOf(read.value);
  });
  const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
  expect([...(rows as { id: string }[])].sort(byId)).toEqual(derived.sort(byId));
}

describe('history rows stay in step with their records', () => {
  it('on every write: put, putCheckpoint, removeCheckpoint, rename, setStatus, markInterrupted, remove', async () => {
    const { db, history } = await freshHistory();
    valueOf(await history.put(savedRun('a')));
    valueOf(await history.put(savedRun('b', 'paused')));
    await expectInStep(db);
    valueOf(await history.put(savedRun('a', 'finished')));
    await expectInStep(db);
    valueOf(await history.putCheckpoint('b', checkpoint(10), runState('paused', 10)));
    await expectInStep(db);
    valueOf(await history.rename('b', 'renamed'));
    await expectInStep(db);
    valueOf(await history.setStatus('a', 'failed'));
    await expectInStep(db);
    expect(valueOf(await history.markInterrupted())).toBe(1);
    await expectInStep(db);
    valueOf(await history.removeCheckpoint('b'));
    await expectInStep(db);
    valueOf(await history.remove('a'));
    await expectInStep(db);
    expect(valueOf(await history.list()).map((r) => [r.id, r.name])).toEqual([['b', 'renamed']]);
  });

  it('list() reads the rows, not the records', async () => {
    const { db, history } = await freshHistory();
    valueOf(await history.put(savedRun('a')));
    // A record damaged after it was saved is still listed from its row; opening it says why it cannot be.
    await db.put('runs', { id: 'a', version: 1, run: null });
    expect(valueOf(await history.list())).toMatchObject([{ id: 'a', damaged: false }]);
    const opened = await history.get('a');
    expect(opened.ok).toBe(false);
    if (!opened.ok) expect(opened.problem).toMatch(/^This saved run could not be read: /);
  });

  it('a failed write leaves neither the record nor its row changed', async () => {
    const { db, history } = await freshHistory();
    valueOf(await history.put(savedRun('a')));
    expect((await history.putCheckpoint('ghost', checkpoint(1), runState())).ok).toBe(false);
    expect((await history.rename('a', '')).ok).toBe(false);
    await expectInStep(db);
    expect(await db.count('summaries')).toBe(1);
  });
});
