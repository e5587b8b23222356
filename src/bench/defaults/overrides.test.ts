import { describe, expect, it } from 'vitest';
import { defaultExperiment } from '../../core/experiment/defaults';
import { applyOverrides, parseOverride } from './overrides';

describe('parseOverride', () => {
  it('reads a dotted path and a JSON or string value', () => {
    expect(parseOverride('strategy.epochs=20')).toEqual({
      path: ['strategy', 'epochs'],
      value: 20,
    });
    expect(parseOverride('strategy.search=random')).toEqual({
      path: ['strategy', 'search'],
      value: 'random',
    });
    expect(parseOverride('strategy.constraints.maxParams=null')).toMatchObject({ value: null });
  });

  it('refuses text without a path', () => {
    expect(parseOverride('20')).toHaveProperty('problem');
    expect(parseOverride('=20')).toHaveProperty('problem');
    expect(parseOverride('strategy..epochs=2')).toHaveProperty('problem');
  });
});

describe('applyOverrides', () => {
  const spec = defaultExperiment('nb201', 'mnist');

  it('changes the named fields and nothing else', () => {
    const r = applyOverrides(spec, [
      { path: ['strategy', 'epochs'], value: 3 },
      { path: ['dataset', 'samples'], value: 500 },
    ]);
    if (!('spec' in r)) throw new Error(r.problem);
    expect(r.spec).toEqual({
      ...spec,
      strategy: { ...spec.strategy, epochs: 3 },
      dataset: { ...spec.dataset, samples: 500 },
    });
    expect(spec.strategy.epochs).not.toBe(3);
  });

  it('refuses a field the spec does not have', () => {
    expect(applyOverrides(spec, [{ path: ['strategy', 'epoch'], value: 3 }])).toEqual({
      problem: '--set strategy.epoch: the spec has no field "epoch" there.',
    });
  });
});
