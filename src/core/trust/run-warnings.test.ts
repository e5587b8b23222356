import { describe, expect, it } from 'vitest';
import { defaultExperiment } from '../experiment/defaults';
import type { AlphaPoint } from '../run/state';
import { appendPoints, emptySeries } from '../series/downsample';
import { alphaWarning, gapWarning, nearChanceWarning, runWarnings } from './run-warnings';
import { ALPHA_UNIFORM_ENTROPY, DISCRETIZATION_GAP } from './thresholds';
import { finishedRun, mnistSpec, NB201_EDGES, record, rowWithEntropy } from './trust.testkit';

const EPS = 1e-4;

describe('alphaWarning', () => {
  it('fires just above the entropy threshold and not just below it', () => {
    const spec = mnistSpec();
    const above = alphaWarning(
      finishedRun(spec, { row: rowWithEntropy(ALPHA_UNIFORM_ENTROPY + EPS) }),
    );
    const below = alphaWarning(
      finishedRun(spec, { row: rowWithEntropy(ALPHA_UNIFORM_ENTROPY - EPS) }),
    );
    expect(above?.kind).toBe('alphas-uniform');
    expect(below).toBeNull();
  });

  it('names the entropy, the epochs and the alpha learning rate', () => {
    const w = alphaWarning(finishedRun(mnistSpec(), { row: [0.23, 0.2, 0.2, 0.2, 0.17] }));
    expect(w?.problem).toContain('0.997');
    expect(w?.action).toContain('10 epochs');
    expect(w?.action).toContain('alpha learning rate (now 1)');
  });

  it('reads the latest alpha snapshot of a run that ended without a result', () => {
    const run = finishedRun(mnistSpec());
    const weights = Float32Array.from(NB201_EDGES.flatMap(() => [0.2, 0.2, 0.2, 0.2, 0.2]));
    const decided = Float32Array.from(NB201_EDGES.flatMap(() => [0.96, 0.01, 0.01, 0.01, 0.01]));
    const alphas = {
      normal: appendPoints(emptySeries<AlphaPoint>(), [
        { step: 1, weights: decided },
        { step: 2, weights },
      ]),
    };
    expect(alphaWarning({ ...run, result: null, alphas })?.kind).toBe('alphas-uniform');
  });

  it('says nothing for strategies without alphas', () => {
    expect(
      alphaWarning(finishedRun(mnistSpec('spos'), { row: [0.2, 0.2, 0.2, 0.2, 0.2] })),
    ).toBeNull();
  });
});

describe('nearChanceWarning', () => {
  const derived = (acc: number) =>
    nearChanceWarning(finishedRun(mnistSpec(), { subnets: [record('d', acc, 'derived')] }));

  it('fires for a DARTS derived cell just below chance + a tenth, not just above', () => {
    expect(derived(0.19 - EPS)?.kind).toBe('derived-near-chance');
    expect(derived(0.19 + EPS)).toBeNull();
    expect(derived(0.105)?.problem).toContain('10.5%');
    expect(derived(0.105)?.problem).toContain('10.0% for 10 classes');
  });

  it('uses 2 classes on the 2D sets', () => {
    const spec = defaultExperiment('teaching', 'spiral');
    const at = (acc: number) =>
      nearChanceWarning(finishedRun(spec, { subnets: [record('d', acc, 'derived')] }));
    expect(at(0.55 - EPS)?.problem).toContain('50.0% for 2 classes');
    expect(at(0.55 + EPS)).toBeNull();
  });

  it('judges the best subnet of a SPOS or multi-trial search', () => {
    for (const kind of ['spos', 'multi-trial'] as const) {
      const near = finishedRun(mnistSpec(kind), {
        subnets: [record('a', 0.12), record('b', 0.19 - EPS), record('c', Number.NaN)],
      });
      const fine = finishedRun(mnistSpec(kind), {
        subnets: [record('a', 0.12), record('b', 0.19 + EPS)],
      });
      expect(nearChanceWarning(near)?.kind).toBe('best-near-chance');
      expect(nearChanceWarning(fine)).toBeNull();
    }
  });

  it('tells a GDAS derived cell near chance to search longer, not that its ops trained in the mixture', () => {
    const run = finishedRun(mnistSpec('gdas'), { subnets: [record('d', 0.12, 'derived')] });
    const w = nearChanceWarning(run);
    expect(w?.kind).toBe('derived-near-chance');
    expect(w?.problem).toContain('only on the steps that sampled it');
    expect(w?.problem).not.toContain('mixture');
    expect(w?.action).toContain('Search longer (now 10 epochs)');
  });

  it('says nothing without a derived cell or subnets', () => {
    expect(nearChanceWarning(finishedRun(mnistSpec()))).toBeNull();
    expect(nearChanceWarning(finishedRun(mnistSpec('spos')))).toBeNull();
  });
});

describe('gapWarning', () => {
  const gap = (supernetAcc: number, derivedAcc: number) =>
    gapWarning(
      finishedRun(mnistSpec(), { supernetAcc, subnets: [record('d', derivedAcc, 'derived')] }),
    );

  it('fires just above the gap threshold and not just below it', () => {
    expect(gap(0.9, 0.9 - DISCRETIZATION_GAP - EPS)?.kind).toBe('discretization-gap');
    expect(gap(0.9, 0.9 - DISCRETIZATION_GAP + EPS)).toBeNull();
  });

  it('names the gap and both accuracies', () => {
    const w = gap(0.89125, 0.105);
    expect(w?.problem).toContain('78.6 points');
    expect(w?.problem).toContain('10.5% against 89.1%');
  });

  it('says nothing for GDAS, whose supernet accuracy is of a mixture it never trains', () => {
    const run = finishedRun(mnistSpec('gdas'), {
      supernetAcc: 0.9,
      subnets: [record('d', 0.2, 'derived')],
    });
    expect(gapWarning(run)).toBeNull();
  });

  it('says nothing before the run finished or without a derived cell', () => {
    const run = finishedRun(mnistSpec(), { subnets: [record('d', 0.1, 'derived')] });
    expect(gapWarning({ ...run, result: null })).toBeNull();
    expect(gapWarning(finishedRun(mnistSpec()))).toBeNull();
  });
});

describe('runWarnings', () => {
  it('gives all three for the default DARTS run on NB201 / MNIST as measured', () => {
    const run = finishedRun(mnistSpec(), {
      row: [0.226, 0.2, 0.2, 0.19, 0.184],
      supernetAcc: 0.89125,
      subnets: [record('d', 0.105, 'derived')],
    });
    expect(runWarnings(run).map((w) => w.kind)).toEqual([
      'alphas-uniform',
      'derived-near-chance',
      'discretization-gap',
    ]);
  });

  it('gives none for a decided search whose cell keeps the supernet’s accuracy', () => {
    const run = finishedRun(mnistSpec(), {
      row: [0.9, 0.025, 0.025, 0.025, 0.025],
      supernetAcc: 0.9,
      subnets: [record('d', 0.86, 'derived')],
    });
    expect(runWarnings(run)).toEqual([]);
  });
});
