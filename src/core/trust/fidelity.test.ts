import { describe, expect, it } from 'vitest';
import { kendallTau, spearmanRho } from '../stats/correlation';
import {
  fewPairsWarning,
  fidelityContext,
  fidelityReport,
  nearChancePairsWarning,
  shortStandaloneWarning,
} from './fidelity';
import { mnistSpec } from './trust.testkit';
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

  it('asks for a longer training, not the default, when the pairs below already trained that long', () => {
    const trained = (epochs: number) =>
      pairs(1, 3).map((p) => ({ ...p, standaloneEpochs: epochs }));
    const atDefault = shortStandaloneWarning(trained(300), 300);
    expect(atDefault?.kind).toBe('standalone-below');
    expect(atDefault?.problem).toContain('though each trained for the suggested 300 epochs');
    expect(atDefault?.action).toBe(
      'Train them again with more stand-alone epochs and see whether they improve.',
    );
    expect(shortStandaloneWarning(trained(299), 300)?.kind).toBe('short-standalone');
    expect(shortStandaloneWarning(trained(299), 300)?.action).toContain('at least 300 epochs');
    expect(shortStandaloneWarning(pairs(1, 3), 300)?.action).toContain('at least 300 epochs');
  });
});

describe('nearChancePairsWarning', () => {
  const mnist = { classes: 10, chance: 0.1 };
  /** `near` pairs with one side just under MNIST's near-chance limit (0.19), `clear` pairs well above it. */
  const mixed = (near: number, clear: number) => [
    ...Array.from({ length: near }, (_, i) =>
      i % 2 === 0
        ? { supernetAcc: 0.1899, standaloneAcc: 0.8 }
        : { supernetAcc: 0.6, standaloneAcc: 0.1899 },
    ),
    ...Array.from({ length: clear }, () => ({ supernetAcc: 0.1901, standaloneAcc: 0.7 })),
  ];

  it('fires when more than half the pairs are near chance on either side', () => {
    expect(nearChancePairsWarning(mixed(3, 2), mnist)?.problem).toContain(
      '3 of 5 pairs are near chance (10.0% for 10 classes)',
    );
    expect(nearChancePairsWarning(mixed(2, 2), mnist)).toBeNull();
    expect(nearChancePairsWarning(mixed(0, 4), mnist)).toBeNull();
    expect(nearChancePairsWarning([], mnist)).toBeNull();
  });

  it('is part of the report only when the chance level is known', () => {
    const p = mixed(5, 0);
    expect(fidelityReport(p).warnings.map((w) => w.kind)).toEqual([]);
    const known = fidelityReport(p, { suggestedEpochs: null, chance: mnist });
    expect(known.warnings.map((w) => w.kind)).toEqual(['pairs-near-chance']);
  });
});

describe('fidelityContext', () => {
  it('takes the default stand-alone epochs and the chance level from the spec', () => {
    expect(fidelityContext(mnistSpec('spos'))).toEqual({
      suggestedEpochs: 10,
      chance: { classes: 10, chance: 0.1 },
    });
    expect(fidelityContext(null)).toEqual({ suggestedEpochs: null, chance: null });
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
    const r = fidelityReport(pairs(1, 3), { suggestedEpochs: 4, chance: null });
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
