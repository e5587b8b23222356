import { describe, expect, it } from 'vitest';
import { defaultStrategy } from '../core/strategy/registry';
import { defaultExperiment } from '../core/experiment/defaults';
import type { ExperimentSpec, StrategyKind } from '../core/experiment/spec';
import { validateExperiment } from '../core/experiment/validate';
import type { Problem } from '../core/problems';
import { spaceSize } from '../core/search-space/size';
import { fieldOfPath, groupProblems, shownFields, strategyFieldName } from './form-problems';
import { withConstraint, withSearchMode, withStrategyNumber } from './strategy-edits';
import { layoutFields, strategyLayout, type SearchMode } from './strategy-fields';

const p = (path: string): Problem => ({ path, message: `${path} is wrong.`, code: 'out-of-range' });

/** The teaching preset on the spiral with strategy `kind` at its defaults, searching in `mode`. */
function specWith(kind: StrategyKind, mode: SearchMode = 'evolution'): ExperimentSpec {
  const base = defaultExperiment('teaching', 'spiral');
  const strategy = defaultStrategy(kind, base.dataset, spaceSize(base.space));
  return { ...base, strategy: withSearchMode(strategy, mode) };
}

describe('form problems: paths to fields', () => {
  it('reads the field a path names', () => {
    expect(fieldOfPath('strategy.weightLr')).toBe('weightLr');
    expect(fieldOfPath('dataset.noise')).toBe('noise');
    expect(fieldOfPath('seed')).toBe('seed');
    expect(fieldOfPath('space.normal.edges.e3')).toBeNull();
    expect(fieldOfPath('')).toBeNull();
  });

  it('reads nested constraint paths, the search and kind, and keeps SPOS samples apart from the dataset’s', () => {
    expect(fieldOfPath('strategy.constraints.maxParams')).toBe('maxParams');
    expect(fieldOfPath('strategy.constraints.maxFlops')).toBe('maxFlops');
    expect(fieldOfPath('strategy.constraints.maxLatencyMs')).toBe('maxLatencyMs');
    expect(fieldOfPath('strategy.constraints')).toBe('constraints');
    expect(fieldOfPath('strategy.constraints.maxParams.extra')).toBeNull();
    expect(fieldOfPath('strategy.search')).toBe('search');
    expect(fieldOfPath('strategy.kind')).toBe('kind');
    expect(fieldOfPath('strategy.trials')).toBe('trials');
    expect(fieldOfPath('strategy.samples')).toBe('searchSamples');
    expect(strategyFieldName('samples')).toBe('searchSamples');
    expect(fieldOfPath('dataset.samples')).toBe('samples');
  });

  it('puts problems beside shown fields and keeps the rest apart', () => {
    const grouped = groupProblems(
      [
        p('strategy.weightLr'),
        p('strategy.weightLr'),
        p('dataset.samples'),
        p('space.normal'),
        p('dataset.imageSize'),
      ],
      new Set(['weightLr', 'samples']),
    );
    expect(grouped.byField.get('weightLr')).toHaveLength(2);
    expect(grouped.byField.get('samples')).toHaveLength(1);
    expect(grouped.other.map((x) => x.path)).toEqual(['space.normal', 'dataset.imageSize']);
  });

  it('groups the new strategy paths beside their fields for SPOS and multi-trial', () => {
    const spos = groupProblems(
      [
        p('strategy.constraints.maxParams'),
        p('strategy.constraints.maxLatencyMs'),
        p('strategy.constraints'),
        p('strategy.generations'),
        p('strategy.search'),
        p('dataset.samples'),
      ],
      shownFields(specWith('spos')),
    );
    expect(spos.other).toEqual([]);
    expect([...spos.byField.keys()].sort()).toEqual(
      ['constraints', 'generations', 'maxLatencyMs', 'maxParams', 'samples', 'search'].sort(),
    );
    const trials = groupProblems(
      [p('strategy.trials'), p('strategy.sample'), p('strategy.constraints.maxFlops')],
      shownFields(specWith('multi-trial')),
    );
    expect(trials.other).toEqual([]);
    expect(trials.byField.get('trials')).toHaveLength(1);
    expect(trials.byField.get('sample')).toHaveLength(1);
    expect(trials.byField.get('maxFlops')).toHaveLength(1);
  });
});

describe('form problems: fields shown per strategy', () => {
  it('shows each kind’s own fields, the seed and splits for every kind', () => {
    for (const kind of ['darts', 'spos', 'multi-trial'] as const) {
      const fields = shownFields(specWith(kind));
      for (const shared of ['seed', 'trainFraction', 'validFraction', 'kind', 'epochs', 'weightLr'])
        expect(fields.has(shared)).toBe(true);
    }
    const darts = shownFields(specWith('darts'));
    expect(darts.has('order')).toBe(true);
    expect(darts.has('alphaLr')).toBe(true);
    expect(darts.has('maxParams')).toBe(false);
    expect(darts.has('search')).toBe(false);
    const trial = shownFields(specWith('multi-trial'));
    expect(trial.has('alphaLr')).toBe(false);
    expect(trial.has('maxLatencyMs')).toBe(true);
  });

  it('shows the fields of the search mode in effect only; the other mode’s problems go to the general list', () => {
    const evo = shownFields(specWith('spos', 'evolution'));
    expect(evo.has('generations')).toBe(true);
    expect(evo.has('searchSamples')).toBe(false);
    const random = shownFields(specWith('spos', 'random'));
    expect(random.has('generations')).toBe(false);
    expect(random.has('searchSamples')).toBe(true);
    // Both SPOS searches score candidates on the fixed validation subset.
    expect(evo.has('validSubset') && random.has('validSubset')).toBe(true);
    const hidden = groupProblems([p('strategy.generations')], random);
    expect(hidden.other).toHaveLength(1);

    expect(shownFields(specWith('multi-trial', 'evolution')).has('population')).toBe(true);
    const trialRandom = shownFields(specWith('multi-trial', 'random'));
    expect(trialRandom.has('population')).toBe(false);
    expect(trialRandom.has('sample')).toBe(false);
    expect(trialRandom.has('trials')).toBe(true);
  });

  it('shows noise for 2D sets and image size for MNIST', () => {
    const twoD = shownFields(specWith('darts'));
    expect(twoD.has('noise')).toBe(true);
    expect(twoD.has('imageSize')).toBe(false);
    const mnist = shownFields(defaultExperiment('nb201', 'mnist'));
    expect(mnist.has('imageSize')).toBe(true);
    expect(mnist.has('noise')).toBe(false);
  });

  it('places every validation problem of a shown strategy field beside that field', () => {
    for (const kind of ['darts', 'spos', 'multi-trial'] as const) {
      for (const mode of ['evolution', 'random'] as const) {
        const spec = specWith(kind, mode);
        let strategy = spec.strategy;
        for (const field of layoutFields(strategyLayout(strategy)))
          strategy = withStrategyNumber(strategy, field, Number.NaN);
        strategy = withConstraint(strategy, 'maxParams', -1);
        strategy = withConstraint(strategy, 'maxFlops', Number.NaN);
        strategy = withConstraint(strategy, 'maxLatencyMs', 0);
        const broken = { ...spec, strategy };
        const problems = validateExperiment(broken);
        const grouped = groupProblems(problems, shownFields(broken));
        expect(problems.length).toBeGreaterThan(0);
        expect(grouped.other.filter((x) => x.path.startsWith('strategy'))).toEqual([]);
      }
    }
  });
});
