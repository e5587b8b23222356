import { describe, expect, it } from 'vitest';
import { runStateOfFile } from './imported-run';
import { defaultExperiment } from '../core/experiment/defaults';
import { strategyFor } from '../core/experiment/strategy-for';
import { emptySeries } from '../core/series/downsample';
import {
  parseRunFile,
  runFileOf,
  serializeRunFile,
  type RunFileSource,
} from '../core/export/run-file';

const base = defaultExperiment('teaching', 'spiral');
const spec = { ...base, strategy: strategyFor('pc-darts', base) };
const genotype = { normal: { edges: [], concat: ['h3'] }, reduce: null };
const metrics = {
  trainAcc: 0.9,
  validAcc: 0.8,
  testAcc: 0.7,
  trainLoss: 0.3,
  validLoss: 0.4,
  testLoss: 0.5,
};

/** A finished run of `spec`, with or without edge weights. */
function source(edgeWeights?: Float32Array): RunFileSource {
  return {
    spec,
    status: 'finished',
    result: edgeWeights
      ? { genotype, metrics, edgeWeights: { normal: edgeWeights } }
      : { genotype, metrics },
    subnets: [],
    steps: emptySeries(),
    evals: emptySeries(),
  };
}

describe('PC-DARTS edge weights in the run file', () => {
  it('are written, read back and restored into an imported run', () => {
    const weights = Float32Array.from([1, 0.25, 0.75]);
    const text = serializeRunFile(
      runFileOf(source(weights), { exportedAt: '2026-01-01T00:00:00Z' }),
    );
    const read = parseRunFile(text);
    if (!read.ok) throw new Error(read.problems.join('\n'));
    expect(read.run.spec.strategy.kind).toBe('pc-darts');
    expect(read.run.result?.edgeWeights).toEqual({ normal: [1, 0.25, 0.75] });
    expect(runStateOfFile(read.run).result?.edgeWeights?.normal).toEqual(weights);
  });

  it('are absent for a run without them, as in older files', () => {
    const text = serializeRunFile(runFileOf(source(), { exportedAt: '2026-01-01T00:00:00Z' }));
    expect(text).not.toContain('edgeWeights');
    const read = parseRunFile(text);
    if (!read.ok) throw new Error(read.problems.join('\n'));
    expect(read.run.result?.edgeWeights).toBeUndefined();
    expect(runStateOfFile(read.run).result).not.toHaveProperty('edgeWeights');
  });
});
