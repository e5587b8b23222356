import { describe, expect, it } from 'vitest';
import { DARTS_OPTIONS } from '../core/experiment/defaults';
import { openHistoryDb } from './history-db';
import { readable, SPEC, valueOf } from './history.testkit';
import { historyV1, v1Database, type HistoryFixture } from './fixtures/v1-fixture.testkit';
import { createRunHistory } from './run-history';

/** The history over a version-1 database of `fixture`, opened (and so upgraded) by this version. */
async function upgraded(fixture?: HistoryFixture) {
  const db = valueOf(await openHistoryDb(await v1Database(fixture)));
  return { db, history: createRunHistory(db) };
}

describe('a version-1 run history opened by this version', () => {
  it('is upgraded to version 2 with a history row built for every saved run', async () => {
    const { db, history } = await upgraded();
    expect(db.version).toBe(2);
    const rows = valueOf(await history.list());
    expect(rows.map((r) => [r.id, readable(r)?.status])).toEqual([
      ['old-stopped', 'stopped'],
      ['spos-paused', 'paused'],
      ['darts-finished', 'finished'],
      ['darts-running', 'running'],
    ]);
    expect(readable(rows[3])).toEqual({
      damaged: false,
      id: 'darts-running',
      name: 'Interrupted DARTS run',
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-01-01T00:00:02.000Z',
      status: 'running',
      strategy: 'darts',
      dataset: 'spiral',
      bestAcc: 0.61,
      step: 3,
      totalSteps: 100,
      checkpointStep: 10,
      // Read from the old record's spec.
      seed: 7,
      settings: expect.objectContaining({ preset: expect.any(String), epochs: expect.any(String) }),
    });
    expect(readable(rows[1])).toMatchObject({
      strategy: 'spos',
      dataset: 'circles',
      bestAcc: 0.66,
    });
    expect(readable(rows[2])).toMatchObject({ bestAcc: 0.8, step: 6 });
  });

  it('reads every stored record back through the schema, with its typed arrays, NaN and the fields added since', async () => {
    const { history } = await upgraded();
    const finished = valueOf(await history.get('darts-finished'));
    expect(finished?.version).toBe(1);
    expect(finished?.run.result?.weights.normal).toEqual(new Float32Array([0.75, 0.25]));
    expect(finished?.run.selection?.[0]).toMatchObject({ kind: 'op', op: 'dense_relu' });
    expect(finished?.run.diagnostics.map((d) => d.hessianEigenvalue)).toEqual([0.25, null]);
    expect(finished?.run.steps.kept[0]?.alphaLoss).toBeNaN();
    const spos = valueOf(await history.get('spos-paused'));
    expect(spos?.run.latency?.entries).toBe(4);
    expect(spos?.run.subnets[0]?.origin).toBe('mutation');
    const old = valueOf(await history.get('old-stopped'));
    expect(old?.spec).toEqual(SPEC);
    expect(old?.spec.strategy).toMatchObject(DARTS_OPTIONS);
    expect(old?.run.diagnostics).toEqual([]);
    expect(old?.run.earlyStop).toBeNull();
  });

  it('offers the interrupted run with its checkpoint, as version 1 did', async () => {
    const { history } = await upgraded();
    expect(valueOf(await history.interrupted())?.id).toBe('darts-running');
    const saved = valueOf(await history.getCheckpoint('darts-running'));
    expect(saved?.checkpoint.step).toBe(10);
    expect(saved?.checkpoint.weights[0]?.values).toEqual(new Float32Array([10, -10]));
    expect(saved?.run.steps.kept).toHaveLength(10);
  });

  it('lists a damaged record as damaged with why, opens it with that reason, and deletes it', async () => {
    const fixture = historyV1();
    const [first, ...rest] = fixture.runs;
    const broken = { ...first, status: 'exploded', run: 'not a run' };
    const future = { ...rest[0], id: 'from-the-future', version: 7 };
    const { history } = await upgraded({ ...fixture, runs: [broken, ...rest, future] });
    const rows = valueOf(await history.list());
    expect(rows).toHaveLength(5);
    const damaged = rows.filter((r) => r.damaged);
    expect(damaged.map((r) => r.id).sort()).toEqual(['darts-finished', 'from-the-future']);
    const row = damaged.find((r) => r.id === 'darts-finished');
    expect(row).toMatchObject({
      name: 'Finished DARTS run',
      createdAt: '2025-01-02T00:00:00.000Z',
    });
    const problem = row?.damaged ? row.problem : '';
    expect(problem).toMatch(/^This saved run could not be read: status: .*run: /);
    expect(await history.get('darts-finished')).toEqual({ ok: false, problem });
    expect((await history.get('from-the-future')).ok).toBe(false);
    expect(await history.rename('darts-finished', 'fixed')).toEqual({ ok: false, problem });
    // The interrupted-run logic and the other runs are untouched by the damaged ones.
    expect(valueOf(await history.interrupted())?.id).toBe('darts-running');
    valueOf(await history.remove('darts-finished'));
    valueOf(await history.remove('from-the-future'));
    expect(valueOf(await history.list()).map((r) => r.id)).toEqual([
      'old-stopped',
      'spos-paused',
      'darts-running',
    ]);
    expect(valueOf(await history.get('darts-finished'))).toBeNull();
  });

  it('keeps runs readable when the upgrade meets a record that is not even an object', async () => {
    const fixture = historyV1();
    const { history } = await upgraded({
      ...fixture,
      runs: [...fixture.runs, { id: 'odd', name: 42, updatedAt: 7 }],
    });
    const rows = valueOf(await history.list());
    expect(rows.map((r) => r.id)).toContain('odd');
    expect(rows.at(-1)).toMatchObject({ id: 'odd', damaged: true, name: 'Unreadable saved run' });
  });
});
