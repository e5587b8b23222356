import { describe, expect, it } from 'vitest';
import { beginRun } from '../core/run/fold';
import {
  ARCHIVE_LIMIT,
  archiveRun,
  defaultStandaloneEpochs,
  initialSearchView,
  keepPlotted,
} from './search-archive';
import { runContext } from './search-selectors';
import { dartsSpec, multiTrialSpec, record, runWith, sposSpec } from './search.testkit';

const empty = initialSearchView(sposSpec(1));
const records = [record('a', 0.9, 300), record('b', 0.5, 100)];

describe('archiveRun', () => {
  it('keeps SPOS and multi-trial runs that ended with subnets, however they ended', () => {
    for (const status of ['finished', 'stopped', 'failed'] as const) {
      const run = runWith(sposSpec(1), 3, records, status);
      const archive = archiveRun(empty, run).archive;
      expect(archive).toHaveLength(1);
      expect(archive[0]).toMatchObject({
        runId: 3,
        label: 'SPOS + evolution · seed 1',
        strategy: 'spos',
        context: runContext(sposSpec(1)),
        records,
        latency: null,
        checks: [],
      });
    }
    const trials = archiveRun(empty, runWith(multiTrialSpec(2), 1, records)).archive;
    expect(trials[0]?.strategy).toBe('multi-trial');
  });

  it('keeps a DARTS run with its derived cell, and leaves out runs without subnets and runs still in progress', () => {
    expect(archiveRun(empty, runWith(dartsSpec(1), 1, records)).archive).toHaveLength(1);
    expect(archiveRun(empty, runWith(sposSpec(1), 1, []))).toBe(empty);
    expect(archiveRun(empty, runWith(sposSpec(1), 1, records, 'running'))).toBe(empty);
  });

  it('adds a run once, refreshes it when records arrive late, and drops the oldest past the cap', () => {
    const run = runWith(sposSpec(1), 1, records);
    const once = archiveRun(empty, run);
    expect(archiveRun(once, run)).toBe(once);
    const later = { ...run, subnets: [...records, record('c', 0.1, 10)] };
    const refreshed = archiveRun(once, later).archive;
    expect(refreshed).toHaveLength(1);
    expect(refreshed[0]?.records).toHaveLength(3);
    let search = empty;
    for (let id = 1; id <= ARCHIVE_LIMIT + 3; id++)
      search = archiveRun(search, runWith(sposSpec(id), id, records));
    expect(search.archive).toHaveLength(ARCHIVE_LIMIT);
    expect(search.archive[0]?.runId).toBe(4);
    expect(search.archive.at(-1)?.runId).toBe(ARCHIVE_LIMIT + 3);
  });
});

describe('keepPlotted', () => {
  const ended = runWith(sposSpec(1), 1, records);
  const search = {
    ...archiveRun(empty, ended),
    selected: '1:a',
    brushed: ['1:a', '1:b'],
  };

  it('keeps a selection and brush of archived points the new run still plots', () => {
    expect(keepPlotted(search, beginRun(ended, multiTrialSpec(2)))).toBe(search);
  });

  it('clears them when the new run plots other points', () => {
    const other = keepPlotted(search, beginRun(ended, sposSpec(1, 'circles')));
    expect(other.selected).toBeNull();
    expect(other.brushed).toEqual([]);
    const hidden = keepPlotted({ ...search, compareRuns: false }, beginRun(ended, sposSpec(2)));
    expect(hidden.selected).toBeNull();
    expect(hidden.brushed).toEqual([]);
    const unarchived = { ...empty, selected: '1:a', brushed: ['1:a'] };
    expect(keepPlotted(unarchived, beginRun(ended, sposSpec(2)))).toMatchObject({
      selected: null,
      brushed: [],
    });
  });

  it('keeps only the brushed points still plotted', () => {
    const partly = { ...search, selected: '9:z', brushed: ['1:b', '9:z'] };
    expect(keepPlotted(partly, beginRun(ended, sposSpec(2)))).toMatchObject({
      selected: null,
      brushed: ['1:b'],
    });
  });
});

describe('defaultStandaloneEpochs', () => {
  it('is a DARTS supernet’s epochs for the data: 300 on 2D sets, 10 on MNIST by default', () => {
    expect(defaultStandaloneEpochs(sposSpec(1))).toBe(300);
    expect(defaultStandaloneEpochs(sposSpec(1, 'mnist'))).toBe(10);
    expect(initialSearchView(sposSpec(1, 'mnist')).standaloneEpochs).toBe(10);
  });
});
