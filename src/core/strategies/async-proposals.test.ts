import { describe, expect, it } from 'vitest';
import { createRng } from '../random';
import { presetSpace } from '../search-space/presets';
import { agingEvolution } from './aging-evolution';
import {
  agingChild,
  agingPopulation,
  emptyBook,
  randomProposals,
  trialRng,
} from './async-proposals';
import { genotypeKey } from './genotype-key';
import { randomSearch } from './random-search';
import { recordingHooks, syntheticAccuracy } from './search.testkit';
import { costOn, RGB8, TINY_TOP_K_SPACE } from './strategies.testkit';

describe('async proposals', () => {
  it('proposes up front exactly the subnets, in order, that random search evaluates with the same rng and bounds', async () => {
    const space = presetSpace('nb201');
    const cost = costOn(space, RGB8);
    const { hooks, evaluated } = recordingHooks(space, syntheticAccuracy(space, 1), cost, 7, {
      constraints: { maxParams: 60_000 },
    });
    await randomSearch(space, { samples: 25 }, hooks);
    const proposed = randomProposals(space, 25, createRng(7), emptyBook(), {
      cost,
      constraints: { maxParams: 60_000 },
    });
    expect(proposed.map((c) => c.key)).toEqual(evaluated);
  });

  it('proposes the first population aging evolution starts from', async () => {
    const space = presetSpace('nb201');
    const cost = costOn(space, RGB8);
    const { hooks, evaluated } = recordingHooks(space, syntheticAccuracy(space, 2), cost, 3);
    await agingEvolution(space, { population: 6, sample: 2, cycles: 6 }, hooks);
    const proposed = randomProposals(space, 6, createRng(3), emptyBook(), { cost });
    expect(proposed.map((c) => c.key)).toEqual(evaluated);
  });

  it('stops short when the space runs out, and never proposes a subnet twice', () => {
    const space = TINY_TOP_K_SPACE;
    const book = emptyBook();
    const proposed = randomProposals(space, 100, createRng(1), book, {
      cost: costOn(space, RGB8),
    });
    expect(proposed).toHaveLength(44);
    expect(new Set(proposed.map((c) => c.key)).size).toBe(44);
    expect(book.taken.size).toBe(44);
  });

  it("mutates one choice of the tournament's best into a new subnet, the same one for the same trial index", () => {
    const space = presetSpace('nb201');
    const cost = costOn(space, RGB8);
    const book = emptyBook();
    const parents = randomProposals(space, 4, createRng(5), book, { cost }).map((c, i) => ({
      genotype: c.genotype,
      key: c.key,
      accuracy: i / 10,
      params: c.cost.params,
      flops: c.cost.flops,
      generation: 0,
      origin: 'random' as const,
    }));
    const child = (b: typeof book) =>
      agingChild(space, agingPopulation(parents, 3), 2, trialRng(5, 4), b, { cost });
    const a = child({ taken: new Set(book.taken), refused: new Set() });
    const b = child({ taken: new Set(book.taken), refused: new Set() });
    expect(a?.key).toBe(b?.key);
    expect(book.taken.has(a?.key ?? '')).toBe(false);
    expect(a && genotypeKey(space, a.genotype)).toBe(a?.key);
    expect(agingPopulation(parents, 3).map((p) => p.key)).toEqual(
      parents.slice(1).map((p) => p.key),
    );
  });
});
