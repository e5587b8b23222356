import { describe, expect, it } from 'vitest';
import {
  defaultExperiment,
  defaultMultiTrial,
  defaultSpos,
  NO_CONSTRAINTS,
} from '../core/experiment/defaults';
import type { ExperimentSpec } from '../core/experiment/spec';
import { validateExperiment } from '../core/experiment/validate';
import { spaceSize } from '../core/search-space/size';
import { parseSpecJson } from './spec-schema';

/** The spec as it would come out of a file: plain JSON. */
const asJson = (spec: unknown): unknown => JSON.parse(JSON.stringify(spec)) as unknown;

describe('parseSpecJson', () => {
  const base = defaultExperiment('nb201', 'mnist');
  const size = spaceSize(base.space);
  const specs: [string, ExperimentSpec][] = [
    ['darts', base],
    ['spos', { ...base, strategy: defaultSpos(base.dataset, size) }],
    [
      'multi-trial',
      {
        ...base,
        strategy: {
          ...defaultMultiTrial(base.dataset, size),
          search: 'random',
          constraints: { ...NO_CONSTRAINTS, maxLatencyMs: 2.5 },
        },
      },
    ],
  ];

  for (const [kind, spec] of specs) {
    it(`reads a ${kind} experiment spec as it was written`, () => {
      const parsed = parseSpecJson(asJson(spec));
      expect(parsed).toEqual({ kind: 'experiment', spec });
      if (parsed.kind === 'experiment') expect(validateExperiment(parsed.spec)).toEqual([]);
    });
  }

  it('names the missing field of a multi-trial strategy', () => {
    const spec = specs[2]?.[1];
    if (spec?.strategy.kind !== 'multi-trial') throw new Error('the multi-trial spec is missing');
    const { trials: _trials, ...strategy } = spec.strategy;
    const parsed = parseSpecJson(asJson({ ...spec, strategy }));
    expect(parsed.kind).toBe('invalid');
    if (parsed.kind === 'invalid')
      expect(parsed.problems.map((p) => p.path)).toEqual(['strategy.trials']);
  });

  it('needs every bound of the constraints, each a number or null', () => {
    const spec = specs[1]?.[1];
    if (spec?.strategy.kind !== 'spos') throw new Error('the SPOS spec is missing');
    const strategy = { ...spec.strategy, constraints: { maxParams: null, maxFlops: '5' } };
    const parsed = parseSpecJson(asJson({ ...spec, strategy }));
    expect(parsed.kind === 'invalid' && parsed.problems.map((p) => p.path)).toEqual([
      'strategy.constraints.maxFlops',
      'strategy.constraints.maxLatencyMs',
    ]);
  });

  it('leaves an unknown search kind to the validator, and refuses an unknown strategy kind', () => {
    const spec = specs[2]?.[1];
    if (spec?.strategy.kind !== 'multi-trial') throw new Error('the multi-trial spec is missing');
    const grid = parseSpecJson(asJson({ ...spec, strategy: { ...spec.strategy, search: 'grid' } }));
    expect(grid.kind).toBe('experiment');
    if (grid.kind === 'experiment')
      expect(validateExperiment(grid.spec).map((p) => p.path)).toEqual(['strategy.search']);
    const enas = parseSpecJson(asJson({ ...spec, strategy: { ...spec.strategy, kind: 'enas' } }));
    expect(enas.kind === 'invalid' && enas.problems.map((p) => p.path)).toEqual(['strategy.kind']);
  });
});
