import { afterEach, describe, expect, it, vi } from 'vitest';
import { MISSING_RUN_PROBLEM, OLD_CHECKPOINT_PROBLEM, type RunHistory } from './run-history';
import { QUOTA_PROBLEM, UNAVAILABLE_PROBLEM } from './storage-problem';
import { DARTS_OPTIONS } from '../core/experiment/defaults';
import { checkpoint, freshHistory, readable, runState, savedRun, valueOf } from './history.testkit';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('RunHistory put and get', () => {
  it('round-trips a record holding Float32Arrays and NaN', async () => {
    const { history } = await freshHistory();
    const record = savedRun('a');
    valueOf(await history.put(record));
    const got = valueOf(await history.get('a'));
    expect(got).not.toBeNull();
    const alphas = got?.run.alphas.normal?.kept ?? [];
    expect(alphas).toHaveLength(3);
    expect(alphas[1]?.weights).toBeInstanceOf(Float32Array);
    expect([...(alphas[1]?.weights ?? [])]).toEqual([0.5, 0.5]);
    expect(got?.run.steps.kept[0]?.alphaLoss).toBeNaN();
    expect(got?.run).toEqual(record.run);
    expect(got?.spec).toEqual(record.spec);
  });

  it('reads back a record saved before the DARTS settings and diagnostics existed, with them at their defaults', async () => {
    const { history } = await freshHistory();
    const record = savedRun('old');
    const strategy: Record<string, unknown> = { ...record.spec.strategy };
    for (const key of Object.keys(DARTS_OPTIONS)) delete strategy[key];
    const oldSpec = { ...record.spec, strategy } as unknown as typeof record.spec;
    const { diagnostics: _d, earlyStop: _x, selection: _y, ...oldRun } = record.run;
    valueOf(
      await history.put({
        ...record,
        spec: oldSpec,
        run: { ...oldRun, spec: oldSpec } as unknown as typeof record.run,
      }),
    );
    const got = valueOf(await history.get('old'));
    expect(got?.spec).toEqual(record.spec);
    expect(got?.run.spec).toEqual(record.spec);
    expect(got?.run.diagnostics).toEqual([]);
    expect(got?.run.earlyStop).toBeNull();
    expect(got?.run.selection).toBeNull();
  });

  it('gives null for an unknown id', async () => {
    const { history } = await freshHistory();
    expect(await history.get('nope')).toEqual({ ok: true, value: null });
  });

  it('bumps updatedAt on every save and keeps the first createdAt', async () => {
    const { history } = await freshHistory();
    const first = valueOf(await history.put(savedRun('a')));
    const second = valueOf(
      await history.put({ ...savedRun('a'), createdAt: '2030-01-01T00:00:00.000Z' }),
    );
    expect(second.updatedAt > first.updatedAt).toBe(true);
    expect(second.createdAt).toBe(first.createdAt);
  });

  it('trims the name and refuses an empty one without saving', async () => {
    const { history } = await freshHistory();
    expect(valueOf(await history.put(savedRun('a', 'running', '  spaced  '))).name).toBe('spaced');
    expect(await history.put(savedRun('b', 'running', ' '))).toEqual({
      ok: false,
      problem: 'A run name cannot be empty.',
    });
    expect(valueOf(await history.get('b'))).toBeNull();
  });
});

describe('RunHistory list', () => {
  it('lists summaries most recently updated first, without spec or run snapshot', async () => {
    const { history } = await freshHistory();
    for (const id of ['a', 'b', 'c']) valueOf(await history.put(savedRun(id)));
    valueOf(await history.put(savedRun('a')));
    const list = valueOf(await history.list());
    expect(list.map((s) => s.id)).toEqual(['a', 'c', 'b']);
    for (const summary of list) {
      expect(summary).not.toHaveProperty('run');
      expect(summary).not.toHaveProperty('spec');
      expect(summary).toMatchObject({ strategy: 'darts', dataset: 'spiral', bestAcc: 0.61 });
    }
  });

  it('is empty for a new history', async () => {
    const { history } = await freshHistory();
    expect(await history.list()).toEqual({ ok: true, value: [] });
  });
});

describe('RunHistory checkpoints', () => {
  it("replaces the previous checkpoint and sets the run's checkpointStep", async () => {
    const { history } = await freshHistory();
    valueOf(await history.put(savedRun('a')));
    valueOf(await history.putCheckpoint('a', checkpoint(10), runState('running', 10)));
    valueOf(await history.putCheckpoint('a', checkpoint(20), runState('running', 20)));
    const saved = valueOf(await history.getCheckpoint('a'));
    expect(saved?.checkpoint.step).toBe(20);
    expect(saved?.checkpoint.weights[0]?.values).toEqual(new Float32Array([20, -20]));
    expect(saved?.run.steps.kept).toHaveLength(20);
    expect(valueOf(await history.get('a'))?.checkpointStep).toBe(20);
  });

  it('saves a run with its latest checkpoint in one put, new or already saved', async () => {
    const { history } = await freshHistory();
    const first = valueOf(
      await history.put(savedRun('a'), {
        checkpoint: checkpoint(10),
        run: runState('running', 10),
      }),
    );
    expect(first.checkpointStep).toBe(10);
    const second = valueOf(
      await history.put(savedRun('a'), {
        checkpoint: checkpoint(20),
        run: runState('running', 20),
      }),
    );
    expect(second.checkpointStep).toBe(20);
    expect(second.createdAt).toBe(first.createdAt);
    const saved = valueOf(await history.getCheckpoint('a'));
    expect(saved?.checkpoint.step).toBe(20);
    expect(saved?.savedAt).toBe(second.updatedAt);
    expect(saved?.run.steps.kept).toHaveLength(20);
    expect(valueOf(await history.get('a'))?.checkpointStep).toBe(20);
    expect(valueOf(await history.interrupted())?.id).toBe('a');
  });

  it('deletes the checkpoint and clears checkpointStep when a run is saved with null', async () => {
    const { history } = await freshHistory();
    valueOf(await history.put(savedRun('a'), { checkpoint: checkpoint(10), run: runState() }));
    const summary = valueOf(await history.put(savedRun('a', 'finished'), null));
    expect(summary.checkpointStep).toBeNull();
    expect(await history.getCheckpoint('a')).toEqual({ ok: true, value: null });
    expect(valueOf(await history.get('a'))?.checkpointStep).toBeNull();
    expect(valueOf(await history.get('a'))?.status).toBe('finished');
  });

  it('saves neither the run nor its checkpoint when the name is refused', async () => {
    const { history } = await freshHistory();
    const refused = await history.put(savedRun('a', 'running', ' '), {
      checkpoint: checkpoint(10),
      run: runState(),
    });
    expect(refused.ok).toBe(false);
    expect(await history.getCheckpoint('a')).toEqual({ ok: true, value: null });
    expect(await history.get('a')).toEqual({ ok: true, value: null });
  });

  it('keeps checkpointStep when the run is saved again', async () => {
    const { history } = await freshHistory();
    valueOf(await history.put(savedRun('a')));
    valueOf(await history.putCheckpoint('a', checkpoint(10), runState()));
    const summary = valueOf(await history.put(savedRun('a')));
    expect(summary.checkpointStep).toBe(10);
  });

  it('refuses a checkpoint for a run that is not saved, and stores nothing', async () => {
    const { history } = await freshHistory();
    expect(await history.putCheckpoint('ghost', checkpoint(10), runState())).toEqual({
      ok: false,
      problem: MISSING_RUN_PROBLEM,
    });
    expect(await history.getCheckpoint('ghost')).toEqual({ ok: true, value: null });
  });

  it('refuses to hand back a checkpoint of another layout version', async () => {
    const { history } = await freshHistory();
    valueOf(await history.put(savedRun('a')));
    valueOf(await history.putCheckpoint('a', checkpoint(10, 999), runState()));
    expect(await history.getCheckpoint('a')).toEqual({
      ok: false,
      problem: OLD_CHECKPOINT_PROBLEM,
    });
  });

  it('removes a checkpoint and clears checkpointStep', async () => {
    const { history } = await freshHistory();
    valueOf(await history.put(savedRun('a')));
    valueOf(await history.putCheckpoint('a', checkpoint(10), runState()));
    valueOf(await history.removeCheckpoint('a'));
    expect(await history.getCheckpoint('a')).toEqual({ ok: true, value: null });
    expect(valueOf(await history.get('a'))?.checkpointStep).toBeNull();
  });
});

describe('RunHistory rename and remove', () => {
  it('renames with a trimmed name and keeps the order', async () => {
    const { history } = await freshHistory();
    valueOf(await history.put(savedRun('a')));
    valueOf(await history.put(savedRun('b')));
    expect(valueOf(await history.rename('a', '  best so far ')).name).toBe('best so far');
    expect(valueOf(await history.list()).map((s) => [s.id, s.name])).toEqual([
      ['b', 'Run b'],
      ['a', 'best so far'],
    ]);
  });

  it('refuses empty, too long and unknown runs with plain problems', async () => {
    const { history } = await freshHistory();
    valueOf(await history.put(savedRun('a')));
    expect(await history.rename('a', '')).toEqual({
      ok: false,
      problem: 'A run name cannot be empty.',
    });
    expect(await history.rename('a', 'x'.repeat(81))).toEqual({
      ok: false,
      problem: 'A run name can have at most 80 characters; this one has 81.',
    });
    expect(await history.rename('ghost', 'fine')).toEqual({
      ok: false,
      problem: MISSING_RUN_PROBLEM,
    });
    expect(valueOf(await history.get('a'))?.name).toBe('Run a');
  });

  it('removes the run and its checkpoint together', async () => {
    const { history } = await freshHistory();
    valueOf(await history.put(savedRun('a')));
    valueOf(await history.put(savedRun('b')));
    valueOf(await history.putCheckpoint('a', checkpoint(10), runState()));
    valueOf(await history.remove('a'));
    expect(valueOf(await history.get('a'))).toBeNull();
    expect(valueOf(await history.getCheckpoint('a'))).toBeNull();
    expect(valueOf(await history.list()).map((s) => s.id)).toEqual(['b']);
    expect(await history.remove('a')).toEqual({ ok: true, value: undefined });
  });
});

describe('RunHistory interrupted runs', () => {
  it('offers the most recent running or paused run that has a checkpoint', async () => {
    const { history } = await freshHistory();
    expect(await history.interrupted()).toEqual({ ok: true, value: null });
    valueOf(await history.put(savedRun('old', 'running')));
    valueOf(await history.putCheckpoint('old', checkpoint(10), runState()));
    valueOf(await history.put(savedRun('paused', 'paused')));
    valueOf(await history.putCheckpoint('paused', checkpoint(10), runState('paused')));
    valueOf(await history.put(savedRun('no-checkpoint', 'running')));
    valueOf(await history.put(savedRun('done', 'finished')));
    valueOf(await history.putCheckpoint('done', checkpoint(10), runState('finished')));
    expect(valueOf(await history.interrupted())?.id).toBe('paused');
    valueOf(await history.remove('paused'));
    expect(valueOf(await history.interrupted())?.id).toBe('old');
  });

  it('marks left-over running and paused runs stopped, except the one resumed', async () => {
    const { history } = await freshHistory();
    for (const [id, status] of [
      ['a', 'running'],
      ['b', 'paused'],
      ['c', 'finished'],
      ['d', 'running'],
    ] as const)
      valueOf(await history.put(savedRun(id, status)));
    const before = valueOf(await history.list());
    expect(await history.markInterrupted('d')).toEqual({ ok: true, value: 2 });
    const after = valueOf(await history.list());
    expect(after.map((s) => [s.id, readable(s)?.status])).toEqual([
      ['d', 'running'],
      ['c', 'finished'],
      ['b', 'stopped'],
      ['a', 'stopped'],
    ]);
    expect(after.map((s) => s.updatedAt)).toEqual(before.map((s) => s.updatedAt));
    expect(valueOf(await history.get('a'))?.run.status).toBe('stopped');
  });

  it('sets a status in the record and its run snapshot', async () => {
    const { history } = await freshHistory();
    valueOf(await history.put(savedRun('a')));
    valueOf(await history.put(savedRun('b')));
    expect(valueOf(await history.setStatus('a', 'failed')).status).toBe('failed');
    expect(valueOf(await history.get('a'))?.run.status).toBe('failed');
    expect(valueOf(await history.list())[0]?.id).toBe('a');
    expect(await history.setStatus('ghost', 'failed')).toEqual({
      ok: false,
      problem: MISSING_RUN_PROBLEM,
    });
  });
});

describe('RunHistory storage errors', () => {
  it('reports a full storage in plain words and keeps the earlier save', async () => {
    const { history } = await freshHistory();
    valueOf(await history.put(savedRun('a')));
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    expect(await history.put(savedRun('b'))).toEqual({ ok: false, problem: QUOTA_PROBLEM });
    expect(await history.putCheckpoint('a', checkpoint(10), runState())).toEqual({
      ok: false,
      problem: QUOTA_PROBLEM,
    });
    vi.restoreAllMocks();
    expect(valueOf(await history.list()).map((s) => s.id)).toEqual(['a']);
    expect(valueOf(await history.getCheckpoint('a'))).toBeNull();
  });

  it('never throws once the connection is gone: every call resolves with a problem', async () => {
    const { db, history } = await freshHistory();
    db.close();
    const calls: ((h: RunHistory) => Promise<{ ok: boolean }>)[] = [
      (h) => h.list(),
      (h) => h.get('a'),
      (h) => h.put(savedRun('a')),
      (h) => h.putCheckpoint('a', checkpoint(1), runState()),
      (h) => h.getCheckpoint('a'),
      (h) => h.removeCheckpoint('a'),
      (h) => h.rename('a', 'b'),
      (h) => h.remove('a'),
      (h) => h.interrupted(),
      (h) => h.isInterrupted('a'),
      (h) => h.setStatus('a', 'stopped'),
      (h) => h.markInterrupted(),
    ];
    for (const call of calls)
      expect(await call(history)).toEqual({ ok: false, problem: UNAVAILABLE_PROBLEM });
  });
});
