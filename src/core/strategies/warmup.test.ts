import { describe, expect, it } from 'vitest';
import { createRng } from '../random';
import { presetSpace } from '../search-space/presets';
import { spaceSize } from '../search-space/size';
import type { Genotype } from '../search-space/types';
import { agingEvolution } from './aging-evolution';
import { genotypeKey } from './genotype-key';
import { recordingHooks, syntheticAccuracy } from './search.testkit';
import { costOn, RGB8, TINY_TOP_K_SPACE } from './strategies.testkit';
import { scoreWarmupPool, warmupPool, type WarmupScoreFn } from './warmup';

const nb201 = presetSpace('nb201');
const cost = costOn(nb201, RGB8);

/** A fake proxy: the genotype's params, so the best-scored are the largest (checkable by hand). */
const byParams: WarmupScoreFn = (g) => Promise.resolve(cost(g).params);

describe('warmupPool', () => {
  it('draws distinct genotypes, all meeting the constraints, the same for the same seed', () => {
    const all = warmupPool(nb201, createRng(5), { pool: 200, cost });
    const median = [...all.map((g) => cost(g).params)].sort((a, b) => a - b)[100] ?? 0;
    const pool = warmupPool(nb201, createRng(5), {
      pool: 200,
      cost,
      constraints: { maxParams: median },
    });
    expect(pool.length).toBe(200);
    expect(new Set(pool.map((g) => genotypeKey(nb201, g))).size).toBe(200);
    expect(pool.every((g) => cost(g).params <= median)).toBe(true);
    expect(
      warmupPool(nb201, createRng(5), { pool: 200, cost, constraints: { maxParams: median } }),
    ).toEqual(pool);
    expect(warmupPool(nb201, createRng(6), { pool: 200, cost })).not.toEqual(all);
  });

  it('is capped by the space: a space no larger than the pool is taken whole (its feasible part)', () => {
    const tinyCost = costOn(TINY_TOP_K_SPACE, RGB8);
    const size = Number(spaceSize(TINY_TOP_K_SPACE));
    const whole = warmupPool(TINY_TOP_K_SPACE, createRng(1), { pool: 500, cost: tinyCost });
    expect(whole.length).toBe(size);
    expect(new Set(whole.map((g) => genotypeKey(TINY_TOP_K_SPACE, g))).size).toBe(size);
    const params = whole.map((g) => tinyCost(g).params).sort((a, b) => a - b);
    const bound = params[Math.floor(size / 2)] ?? 0;
    const feasible = warmupPool(TINY_TOP_K_SPACE, createRng(1), {
      pool: 500,
      cost: tinyCost,
      constraints: { maxParams: bound },
    });
    expect(feasible.length).toBe(params.filter((p) => p <= bound).length);
  });
});

describe('scoreWarmupPool', () => {
  it('chooses the `population` best-scored members, best first, NaN never', async () => {
    const pool = warmupPool(nb201, createRng(2), { pool: 30, cost });
    const scoreOf = (g: Genotype) => cost(g).params;
    const top = [...pool].sort((a, b) => scoreOf(b) - scoreOf(a))[0];
    if (top === undefined) throw new Error('empty pool');
    const nanKey = genotypeKey(nb201, top);
    const result = await scoreWarmupPool(pool, 5, (g) =>
      Promise.resolve(genotypeKey(nb201, g) === nanKey ? Number.NaN : scoreOf(g)),
    );
    if (result === null) throw new Error('stopped');
    const expected = pool
      .filter((g) => genotypeKey(nb201, g) !== nanKey)
      .sort((a, b) => scoreOf(b) - scoreOf(a))
      .slice(0, 5);
    expect(result.initial.map((g) => genotypeKey(nb201, g))).toEqual(
      expected.map((g) => genotypeKey(nb201, g)),
    );
    expect(result.scores.length).toBe(30);
    expect(result.chosen.map((i) => result.scores[i])).toEqual(expected.map(scoreOf));
  });

  it('scores only what the carried scores leave, and stops when the scorer says so', async () => {
    const pool = warmupPool(nb201, createRng(3), { pool: 12, cost });
    const whole = await scoreWarmupPool(pool, 4, byParams);
    if (whole === null) throw new Error('stopped');
    const asked: number[] = [];
    const resumed = await scoreWarmupPool(
      pool,
      4,
      (g, i) => {
        asked.push(i);
        return byParams(g, i);
      },
      whole.scores.slice(0, 7),
    );
    expect(asked).toEqual([7, 8, 9, 10, 11]);
    expect(resumed).toEqual(whole);
    const stopped = await scoreWarmupPool(pool, 4, (g, i) =>
      i === 5 ? Promise.resolve(null) : byParams(g, i),
    );
    expect(stopped).toBeNull();
  });
});

describe('agingEvolution with a warm-up', () => {
  it('evaluates the initial members first (origin warmup), then random fill and mutations', async () => {
    const pool = warmupPool(nb201, createRng(4), { pool: 40, cost });
    const warm = await scoreWarmupPool(pool, 10, byParams);
    if (warm === null) throw new Error('stopped');
    const { hooks, evaluated } = recordingHooks(nb201, syntheticAccuracy(nb201, 4), cost, 4);
    const result = await agingEvolution(
      nb201,
      { population: 10, sample: 3, cycles: 30, initial: warm.initial.slice(0, 7) },
      hooks,
    );
    expect(evaluated.slice(0, 7)).toEqual(
      warm.initial.slice(0, 7).map((g) => genotypeKey(nb201, g)),
    );
    expect(
      result.records.slice(0, 7).every((r) => r.origin === 'warmup' && r.generation === 0),
    ).toBe(true);
    expect(result.records.slice(7, 10).every((r) => r.origin === 'random')).toBe(true);
    expect(result.records.slice(10).every((r) => r.origin === 'mutation')).toBe(true);
    expect(new Set(evaluated).size).toBe(30);
  });

  it('gives the same run for the same seed and initial population', async () => {
    const pool = warmupPool(nb201, createRng(7), { pool: 50, cost });
    const warm = await scoreWarmupPool(pool, 10, byParams);
    if (warm === null) throw new Error('stopped');
    const once = async () => {
      const { hooks, evaluated } = recordingHooks(nb201, syntheticAccuracy(nb201, 7), cost, 7);
      await agingEvolution(
        nb201,
        { population: 10, sample: 3, cycles: 25, initial: warm.initial },
        hooks,
      );
      return evaluated;
    };
    expect(await once()).toEqual(await once());
  });
});
