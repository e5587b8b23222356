import { describe, expect, it } from 'vitest';
import { defaultExperiment, defaultSpos } from '../../core/experiment/defaults';
import type { ExperimentSpec } from '../../core/experiment/spec';
import type { SubnetRecord } from '../../core/run/protocol';
import { spaceSize } from '../../core/search-space/size';
import type { Genotype } from '../../core/search-space/types';
import { bestSubnet, isDiscrete, shownGenotype } from './shown-genotype';

const darts = defaultExperiment('teaching', 'spiral', 1);
const spos: ExperimentSpec = {
  ...darts,
  strategy: defaultSpos(darts.dataset, spaceSize(darts.space)),
};

const genotype = (op: 'dense_relu' | 'dense_tanh' | 'skip_connect'): Genotype => ({
  normal: { edges: [{ from: 'x', to: 'h1', op }], concat: ['h1'] },
  reduce: null,
});

const record = (key: string, accuracy: number, g: Genotype): SubnetRecord => ({
  key,
  genotype: g,
  accuracy,
  evaluation: 'inherited',
  params: 10,
  flops: 20,
  latencyMs: null,
  generation: 0,
  origin: 'random',
});

const metrics = { trainAcc: 1, validAcc: 1, testAcc: 1, trainLoss: 0, validLoss: 0, testLoss: 0 };

describe('best subnet', () => {
  it('is the most accurate record, the earliest among equals, ignoring NaN', () => {
    const records = [
      record('a', 0.5, genotype('dense_relu')),
      record('b', Number.NaN, genotype('dense_tanh')),
      record('c', 0.75, genotype('dense_tanh')),
      record('d', 0.75, genotype('skip_connect')),
    ];
    expect(bestSubnet(records)?.key).toBe('c');
    expect(bestSubnet([])).toBeNull();
  });

  it('tells discrete strategies from DARTS', () => {
    expect(isDiscrete('spos')).toBe(true);
    expect(isDiscrete('multi-trial')).toBe(true);
    expect(isDiscrete('darts')).toBe(false);
    expect(isDiscrete(null)).toBe(false);
  });
});

describe('shown genotype', () => {
  const subnets = [
    record('a', 0.4, genotype('dense_relu')),
    record('b', 0.6, genotype('dense_tanh')),
  ];

  it('shows the result of a finished run even without genotype events (SPOS)', () => {
    const shown = shownGenotype({
      spec: spos,
      genotype: null,
      subnets,
      result: { step: 40, genotype: genotype('skip_connect'), metrics, weights: {} },
    });
    expect(shown).toEqual({ genotype: genotype('skip_connect'), source: 'final', step: 40 });
  });

  it('shows the latest derived genotype of a DARTS run in progress', () => {
    const shown = shownGenotype({
      spec: darts,
      genotype: { step: 12, genotype: genotype('dense_relu') },
      subnets: [],
      result: null,
    });
    expect(shown).toEqual({ genotype: genotype('dense_relu'), source: 'derived', step: 12 });
  });

  it('shows the best subnet so far of a discrete search in progress, and nothing for DARTS without genotypes', () => {
    expect(shownGenotype({ spec: spos, genotype: null, subnets, result: null })).toEqual({
      genotype: genotype('dense_tanh'),
      source: 'best-so-far',
      step: null,
    });
    expect(shownGenotype({ spec: darts, genotype: null, subnets, result: null })).toBeNull();
    expect(shownGenotype({ spec: spos, genotype: null, subnets: [], result: null })).toBeNull();
  });
});
