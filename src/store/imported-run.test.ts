import { describe, expect, it } from 'vitest';
import { parseRunFile, runFileOf, serializeRunFile } from '../core/export/run-file';
import type { Genotype } from '../core/search-space/types';
import { seriesPoints } from '../core/series/downsample';
import { runState, SPEC } from '../storage/history.testkit';
import { REPLAY_RUN_ID } from './history-state';
import { replayOfFile } from './imported-run';
import { foldEvents } from '../core/run/fold';

describe('an imported run file as a replay', () => {
  it('shows the series, subnets and result the file was exported with', () => {
    const genotype: Genotype = {
      normal: { edges: [{ from: 'x', to: 'h1', op: 'skip_connect' }], concat: ['h1'] },
      reduce: null,
    };
    const run = foldEvents(runState('running', 4), [
      {
        type: 'finished',
        step: 4,
        genotype,
        metrics: {
          trainAcc: 0.9,
          validAcc: 0.8,
          testAcc: 0.7,
          trainLoss: 0.1,
          validLoss: 0.2,
          testLoss: 0.3,
        },
        weights: {},
      },
    ]);
    const file = runFileOf({ ...run, spec: SPEC }, { exportedAt: '2025-01-02T00:00:00.000Z' });
    const read = parseRunFile(serializeRunFile(file));
    if (!read.ok) throw new Error(read.problems.join(' '));
    const replay = replayOfFile(read.run, 'spiral-run.json');
    expect(replay.name).toBe('spiral-run.json');
    expect(replay.spec).toEqual(SPEC);
    expect(replay.run.runId).toBe(REPLAY_RUN_ID);
    expect(replay.run.status).toBe('finished');
    expect(seriesPoints(replay.run.steps)).toEqual(seriesPoints(run.steps));
    expect(seriesPoints(replay.run.evals)).toEqual(seriesPoints(run.evals));
    expect(replay.run.result?.metrics).toEqual(run.result?.metrics);
    expect(replay.run.result?.step).toBe(4);
    expect(replay.run.genotype?.genotype).toEqual(run.result?.genotype);
    expect(replay.run.stepLog.seen).toBe(4);
  });
});
