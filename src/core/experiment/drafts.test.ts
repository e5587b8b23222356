import { describe, expect, it } from 'vitest';
import { defaultExperiment, defaultSpos } from './defaults';
import {
  draftAt,
  draftKind,
  liveDrafts,
  needsDraft,
  typedPaths,
  valueAtPath,
  withValueAtPath,
} from './drafts';
import type { ExperimentSpec } from './spec';

const teaching = defaultExperiment('teaching', 'spiral');
const spos: ExperimentSpec = { ...teaching, strategy: defaultSpos(teaching.dataset, 100n) };

describe('field drafts', () => {
  it('knows the typed fields: seed, dataset numbers, strategy numbers, bounds (blank is no bound)', () => {
    expect(draftKind('seed')).toBe('number');
    expect(draftKind('dataset.noise')).toBe('number');
    expect(draftKind('strategy.epochs')).toBe('number');
    expect(draftKind('strategy.constraints.maxParams')).toBe('optional');
    for (const path of [
      'name',
      'version',
      'dataset.id',
      'dataset.imageSize',
      'strategy.kind',
      'strategy.order',
      'strategy.constraints',
      'space.macro.channels',
      '__proto__',
      'strategy.constraints.maxParams.x',
    ])
      expect(draftKind(path), path).toBeNull();
  });

  it('reads and writes values only where the spec has that typed field', () => {
    expect(valueAtPath(teaching, 'strategy.epochs')).toBe(teaching.strategy.epochs);
    expect(valueAtPath(teaching, 'strategy.earlyStop')).toBeUndefined();
    expect(valueAtPath(teaching, 'strategy.constraints.maxParams')).toBeUndefined();
    expect(valueAtPath(spos, 'strategy.constraints.maxParams')).toBeNull();
    expect(valueAtPath(teaching, 'strategy.toString')).toBeUndefined();
    const nan = withValueAtPath(spos, 'strategy.constraints.maxFlops', Number.NaN);
    expect(valueAtPath(nan, 'strategy.constraints.maxFlops')).toBeNaN();
    expect(withValueAtPath(teaching, 'strategy.samples', 3)).toBe(teaching);
    expect(withValueAtPath(teaching, 'seed', null)).toBe(teaching);
  });

  it('keeps a draft only where the value alone would show other text', () => {
    expect(needsDraft('strategy.epochs', 'abc', Number.NaN)).toBe(true);
    expect(needsDraft('strategy.epochs', '', Number.NaN)).toBe(true);
    expect(needsDraft('strategy.epochs', '1e3', 1000)).toBe(true);
    expect(needsDraft('strategy.epochs', '1000', 1000)).toBe(false);
    expect(needsDraft('strategy.epochs', '12', 1000)).toBe(false);
    expect(needsDraft('strategy.constraints.maxParams', '', null)).toBe(false);
    expect(needsDraft('strategy.constraints.maxParams', 'lots', Number.NaN)).toBe(true);
  });

  it('shows a draft only while it parses to the value at its path', () => {
    const spec = { ...teaching, strategy: { ...teaching.strategy, epochs: Number.NaN } };
    const drafts = { 'strategy.epochs': 'abc', seed: '1e3', 'strategy.kind': 'x' };
    expect(draftAt(spec, drafts, 'strategy.epochs')).toBe('abc');
    expect(draftAt(spec, drafts, 'seed')).toBeNull();
    expect(liveDrafts(spec, drafts)).toEqual({ 'strategy.epochs': 'abc' });
  });

  it('lists every typed field of a spec', () => {
    expect(typedPaths(teaching)).toContain('strategy.tuneEpochs');
    expect(typedPaths(teaching)).not.toContain('strategy.order');
    expect(typedPaths(spos)).toEqual(
      expect.arrayContaining([
        'seed',
        'dataset.noise',
        'strategy.validSubset',
        'strategy.constraints.maxLatencyMs',
      ]),
    );
  });
});
