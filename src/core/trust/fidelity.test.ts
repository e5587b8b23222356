import { describe, expect, it } from 'vitest';
import { kendallTau, spearmanRho } from '../stats/correlation';
import { fewPairsWarning, fidelityReport, shortStandaloneWarning } from './fidelity';
import { FIDELITY_RELIABLE_PAIRS } from './thresholds';

/** Pairs whose stand-alone accuracy is above the inherited one for `above` of them, below for the rest. */
function pairs(above: number, below: number) {
  return [
    ...Array.from({ length: above }, (_, i) => ({
      supernetAcc: 0.5 + 0.01 * i,
      standaloneAcc: 0.8 + 0.01 * i,
    })),
    ...Array.from({ length: below }, (_, i) => ({
      supernetAcc: 0.7 + 0.01 * i,
      standaloneAcc: 0.3 + 0.02 * i,
    })),
  ];
}

describe('fewPairsWarning', () => {
  it('fires from 3 pairs up to one below the reliable count', () => {
    expect(fewPairsWarning(2)).toBeNull();
    expect(fewPairsWarning(3)?.kind).toBe('few-pairs');
    expect(fewPairsWarning(FIDELITY_RELIABLE_PAIRS - 1)?.action).toContain(
      '1 more subnet stand-alone',
    );
    expect(fewPairsWarning(FIDELITY_RELIABLE_PAIRS)).toBeNull();
  });
});

describe('shortStandaloneWarning', () => {
  it('fires when more than half the stand-alone accuracies are below the inherited ones', () => {
    expect(shortStandaloneWarning(pairs(2, 3))?.problem).toContain('3 of 5');
    expect(shortStandaloneWarning(pairs(2, 2))).toBeNull();
    expect(shortStandaloneWarning(pairs(3, 2))).toBeNull();
    expect(shortStandaloneWarning([])).toBeNull();
  });

  it('counts a tie as not below', () => {
    expect(shortStandaloneWarning([{ supernetAcc: 0.5, standaloneAcc: 0.5 }])).toBeNull();
  });

  it('suggests the default budget when given', () => {
    expect(shortStandaloneWarning(pairs(0, 3), 4)?.action).toContain('at least 4 epochs');
    expect(shortStandaloneWarning(pairs(0, 3))?.action).toBe(
      'Raise the stand-alone epochs and train them again.',
    );
  });
});

describe('fidelityReport', () => {
  it('computes τ and ρ with bootstrap intervals around them', () => {
    const p = pairs(4, 2);
    const r = fidelityReport(p);
    const x = p.map((q) => q.supernetAcc);
    const y = p.map((q) => q.standaloneAcc);
    expect(r.kendall.value).toBeCloseTo(kendallTau(x, y), 12);
    expect(r.spearman.value).toBeCloseTo(spearmanRho(x, y), 12);
    for (const e of [r.kendall, r.spearman]) {
      expect(e.interval?.level).toBe(0.9);
      expect(e.interval?.low).toBeLessThanOrEqual(e.value ?? NaN);
      expect(e.interval?.high).toBeGreaterThanOrEqual(e.value ?? NaN);
    }
    expect(r).toMatchObject({ warnings: [], trusted: true });
  });

  it('is not trusted while a warning holds', () => {
    const r = fidelityReport(pairs(1, 3), 4);
    expect(r.warnings.map((w) => w.kind)).toEqual(['few-pairs', 'short-standalone']);
    expect(r.trusted).toBe(false);
    expect(r.kendall.value).not.toBeNull();
  });

  it('reports nothing below 3 pairs, and no interval for a constant side', () => {
    expect(fidelityReport(pairs(2, 0)).kendall).toEqual({ value: null, interval: null });
    const flat = [0.1, 0.2, 0.3].map((s) => ({ supernetAcc: 0.5, standaloneAcc: s + 0.5 }));
    expect(fidelityReport(flat).spearman).toEqual({ value: null, interval: null });
  });
});
