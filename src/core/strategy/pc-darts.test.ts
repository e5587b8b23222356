import { describe, expect, it } from 'vitest';
import { PC_DARTS_WARMUP_SHARE } from '../experiment/budgets';
import { defaultDarts, defaultExperiment } from '../experiment/defaults';
import { experimentSchema } from '../experiment/schema';
import type { ExperimentSpec } from '../experiment/spec';
import { strategyFor } from '../experiment/strategy-for';
import { validateExperiment } from '../experiment/validate';
import { strategyEntry, validateStrategy } from './registry';

/** The DARTS preset on digits with PC-DARTS's defaults. */
function pcSpec(): ExperimentSpec {
  const base = defaultExperiment('darts', 'mnist');
  return { ...base, strategy: strategyFor('pc-darts', base) };
}

describe('PC-DARTS in the strategy registry', () => {
  it('defaults to DARTS’s settings with K = 4 and the paper’s warm-up share', () => {
    const spec = pcSpec();
    const s = spec.strategy;
    if (s.kind !== 'pc-darts') throw new Error('not PC-DARTS');
    const { kind: _a, warmupEpochs: _b, ...darts } = defaultDarts(spec.dataset, 'darts');
    const { kind: _c, warmupEpochs, partialK, ...rest } = s;
    expect(partialK).toBe(4);
    expect(rest).toMatchObject(darts);
    expect(warmupEpochs).toBe(Math.round(s.epochs * PC_DARTS_WARMUP_SHARE));
    expect(warmupEpochs).toBeLessThan(s.epochs);
    expect(validateExperiment(spec)).toEqual([]);
    expect(strategyEntry('pc-darts').runLabel(s)).toBe('PC-DARTS (K = 4)');
  });

  it('refuses a K that is not a whole number in range, or that does not divide the channels', () => {
    const spec = pcSpec();
    const s = spec.strategy;
    if (s.kind !== 'pc-darts') throw new Error('not PC-DARTS');
    expect(validateStrategy({ ...s, partialK: 2.5 }).map((p) => p.path)).toEqual([
      'strategy.partialK',
    ]);
    expect(validateStrategy({ ...s, partialK: 0 }).map((p) => p.path)).toEqual([
      'strategy.partialK',
    ]);
    const odd = { ...spec, strategy: { ...s, partialK: 3 } };
    expect(validateExperiment(odd)).toEqual([
      {
        path: 'strategy.partialK',
        code: 'partial-channels',
        message:
          "Partial-channel ratio K = 3 must divide the cells' 8 channels (each edge sends 8 / K of them through its ops); 1, 2, 4 or 8 do.",
      },
    ]);
  });

  it('parses from a link or run file, and fills DARTS’s later fields in as DARTS does', () => {
    const spec = pcSpec();
    expect(experimentSchema.parse(JSON.parse(JSON.stringify(spec)))).toEqual(spec);
    if (spec.strategy.kind !== 'pc-darts') throw new Error('not PC-DARTS');
    const { warmupEpochs: _w, ...older } = spec.strategy;
    const parsed = experimentSchema.parse({ ...spec, strategy: older });
    expect(parsed.strategy.kind).toBe('pc-darts');
    expect(
      experimentSchema.safeParse({ ...spec, strategy: { ...older, partialK: 'four' } }).success,
    ).toBe(false);
  });
});
