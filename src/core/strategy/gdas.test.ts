import { describe, expect, it } from 'vitest';
import { defaultExperiment } from '../experiment/defaults';
import { experimentSchema } from '../experiment/schema';
import type { GdasStrategySpec } from '../experiment/spec';
import { defaultStrategy, STRATEGIES, validateStrategy } from './registry';

const base = (): GdasStrategySpec => {
  const spec = defaultExperiment('nb201', 'mnist');
  const s = defaultStrategy('gdas', spec.dataset, 1n, 'nb201');
  if (s.kind !== 'gdas') throw new Error('not a GDAS default');
  return s;
};

describe('GDAS in the strategy registry', () => {
  it('defaults to the paper’s temperatures on DARTS’s budget of the same scale, at a lower alpha rate on digits', () => {
    const spec = defaultExperiment('nb201', 'mnist');
    const g = base();
    const d = defaultStrategy('darts', spec.dataset, 1n, 'nb201');
    expect(g).toMatchObject({ tauMax: 10, tauMin: 0.1, alphaLr: 0.3 });
    expect(d).toMatchObject({ alphaLr: 1 });
    for (const k of ['epochs', 'batchSize', 'weightLr', 'warmupEpochs'] as const)
      expect(g[k]).toBe(Reflect.get(d, k));
    const circles = defaultExperiment('teaching', 'circles');
    expect(defaultStrategy('gdas', circles.dataset, 1n, 'teaching')).toMatchObject({
      alphaLr: Reflect.get(defaultStrategy('darts', circles.dataset, 1n, 'teaching'), 'alphaLr'),
    });
    expect(STRATEGIES.gdas.runLabel(g)).toBe('GDAS');
    expect(STRATEGIES.gdas.capabilities.alphas).toBe(true);
  });

  it('trains three times DARTS’s epochs on the DARTS cells, with the same warm-up share, batch and weight rate', () => {
    const spec = defaultExperiment('darts', 'mnist');
    const g = defaultStrategy('gdas', spec.dataset, 1n, 'darts');
    const d = defaultStrategy('darts', spec.dataset, 1n, 'darts');
    if (g.kind !== 'gdas' || d.kind !== 'darts') throw new Error('wrong kinds');
    expect(g.epochs).toBe(3 * d.epochs);
    expect(g.warmupEpochs / g.epochs).toBeCloseTo(d.warmupEpochs / d.epochs, 10);
    expect([g.batchSize, g.weightLr, g.alphaLr]).toEqual([d.batchSize, d.weightLr, 0.3]);
    expect(validateStrategy(g)).toEqual([]);
  });

  it('explains temperatures that are not positive or that rise, and a warm-up as long as the run', () => {
    expect(validateStrategy({ ...base(), tauMax: 0 })).toEqual([
      expect.objectContaining({ path: 'strategy.tauMax', code: expect.any(String) }),
    ]);
    expect(validateStrategy({ ...base(), tauMin: 2, tauMax: 1 })).toEqual([
      {
        path: 'strategy.tauMin',
        code: 'too-large',
        message:
          'The last temperature must be at most the first temperature 1: GDAS anneals the temperature down (got 2).',
      },
    ]);
    const s = base();
    expect(validateStrategy({ ...s, warmupEpochs: s.epochs })).toEqual([
      expect.objectContaining({ path: 'strategy.warmupEpochs', code: 'too-large' }),
    ]);
    expect(validateStrategy({ ...s, tauMin: Number.NaN })).toEqual([
      expect.objectContaining({ path: 'strategy.tauMin' }),
    ]);
  });

  it('reads a GDAS spec back through the schema unchanged', () => {
    const spec = { ...defaultExperiment('nb201', 'mnist'), strategy: base() };
    const parsed = experimentSchema.safeParse(JSON.parse(JSON.stringify(spec)));
    expect(parsed.success && parsed.data.strategy).toEqual(spec.strategy);
  });
});
