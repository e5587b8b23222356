import { describe, expect, it } from 'vitest';
import { savedRun } from '../../storage/history.testkit';
import { damagedSummaryOf, readHistoryEntry, readRunState, readSavedRun } from './saved-run-read';
import { DAMAGED_RUN_NAME, SAVED_RUN_VERSION, summaryOf } from './saved-run';

/** The problem of reading `raw`, failing the test when it reads. */
function problemOf(raw: unknown): string {
  const read = readSavedRun(raw);
  if (read.ok) throw new Error('Expected a damaged record.');
  return read.problem;
}

describe('readSavedRun', () => {
  it('reads a current record back unchanged, Float32Arrays and NaN included', () => {
    const record = savedRun('a');
    expect(record.version).toBe(SAVED_RUN_VERSION);
    const read = readSavedRun(structuredClone(record));
    expect(read).toEqual({ ok: true, value: record });
    if (read.ok)
      expect(read.value.run.alphas.normal?.kept[0]?.weights).toBeInstanceOf(Float32Array);
  });

  it('reads a record without a version as version 1', () => {
    const { version: _v, ...unversioned } = savedRun('a');
    const read = readSavedRun(unversioned);
    expect(read.ok && read.value.version).toBe(1);
  });

  it('migrates a version-1 run state saved before diagnostics existed', () => {
    const record = savedRun('a');
    const { diagnostics: _d, earlyStop: _e, selection: _s, latencyChecks: _l, ...run } = record.run;
    const read = readSavedRun({ ...record, run });
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.run.diagnostics).toEqual([]);
    expect(read.value.run.earlyStop).toBeNull();
    expect(read.value.run.selection).toBeNull();
    expect(read.value.run.latencyChecks).toEqual([]);
  });

  it('refuses a record of a newer version, saying so', () => {
    expect(problemOf({ ...savedRun('a'), version: 2 })).toBe(
      'This saved run could not be read: it was saved by a newer version of NAS Studio (record version 2; this version reads up to 1).',
    );
  });

  it('refuses versions NAS Studio never wrote', () => {
    for (const version of [0, 1.5, '1', null])
      expect(problemOf({ ...savedRun('a'), version })).toMatch(
        /^This saved run could not be read: its version \(.+\) is not one NAS Studio writes\.$/,
      );
  });

  it('names what is wrong in a record that fails the schema', () => {
    const record = savedRun('a');
    expect(problemOf({ ...record, status: 'exploded' })).toMatch(
      /^This saved run could not be read: status: /,
    );
    const steps = { ...record.run.steps, kept: [{ step: 'one' }] };
    expect(problemOf({ ...record, run: { ...record.run, steps } })).toMatch(
      /run\.steps\.kept\.0\.step: Expected a number/,
    );
    expect(problemOf({ ...record, spec: null })).toMatch(/spec: /);
  });

  it('refuses what is not a record at all, and never throws', () => {
    for (const raw of [undefined, null, 42, 'run', [], new Date(0)])
      expect(() => readSavedRun(raw)).not.toThrow();
    expect(problemOf('run')).toBe(
      'This saved run could not be read: it is "run", not a saved run.',
    );
    expect(problemOf(null)).toBe('This saved run could not be read: it is null, not a saved run.');
  });
});

describe('history rows', () => {
  it("are the record's fields without spec, run and version, marked readable", () => {
    const summary = summaryOf(savedRun('a'));
    expect(summary).not.toHaveProperty('spec');
    expect(summary).not.toHaveProperty('run');
    expect(summary).not.toHaveProperty('version');
    expect(summary).toMatchObject({ id: 'a', damaged: false, strategy: 'darts', bestAcc: 0.61 });
    expect(readHistoryEntry('a', structuredClone(summary))).toEqual(summary);
  });

  it('written before the seed and settings were recorded, read with none', () => {
    const { seed: _seed, settings: _settings, ...older } = summaryOf(savedRun('a'));
    expect(readHistoryEntry('a', older)).toMatchObject({
      damaged: false,
      seed: null,
      settings: {},
    });
    const record = savedRun('b');
    const { seed: _s, settings: _t, ...olderRecord } = record;
    // A whole record has its spec: the seed and settings are read from it.
    const read = readSavedRun(olderRecord);
    expect(read.ok && read.value.seed).toBe(record.spec.seed);
    expect(read.ok && read.value.settings).toEqual(record.settings);
  });

  it('keep the name and dates of a damaged record where they can be read', () => {
    const record = savedRun('a');
    expect(damagedSummaryOf('a', { ...record, version: 9 }, 'why')).toEqual({
      damaged: true,
      id: 'a',
      name: 'Run a',
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
      problem: 'why',
    });
    expect(damagedSummaryOf('b', 42, 'why')).toEqual({
      damaged: true,
      id: 'b',
      name: DAMAGED_RUN_NAME,
      createdAt: null,
      updatedAt: '',
      problem: 'why',
    });
  });

  it('turn a damaged stored row into a damaged row under its key', () => {
    const row = readHistoryEntry('k', { damaged: false, name: 'half a row' });
    expect(row).toMatchObject({ damaged: true, id: 'k', name: 'half a row' });
    expect(row.damaged && row.problem).toMatch(
      /^This saved run could not be read: its history entry is damaged \(/,
    );
  });
});

describe('readRunState', () => {
  it("checks a checkpoint's run state and fills the fields added since", () => {
    const { diagnostics: _d, ...run } = savedRun('a').run;
    const read = readRunState(run);
    expect(read.ok && read.value.diagnostics).toEqual([]);
    expect(readRunState({ ...run, subnets: 'none' }).ok).toBe(false);
  });
});
