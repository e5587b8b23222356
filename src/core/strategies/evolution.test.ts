import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { subnetRange } from '../cost/network-cost';
import { presetSpace } from '../search-space/presets';
import { spaceSize } from '../search-space/size';
import { isFeasible } from './constraints';
import { evolutionSearch } from './evolution';
import { scaledEvolution, type EvolutionParams } from './evolution-params';
import { genotypeKey } from './genotype-key';
import { randomSearch } from './random-search';
import { recordingHooks, syntheticAccuracy } from './search.testkit';
import {
  costOn,
  RGB8,
  smallPreset,
  TINY_TOP_K_SPACE,
  validityFailures,
} from './strategies.testkit';

const SMALL: EvolutionParams = {
  generations: 4,
  population: 8,
  topK: 3,
  mutations: 4,
  crossovers: 4,
  mutationProbability: 0.1,
};

describe('evolutionSearch', () => {
  it('never evaluates or returns a candidate breaking random constraints', async () => {
    const cases = [
      { space: smallPreset('nb201'), input: RGB8 },
      { space: TINY_TOP_K_SPACE, input: RGB8 },
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...cases),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.boolean(),
        fc.nat(),
        async ({ space, input }, pp, pf, both, seed) => {
          const range = subnetRange(space, input, 10);
          const maxParams = Math.round(
            range.params.min + pp * (range.params.max - range.params.min),
          );
          const maxFlops = Math.round(range.flops.min + pf * (range.flops.max - range.flops.min));
          const constraints = both ? { maxParams, maxFlops } : { maxParams };
          const cost = costOn(space, input);
          const { hooks, evaluated } = recordingHooks(
            space,
            syntheticAccuracy(space, seed),
            cost,
            seed,
            {
              constraints,
              maxDraws: 200,
            },
          );
          const result = await evolutionSearch(space, SMALL, hooks);
          expect(evaluated.length).toBe(result.records.length);
          expect(new Set(evaluated).size).toBe(evaluated.length);
          for (const r of result.records) {
            expect(isFeasible(cost(r.genotype), constraints)).toBe(true);
            expect(r.params).toBeLessThanOrEqual(maxParams);
            if (both) expect(r.flops).toBeLessThanOrEqual(maxFlops);
            expect(validityFailures(space, input, r.genotype)).toEqual([]);
            expect(r.key).toBe(genotypeKey(space, r.genotype));
          }
          expect(evaluated).toEqual(result.records.map((r) => r.key));
          if (result.end === 'exhausted')
            expect(result.message).toMatch(/^Ended early after \d+ evaluation/);
          else expect(result.records.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('runs generations of at most `population`, parents from generation 1 on', async () => {
    const space = presetSpace('nb201');
    const { hooks } = recordingHooks(space, syntheticAccuracy(space, 2), costOn(space, RGB8), 2);
    const result = await evolutionSearch(space, SMALL, hooks);
    expect(result.end).toBe('complete');
    expect(result.records.length).toBe(SMALL.generations * SMALL.population);
    for (let g = 0; g < SMALL.generations; g++) {
      const gen = result.records.filter((r) => r.generation === g);
      expect(gen.length).toBe(SMALL.population);
      const bred = gen.filter((r) => r.origin !== 'random').length;
      if (g === 0) expect(bred).toBe(0);
      else expect(bred).toBeGreaterThan(0);
    }
  });

  it('finds better subnets than random search with the same budget (5 fixed seeds)', async () => {
    // NB201 (15,625 cells) with a synthetic accuracy whose best cell scores 1; budget 200 each.
    const space = presetSpace('nb201');
    const params = scaledEvolution(spaceSize(space), 200);
    const cost = costOn(space, RGB8);
    const bestEvolution: number[] = [];
    const bestRandom: number[] = [];
    for (const seed of [1, 2, 3, 4, 5]) {
      const accuracy = syntheticAccuracy(space, 100 + seed);
      const evo = await evolutionSearch(
        space,
        params,
        recordingHooks(space, accuracy, cost, seed).hooks,
      );
      const rnd = await randomSearch(
        space,
        { samples: evo.records.length },
        recordingHooks(space, accuracy, cost, seed).hooks,
      );
      bestEvolution.push(evo.best?.accuracy ?? 0);
      bestRandom.push(rnd.best?.accuracy ?? 0);
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(bestEvolution)).toBeGreaterThan(mean(bestRandom) + 0.03);
    expect(bestEvolution.filter((e, i) => e >= (bestRandom[i] ?? 1)).length).toBeGreaterThanOrEqual(
      4,
    );
  });

  it('stops promptly: no evaluation starts after shouldStop says so', async () => {
    const space = presetSpace('nb201');
    let asksAfterYes = 0;
    let saidYes = false;
    const { hooks, evaluated } = recordingHooks(space, () => 0.5, costOn(space, RGB8), 3, {
      shouldStop: () => {
        if (saidYes) asksAfterYes++;
        saidYes = evaluated.length >= 7;
        return saidYes;
      },
    });
    const result = await evolutionSearch(space, SMALL, hooks);
    expect(result.end).toBe('stopped');
    expect(evaluated.length).toBe(7);
    expect(result.records.length).toBe(7);
    expect(result.message).toBe('Stopped after 7 evaluation(s).');
    // The answer is sticky: once told to stop the loop never asks again.
    expect(asksAfterYes).toBe(0);
  });

  it('ends early and says so when too few subnets meet the constraints', async () => {
    const space = TINY_TOP_K_SPACE;
    const range = subnetRange(space, RGB8, 10);
    const { hooks, evaluated } = recordingHooks(space, () => 0.5, costOn(space, RGB8), 6, {
      constraints: { maxParams: range.params.min },
    });
    const result = await evolutionSearch(space, SMALL, hooks);
    // The cheapest subnets of the 44, found by evaluating them all without constraints.
    const all = await randomSearch(
      space,
      { samples: 44 },
      recordingHooks(space, () => 0, costOn(space, RGB8), 1).hooks,
    );
    const cheapest = all.records.filter((r) => r.params === range.params.min).map((r) => r.key);
    expect(cheapest.length).toBeLessThan(SMALL.generations * SMALL.population);
    expect(result.end).toBe('exhausted');
    expect(result.message).toMatch(
      /every subnet of the space has been evaluated or breaks a constraint/,
    );
    expect(result.rejected).toBe(44 - cheapest.length);
    expect(new Set(evaluated)).toEqual(new Set(cheapest));
    expect(result.records.every((r) => r.params === range.params.min)).toBe(true);
  });
});
