import { describe, expect, it } from 'vitest';
import { defaultExperiment, NO_CONSTRAINTS } from '../experiment/defaults';
import type { ExperimentSpec, MultiTrialStrategySpec } from '../experiment/spec';
import { spaceSize } from '../search-space/size';
import { defaultStrategy } from '../strategy/registry';
import type { SubnetRecord } from './protocol';
import { warmupSummary } from './warmup-summary';

const teaching = defaultExperiment('teaching', 'spiral');

function spec(over: Partial<MultiTrialStrategySpec>): ExperimentSpec {
  const s = defaultStrategy('multi-trial', teaching.dataset, spaceSize(teaching.space), 'teaching');
  if (s.kind !== 'multi-trial') throw new Error('not multi-trial');
  return { ...teaching, strategy: { ...s, trials: 20, population: 5, ...over } };
}

const record = (origin: SubnetRecord['origin'], i: number): SubnetRecord => ({
  key: `k${i}`,
  genotype: { normal: { edges: [], concat: [] }, reduce: null },
  accuracy: 0.5,
  evaluation: 'standalone',
  params: 1,
  flops: 1,
  latencyMs: null,
  generation: 0,
  origin,
});

describe('warmupSummary', () => {
  it('is null without a warm-up, or for random search', () => {
    expect(warmupSummary(spec({}), [])).toBeNull();
    expect(warmupSummary(spec({ warmupProxy: 'synflow', search: 'random' }), [])).toBeNull();
    expect(warmupSummary(teaching, [])).toBeNull();
  });

  it('names the proxy, the pool (capped by the space) and the members it chose', () => {
    const subnets = [
      record('warmup', 0),
      record('warmup', 1),
      record('warmup', 2),
      record('random', 3),
    ];
    const size = Number(spaceSize(teaching.space));
    const big = warmupSummary(spec({ warmupProxy: 'naswot', warmupPool: size + 100 }), subnets);
    expect(big).toBe(
      `Zero-cost warm-up: naswot scored a pool of ${size.toLocaleString('en-US')} architecture(s) at initialisation; 3 of the first population's 5 member(s) came from it (the best-scored, origin "zero-cost warm-up"), the rest at random.`,
    );
    const bounded = warmupSummary(
      spec({
        warmupProxy: 'synflow',
        warmupPool: 5,
        constraints: { ...NO_CONSTRAINTS, maxParams: 900 },
      }),
      subnets,
    );
    expect(bounded).toMatch(
      /^Zero-cost warm-up: synflow scored a pool of up to 5 architecture\(s\) meeting the constraints/,
    );
  });
});
