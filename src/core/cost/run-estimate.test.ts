import { describe, expect, it } from 'vitest';
import { estimateOf, priceWork, unitCounts, untimedUnits } from './run-estimate';
import type { RunWork } from './work-units';

const WORK: RunWork = [
  { phase: 'training', unit: 'weightStep', count: 100 },
  { phase: 'training', unit: 'alphaPass', count: 100 },
  { phase: 'evaluation', unit: 'supernetExample', count: 4400 },
  { phase: 'diagnostics', unit: 'alphaPass', count: 64 },
];

describe('priceWork', () => {
  it('sums count x ms per unit, per phase and in all, in seconds', () => {
    const priced = priceWork(WORK, { weightStep: 300, alphaPass: 200, supernetExample: 0.5 });
    // 100 x 300 + 100 x 200 = 50,000 ms; 4,400 x 0.5 = 2,200 ms; 64 x 200 = 12,800 ms.
    expect(priced.phases).toEqual({ training: 50, evaluation: 2.2, diagnostics: 12.8 });
    expect(priced.totalSeconds).toBeCloseTo(65, 10);
  });

  it('refuses work with a unit nobody timed, naming it', () => {
    expect(untimedUnits(WORK, { weightStep: 1 })).toEqual(['alphaPass', 'supernetExample']);
    expect(() => priceWork(WORK, { weightStep: 1, alphaPass: 1 })).toThrow(/supernetExample/);
  });

  it('prices no work at zero', () => {
    expect(priceWork([], {})).toEqual({ totalSeconds: 0, phases: {} });
  });
});

describe('estimateOf', () => {
  it('carries the backend, the probe time, the timings and the unit counts', () => {
    const timings = { weightStep: 300, alphaPass: 200, supernetExample: 0.5, pathStep: 9 };
    const e = estimateOf(WORK, timings, 'wasm', 1234);
    expect(e.backend).toBe('wasm');
    expect(e.probeMs).toBe(1234);
    expect(e.units).toEqual({ weightStep: 100, alphaPass: 164, supernetExample: 4400 });
    expect(unitCounts(WORK)).toEqual(e.units);
    expect(e.timings).toBe(timings);
    expect(e.totalSeconds).toBeCloseTo(65, 10);
  });
});
