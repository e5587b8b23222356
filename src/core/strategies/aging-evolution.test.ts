import { describe, expect, it } from 'vitest';
import { presetSpace } from '../search-space/presets';
import { agingEvolution, AGING_EVOLUTION_DEFAULTS } from './aging-evolution';
import { genotypePath } from './path';
import { randomSearch } from './random-search';
import { recordingHooks, syntheticAccuracy } from './search.testkit';
import { costOn, RGB8, TINY_TOP_K_SPACE } from './strategies.testkit';
import type { EvaluatedRecord } from './types';

describe('agingEvolution', () => {
  it('keeps at most `population` members and drops the oldest each cycle', async () => {
    const space = presetSpace('nb201');
    const snapshots: string[][] = [];
    const { hooks, evaluated } = recordingHooks(
      space,
      syntheticAccuracy(space, 3),
      costOn(space, RGB8),
      3,
    );
    const result = await agingEvolution(
      space,
      { ...AGING_EVOLUTION_DEFAULTS, cycles: 60 },
      { ...hooks, onPopulation: (p) => snapshots.push(p.map((r) => r.key)) },
    );
    expect(result.end).toBe('complete');
    expect(evaluated.length).toBe(60);
    expect(snapshots.length).toBe(60);
    snapshots.forEach((s, i) => {
      expect(s.length).toBe(Math.min(i + 1, 10));
      expect(s[s.length - 1]).toBe(evaluated[i]);
      if (i >= 10) expect(s).toEqual([...(snapshots[i - 1] ?? []).slice(1), evaluated[i]]);
    });
  });

  it('breeds children one choice away from a member of the population', async () => {
    const space = presetSpace('nb201');
    const alive: EvaluatedRecord[][] = [];
    const { hooks } = recordingHooks(space, syntheticAccuracy(space, 4), costOn(space, RGB8), 4);
    const result = await agingEvolution(
      space,
      { population: 10, sample: 3, cycles: 40 },
      {
        ...hooks,
        onPopulation: (p) => alive.push([...p]),
      },
    );
    const children = result.records.slice(10);
    expect(children.every((r) => r.origin === 'mutation')).toBe(true);
    expect(
      result.records.slice(0, 10).every((r) => r.origin === 'random' && r.generation === 0),
    ).toBe(true);
    children.forEach((child, i) => {
      expect(child.generation).toBe(i + 1);
      const before = alive[9 + i] ?? [];
      const distance = (r: EvaluatedRecord) => {
        const a = genotypePath(space, r.genotype).normal;
        const b = genotypePath(space, child.genotype).normal;
        return a.filter((op, e) => op !== b[e]).length;
      };
      expect(before.some((r) => distance(r) === 1)).toBe(true);
    });
  });

  it('beats random search with the same budget on a synthetic objective (5 fixed seeds)', async () => {
    const space = presetSpace('nb201');
    const cost = costOn(space, RGB8);
    let wins = 0;
    let margin = 0;
    for (const seed of [1, 2, 3, 4, 5]) {
      const accuracy = syntheticAccuracy(space, 200 + seed);
      const aging = await agingEvolution(
        space,
        { population: 10, sample: 3, cycles: 150 },
        recordingHooks(space, accuracy, cost, seed).hooks,
      );
      const rnd = await randomSearch(
        space,
        { samples: 150 },
        recordingHooks(space, accuracy, cost, seed).hooks,
      );
      const a = aging.best?.accuracy ?? 0;
      const r = rnd.best?.accuracy ?? 0;
      if (a >= r) wins++;
      margin += (a - r) / 5;
    }
    expect(wins).toBeGreaterThanOrEqual(4);
    expect(margin).toBeGreaterThan(0.03);
  });

  it('stops promptly and ends early when the space runs out', async () => {
    const space = presetSpace('nb201');
    const { hooks, evaluated } = recordingHooks(space, () => 0.5, costOn(space, RGB8), 5, {
      shouldStop: () => evaluated.length >= 12,
    });
    const stopped = await agingEvolution(space, { population: 10, sample: 3, cycles: 50 }, hooks);
    expect(stopped.end).toBe('stopped');
    expect(evaluated.length).toBe(12);

    const tiny = TINY_TOP_K_SPACE;
    const all = recordingHooks(tiny, () => 0.5, costOn(tiny, RGB8), 6);
    const out = await agingEvolution(tiny, { population: 10, sample: 3, cycles: 100 }, all.hooks);
    expect(out.end).toBe('exhausted');
    expect(out.records.length).toBeLessThanOrEqual(44);
    expect(new Set(all.evaluated).size).toBe(all.evaluated.length);
  });

  it('refuses an empty population or sample', async () => {
    const space = presetSpace('nb201');
    const { hooks } = recordingHooks(space, () => 0.5, costOn(space, RGB8), 1);
    await expect(
      agingEvolution(space, { population: 0, sample: 3, cycles: 5 }, hooks),
    ).rejects.toThrow(/at least 1/);
  });
});
