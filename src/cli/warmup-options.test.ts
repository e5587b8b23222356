import { describe, expect, it } from 'vitest';
import { defaultExperiment } from '../core/experiment/defaults';
import type { ExperimentSpec } from '../core/experiment/spec';
import { spaceSize } from '../core/search-space/size';
import { defaultStrategy } from '../core/strategy/registry';
import { parseArgs } from './args';
import { searchPlanOf } from './queue/search-plan';
import { readWarmupFlags, withWarmupRequest } from './warmup-options';

const teaching = defaultExperiment('teaching', 'spiral', 1);
const multiTrial: ExperimentSpec = {
  ...teaching,
  strategy: defaultStrategy('multi-trial', teaching.dataset, spaceSize(teaching.space), 'teaching'),
};

describe('warm-up flags of run', () => {
  it('reads a proxy and a pool, and refuses bad ones in plain words', () => {
    const flags = (...argv: string[]) => readWarmupFlags(parseArgs(argv));
    expect(flags('--warmup-proxy', 'synflow', '--warmup-pool', '500')).toEqual({
      proxy: 'synflow',
      pool: 500,
    });
    expect(flags('--warmup-proxy', 'none')).toEqual({ proxy: 'none', pool: null });
    expect(flags()).toEqual({ proxy: null, pool: null });
    expect(flags('--warmup-proxy', 'params')).toEqual({
      problem:
        '--warmup-proxy must be none or one of synflow, snip, grad_norm, grasp, fisher, jacob_cov, naswot (got "params").',
    });
    expect(flags('--warmup-pool', '1e3')).toEqual({
      problem: '--warmup-pool must be a whole number of at least 1 (got "1e3").',
    });
  });

  it('sets the warm-up of multi-trial evolution, validated as the studio validates a spec', () => {
    const on = withWarmupRequest(multiTrial, { proxy: 'naswot', pool: 300 });
    expect(on.ok && on.spec.strategy).toMatchObject({ warmupProxy: 'naswot', warmupPool: 300 });
    expect(withWarmupRequest(multiTrial, { proxy: null, pool: null })).toEqual({
      ok: true,
      spec: multiTrial,
    });
    const small = withWarmupRequest(multiTrial, { proxy: 'synflow', pool: 1 });
    expect(!small.ok && small.problems[1]).toMatch(
      /^strategy.warmupPool: The warm-up pool \(1\) must hold at least the population/,
    );
    expect(withWarmupRequest(multiTrial, { proxy: null, pool: 200 })).toEqual({
      ok: false,
      problems: ['--warmup-pool needs a warm-up proxy: give --warmup-proxy too.'],
    });
  });

  it('refuses other strategies and random search; the queue refuses a warm-up', () => {
    expect(withWarmupRequest(teaching, { proxy: 'synflow', pool: null })).toEqual({
      ok: false,
      problems: [
        '--warmup-proxy and --warmup-pool apply to multi-trial evolution; this experiment runs darts.',
      ],
    });
    if (multiTrial.strategy.kind !== 'multi-trial') throw new Error('not multi-trial');
    const random = {
      ...multiTrial,
      strategy: { ...multiTrial.strategy, search: 'random' as const },
    };
    expect(withWarmupRequest(random, { proxy: 'synflow', pool: null })).toMatchObject({
      ok: false,
      problems: [expect.stringMatching(/this experiment runs multi-trial random search\.$/)],
    });
    const warm = {
      ...multiTrial,
      strategy: { ...multiTrial.strategy, warmupProxy: 'snip' as const },
    };
    expect(searchPlanOf(warm, null)).toEqual({
      problem:
        'The queue starts evolution at random; it does not run the zero-cost warm-up (snip). Set warmupProxy to none, or use `run`.',
    });
  });
});
