import { describe, expect, it } from 'vitest';
import { presetSpace } from '../search-space/presets';
import { isFeasible } from './constraints';
import { randomSearch } from './random-search';
import { recordingHooks, syntheticAccuracy } from './search.testkit';
import { costOn, RGB8, TINY_TOP_K_SPACE } from './strategies.testkit';

describe('randomSearch', () => {
  it('evaluates exactly the asked number of distinct subnets and reports each', async () => {
    const space = presetSpace('nb201');
    const { hooks, evaluated, reported } = recordingHooks(
      space,
      syntheticAccuracy(space, 1),
      costOn(space, RGB8),
      3,
    );
    const result = await randomSearch(space, { samples: 40 }, hooks);
    expect(result.end).toBe('complete');
    expect(result.records.length).toBe(40);
    expect(evaluated.length).toBe(40);
    expect(new Set(evaluated).size).toBe(40);
    expect(reported).toEqual(result.records);
    expect(result.records.every((r) => r.origin === 'random' && r.generation === 0)).toBe(true);
    expect(result.best?.accuracy).toBe(Math.max(...result.records.map((r) => r.accuracy)));
  });

  it('de-duplicates: asked for more than the space holds, it evaluates each genotype once and says it ran out', async () => {
    const space = TINY_TOP_K_SPACE;
    const { hooks, evaluated } = recordingHooks(space, () => 0.5, costOn(space, RGB8), 4);
    const result = await randomSearch(space, { samples: 100 }, hooks);
    expect(result.end).toBe('exhausted');
    expect(result.message).toMatch(/after 44 evaluation\(s\): every subnet of the space/);
    expect(evaluated.length).toBe(44);
    expect(new Set(evaluated).size).toBe(44);
  });

  it('never evaluates a subnet over the params limit, and counts those it refused', async () => {
    const space = TINY_TOP_K_SPACE;
    const cost = costOn(space, RGB8);
    const { hooks, evaluated } = recordingHooks(space, () => 0.5, cost, 5, {
      constraints: { maxParams: 400 },
    });
    const result = await randomSearch(space, { samples: 100 }, hooks);
    expect(result.end).toBe('exhausted');
    expect(result.records.every((r) => r.params <= 400)).toBe(true);
    expect(evaluated.length).toBe(result.records.length);
    expect(result.records.length).toBeGreaterThan(0);
    expect(result.rejected).toBeGreaterThan(0);
    expect(result.records.length + result.rejected).toBe(44);
    expect(result.records.every((r) => isFeasible(cost(r.genotype), { maxParams: 400 }))).toBe(
      true,
    );
  });
});
