import { describe, expect, it } from 'vitest';
import { defaultExperiment } from '../experiment/defaults';
import { experimentSchema } from '../experiment/schema';
import type { ExperimentSpec, MultiTrialStrategySpec } from '../experiment/spec';
import { decodeLink, encodeLink } from '../link/codec';
import { spaceSize } from '../search-space/size';
import { WARMUP_POOL_DEFAULT } from '../strategies/warmup';
import {
  defaultStrategy,
  STRATEGIES,
  strategyLayout,
  validateStrategy,
  withStrategyChoice,
} from './registry';

const teaching = defaultExperiment('teaching', 'spiral');

/** The teaching experiment with multi-trial's defaults and `over`. */
function multiTrial(over: Partial<MultiTrialStrategySpec> = {}): ExperimentSpec {
  const s = defaultStrategy('multi-trial', teaching.dataset, spaceSize(teaching.space), 'teaching');
  if (s.kind !== 'multi-trial') throw new Error('not a multi-trial default');
  return { ...teaching, strategy: { ...s, ...over } };
}

const strategyOf = (spec: ExperimentSpec): MultiTrialStrategySpec => {
  if (spec.strategy.kind !== 'multi-trial') throw new Error('not multi-trial');
  return spec.strategy;
};

describe('the zero-cost warm-up of multi-trial evolution', () => {
  it('is off by default, and its pool shows on the form only for evolution with a proxy', () => {
    const s = strategyOf(multiTrial());
    expect(s).toMatchObject({ warmupProxy: 'none', warmupPool: WARMUP_POOL_DEFAULT });
    expect(strategyLayout(s).search).toEqual(['trials', 'population', 'sample']);
    const on = withStrategyChoice(s, 'warmupProxy', 'synflow');
    expect(on).toMatchObject({ warmupProxy: 'synflow' });
    expect(strategyLayout(on).search).toEqual(['trials', 'population', 'sample', 'warmupPool']);
    expect(strategyLayout({ ...s, warmupProxy: 'synflow', search: 'random' }).search).toEqual([
      'trials',
    ]);
    expect(STRATEGIES['multi-trial'].runLabel(s)).toBe('Regularized evolution (stand-alone)');
    expect(STRATEGIES['multi-trial'].runLabel(on)).toBe(
      'Regularized evolution + synflow warm-up (stand-alone)',
    );
  });

  it('explains an unknown proxy, a pool out of range and a pool smaller than the population', () => {
    const s = strategyOf(multiTrial({ warmupProxy: 'snip' }));
    expect(validateStrategy(s)).toEqual([]);
    expect(validateStrategy({ ...s, warmupProxy: 'magic' as 'snip' })).toEqual([
      {
        path: 'strategy.warmupProxy',
        code: 'out-of-range',
        message:
          'The warm-up proxy must be none or one of synflow, snip, grad_norm, grasp, fisher, jacob_cov, naswot (got "magic").',
      },
    ]);
    expect(validateStrategy({ ...s, warmupPool: 0 })).toEqual([
      expect.objectContaining({ path: 'strategy.warmupPool' }),
    ]);
    expect(validateStrategy({ ...s, warmupPool: 2.5 })).toEqual([
      expect.objectContaining({ path: 'strategy.warmupPool' }),
    ]);
    expect(validateStrategy({ ...s, population: 10, warmupPool: 8 })).toEqual([
      {
        path: 'strategy.warmupPool',
        code: 'out-of-range',
        message:
          'The warm-up pool (8) must hold at least the population (10): its best-scored become the first population.',
      },
    ]);
    expect(validateStrategy({ ...s, population: 10, warmupPool: 8, search: 'random' })).toEqual([]);
  });

  it('reads an older spec or link without the warm-up as a random first population', () => {
    const spec = multiTrial();
    const raw = JSON.parse(JSON.stringify(spec)) as { strategy: Record<string, unknown> };
    delete raw.strategy.warmupProxy;
    delete raw.strategy.warmupPool;
    const parsed = experimentSchema.safeParse(raw);
    expect(parsed.success && parsed.data).toEqual(spec);
    const link = encodeLink({ spec: raw as unknown as ExperimentSpec });
    const read = decodeLink(link);
    expect(read.ok && read.payload.spec).toEqual(spec);
  });

  it('travels in a link', () => {
    const spec = multiTrial({ warmupProxy: 'naswot', warmupPool: 300 });
    const read = decodeLink(encodeLink({ spec }));
    expect(read.ok && read.payload.spec).toEqual(spec);
  });
});
