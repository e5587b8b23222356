import { describe, expect, it } from 'vitest';
import { defaultDataset } from '../experiment/defaults';
import { chanceOf, isNearChance, nearChanceLimit } from './chance';

describe('chance', () => {
  it('is one over the class count: 10 for MNIST, 2 for the 2D sets', () => {
    expect(chanceOf(defaultDataset('mnist'))).toEqual({ classes: 10, chance: 0.1 });
    expect(chanceOf(defaultDataset('spiral'))).toEqual({ classes: 2, chance: 0.5 });
  });

  it('puts the near-chance limit a tenth of the way from chance to 1', () => {
    expect(nearChanceLimit(0.1)).toBeCloseTo(0.19, 12);
    expect(nearChanceLimit(0.5)).toBeCloseTo(0.55, 12);
  });

  it('flags accuracies just below the limit, not just above it', () => {
    expect(isNearChance(0.1899, 0.1)).toBe(true);
    expect(isNearChance(0.1901, 0.1)).toBe(false);
    expect(isNearChance(0.5499, 0.5)).toBe(true);
    expect(isNearChance(0.5501, 0.5)).toBe(false);
    expect(isNearChance(Number.NaN, 0.1)).toBe(false);
  });
});
