import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/random';
import { sampleRole } from './sample';
import { gdasTemperature } from './temperature';

describe('GDAS temperature schedule', () => {
  it('falls linearly from tauMax in the first epoch to tauMin in the last', () => {
    const s = { epochs: 5, tauMax: 10, tauMin: 0.1 };
    const taus = [1, 2, 3, 4, 5].map((e) => gdasTemperature(e, s));
    const expected = [10, 7.525, 5.05, 2.575, 0.1];
    taus.forEach((t, i) => expect(t).toBeCloseTo(expected[i] ?? Number.NaN, 12));
    expect(gdasTemperature(5, s)).toBe(0.1);
    expect(gdasTemperature(1, s)).toBe(10);
  });

  it('samples a one-epoch run at tauMax and clamps epochs outside the run', () => {
    expect(gdasTemperature(1, { epochs: 1, tauMax: 10, tauMin: 0.1 })).toBe(10);
    const s = { epochs: 3, tauMax: 4, tauMin: 1 };
    expect(gdasTemperature(0, s)).toBe(4);
    expect(gdasTemperature(9, s)).toBe(1);
    expect(gdasTemperature(2, s)).toBe(2.5);
  });
});

describe('GDAS sampling', () => {
  it('draws the same sample from the same seed, and never a padding column', () => {
    const alphas = [0.3, -0.1, 0.2, -1e9, 1, 0, -1, 0.5];
    const a = sampleRole(alphas, [3, 4], 4, 2, createRng(11));
    const b = sampleRole(alphas, [3, 4], 4, 2, createRng(11));
    expect(b).toEqual(a);
    expect(a.noise[3]).toBe(0);
    for (let seed = 0; seed < 200; seed++) {
      const s = sampleRole(alphas, [3, 4], 4, 0.1, createRng(seed));
      expect(s.chosen[0]).toBeLessThan(3);
      expect(s.chosen[1]).toBeLessThan(4);
    }
  });

  it('picks each op with probability softmax(alpha), whatever the temperature (the Gumbel-max trick)', () => {
    const alphas = [Math.log(0.5), Math.log(0.3), Math.log(0.2)];
    for (const tau of [10, 0.1]) {
      const rng = createRng(7);
      const counts = [0, 0, 0];
      const n = 20000;
      for (let i = 0; i < n; i++) {
        const op = sampleRole(alphas, [3], 3, tau, rng).chosen[0] ?? -1;
        counts[op] = (counts[op] ?? 0) + 1;
      }
      expect(counts.map((c) => c / n)).toEqual([
        expect.closeTo(0.5, 1.5),
        expect.closeTo(0.3, 1.5),
        expect.closeTo(0.2, 1.5),
      ]);
    }
  });
});
