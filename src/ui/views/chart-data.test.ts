import { describe, expect, it } from 'vitest';
import { defaultExperiment } from '../../core/experiment/defaults';
import { beginRun, foldEvents } from '../../core/run/fold';
import { initialRunState } from '../../core/run/state';
import { accuracySeries, alphaCells, lossSeries, searchedCells } from './chart-data';

describe('chart data', () => {
  it('turns folded events into metric lines and alpha cells', () => {
    const spec = defaultExperiment('darts', 'mnist', 1);
    const edges = spec.space.normal.edges.map((e) => ({
      id: e.id,
      from: e.from,
      to: e.to,
      ops: e.ops,
    }));
    const n = edges.reduce((k, e) => k + e.ops.length, 0);
    const run = foldEvents(beginRun(initialRunState(), spec), [
      {
        type: 'started',
        totalSteps: 10,
        stepsPerEpoch: 5,
        cells: { normal: edges, reduce: edges },
        trainCount: 1,
        validCount: 1,
        testCount: 1,
        paramCount: 1,
      },
      {
        type: 'step',
        step: 1,
        epoch: 0,
        trainLoss: 2.3,
        trainAcc: 0.1,
        alphaLoss: 2.2,
        elapsedMs: 5,
      },
      {
        type: 'step',
        step: 2,
        epoch: 0,
        trainLoss: Number.NaN,
        trainAcc: 0.2,
        alphaLoss: 2.1,
        elapsedMs: 9,
      },
      { type: 'eval', step: 2, epoch: 0, validLoss: 2.0, validAcc: 0.3 },
      {
        type: 'alphas',
        step: 2,
        weights: {
          normal: new Float32Array(n).fill(1 / 8),
          reduce: new Float32Array(n).fill(1 / 8),
        },
      },
    ]);
    const loss = lossSeries(run);
    expect(loss.map((s) => s.name)).toEqual(['train', 'alpha step', 'validation']);
    expect(loss[0]?.points).toEqual([
      { x: 1, y: 2.3 },
      { x: 2, y: Number.NaN },
    ]);
    expect(loss[2]?.points).toEqual([{ x: 2, y: 2.0 }]);
    expect(accuracySeries(run)[1]?.points).toEqual([{ x: 2, y: 0.3 }]);
    // SPOS and multi-trial runs have no alpha step and no per-epoch evaluation.
    expect(lossSeries(run, 'spos').map((s) => s.name)).toEqual(['train']);
    expect(accuracySeries(run, 'multi-trial').map((s) => s.name)).toEqual(['train']);
    expect(searchedCells(run).map((c) => c.role)).toEqual(['normal', 'reduce']);
    const cells = alphaCells(run);
    expect(cells.map((c) => [c.role, c.title, c.edges.length, c.samples.length])).toEqual([
      ['normal', 'Normal cell', 14, 1],
      ['reduce', 'Reduction cell', 14, 1],
    ]);
    expect(cells[0]?.nodeLabels?.get('c0')).toBe('0');
    expect(cells[0]?.nodeLabels?.get('n3')).toBe('5');
  });

  it('has nothing to draw before a run', () => {
    expect(alphaCells(initialRunState())).toEqual([]);
    expect(searchedCells(initialRunState())).toEqual([]);
  });
});
