import { describe, expect, it } from 'vitest';
import {
  defaultDarts,
  defaultExperiment,
  defaultMultiTrial,
  defaultSpos,
} from '../experiment/defaults';
import type { ExperimentSpec, StrategyKind, StrategySpec } from '../experiment/spec';
import { validateExperiment } from '../experiment/validate';
import type { PresetName } from '../search-space/presets';
import { spaceSize } from '../search-space/size';
import { hasAlphas, hasCalibration, hasConstraints, hasSearchMode } from './capabilities';
import { layoutFields } from './fields';
import { isStrategyKind, STRATEGY_KINDS } from './kinds';
import {
  capabilitiesOf,
  defaultStrategy,
  forKind,
  strategyEntry,
  strategyLayout,
  strategyNumber,
  STRATEGIES,
  validateStrategy,
  withStrategyChoice,
  withStrategyNumber,
} from './registry';

/** The preset × dataset pairs the defaults are checked on (one per budget scale). */
const PAIRS: readonly (readonly [PresetName, 'spiral' | 'mnist'])[] = [
  ['teaching', 'spiral'],
  ['nb201', 'mnist'],
  ['darts', 'mnist'],
];

/** An experiment on `preset` and `dataset` with strategy `kind` at its defaults. */
function experiment(preset: PresetName, dataset: 'spiral' | 'mnist', kind: StrategyKind) {
  const base = defaultExperiment(preset, dataset);
  const strategy = defaultStrategy(kind, base.dataset, spaceSize(base.space), preset);
  return { ...base, strategy } satisfies ExperimentSpec;
}

/** The spiral's teaching experiment, and each kind's defaults on it (typed by kind). */
const TEACHING = defaultExperiment('teaching', 'spiral');
const SIZE = spaceSize(TEACHING.space);
const DARTS = defaultDarts(TEACHING.dataset, 'teaching');
const SPOS = defaultSpos(TEACHING.dataset, SIZE, 'teaching');
const TRIALS = defaultMultiTrial(TEACHING.dataset, SIZE, 'teaching');

describe('strategy registry', () => {
  it('has one complete row per kind, in the form order', () => {
    expect(STRATEGY_KINDS).toEqual([
      'darts',
      'gdas',
      'pc-darts',
      'spos',
      'multi-trial',
      'zero-cost',
    ]);
    expect(Object.keys(STRATEGIES)).toEqual([...STRATEGY_KINDS]);
    for (const kind of STRATEGY_KINDS) {
      const e = strategyEntry(kind);
      expect(e.kind).toBe(kind);
      for (const text of [e.label, e.name, e.description, e.resultCaption])
        expect(text.trim().length).toBeGreaterThan(0);
      expect(Object.keys(e.numberFields).length).toBeGreaterThan(0);
    }
    expect(new Set(STRATEGY_KINDS.map((k) => STRATEGIES[k].label)).size).toBe(
      STRATEGY_KINDS.length,
    );
  });

  it('gives defaults of its own kind that validate, on every budget scale', () => {
    for (const [preset, dataset] of PAIRS) {
      for (const kind of STRATEGY_KINDS) {
        const spec = experiment(preset, dataset, kind);
        expect(spec.strategy.kind).toBe(kind);
        expect(validateExperiment(spec)).toEqual([]);
        expect(validateStrategy(spec.strategy)).toEqual([]);
      }
    }
  });

  it('sets the defaults from the per-scale budget', () => {
    for (const [preset, dataset] of PAIRS) {
      for (const kind of STRATEGY_KINDS) {
        const spec = experiment(preset, dataset, kind);
        const budget = STRATEGIES[kind].budget(spec.dataset, preset);
        expect(spec.strategy.epochs).toBe(budget.epochs);
        expect(spec.strategy.weightLr).toBe(budget.weightLr);
      }
    }
  });

  it('lists exactly the numeric fields of each kind, and its choices', () => {
    for (const kind of STRATEGY_KINDS) {
      const e = STRATEGIES[kind];
      const s = experiment('teaching', 'spiral', kind).strategy;
      const numeric = Object.entries(s)
        .filter(([k, v]) => typeof v === 'number' && !e.choiceFields.includes(k))
        .map(([k]) => k)
        .sort();
      expect(Object.keys(e.numberFields).sort()).toEqual(numeric);
      for (const f of e.choiceFields) expect(Object.hasOwn(s, f)).toBe(true);
    }
    expect(STRATEGIES.darts.choiceFields).toEqual(['order', 'earlyStop', 'selection']);
  });

  it('lays out only fields of the kind, each once', () => {
    for (const kind of STRATEGY_KINDS) {
      const base = experiment('teaching', 'spiral', kind).strategy;
      const variants: StrategySpec[] = [base];
      if (hasSearchMode(base))
        for (const m of STRATEGIES[kind].searchModes) variants.push({ ...base, search: m.mode });
      for (const s of variants) {
        const fields = layoutFields(strategyLayout(s));
        expect(new Set(fields).size).toBe(fields.length);
        for (const f of fields) expect(Object.hasOwn(STRATEGIES[kind].numberFields, f)).toBe(true);
      }
    }
  });

  it('states capabilities that match the branches they replace', () => {
    expect(capabilitiesOf('darts')).toEqual({
      alphas: true,
      constraints: false,
      evaluatesSubnets: false,
      supernet: true,
      calibration: false,
      trainsMixture: true,
    });
    expect(capabilitiesOf('spos')).toEqual({
      alphas: false,
      constraints: true,
      evaluatesSubnets: true,
      supernet: true,
      calibration: true,
      trainsMixture: false,
    });
    expect(capabilitiesOf('multi-trial')).toEqual({
      alphas: false,
      constraints: true,
      evaluatesSubnets: true,
      supernet: false,
      calibration: true,
      trainsMixture: false,
    });
    expect(capabilitiesOf('gdas').trainsMixture).toBe(false);
    expect(capabilitiesOf('pc-darts').trainsMixture).toBe(true);
  });

  it('states capabilities that agree with the shape of each kind’s spec', () => {
    for (const kind of STRATEGY_KINDS) {
      const e = STRATEGIES[kind];
      const s = experiment('nb201', 'mnist', kind).strategy;
      expect(hasAlphas(s)).toBe(e.capabilities.alphas);
      expect(hasConstraints(s)).toBe(e.capabilities.constraints);
      expect(hasCalibration(s)).toBe(e.capabilities.calibration);
      expect(hasSearchMode(s)).toBe(e.searchModes.length > 0);
      // A search phase over discrete subnets is what the search modes choose between (zero-cost
      // scores its subnets without a choice of mode).
      if (e.searchModes.length > 0) expect(e.capabilities.evaluatesSubnets).toBe(true);
      if (hasSearchMode(s)) {
        expect(e.searchModes.map((m) => m.mode)).toContain(s.search);
        expect(new Set(e.searchModes.map((m) => m.mode))).toEqual(new Set(['evolution', 'random']));
      }
    }
  });

  it('names runs as the studio always has', () => {
    const [darts, spos, trials] = [DARTS, SPOS, TRIALS];
    expect(strategyEntry('darts').runLabel(darts)).toBe('DARTS (first order)');
    expect(strategyEntry('darts').runLabel({ ...darts, order: 2 })).toBe('DARTS (second order)');
    expect(strategyEntry('spos').runLabel(spos)).toBe('SPOS + evolution');
    expect(strategyEntry('spos').runLabel({ ...spos, search: 'random' })).toBe(
      'SPOS + random search',
    );
    expect(strategyEntry('multi-trial').runLabel(trials)).toBe(
      'Regularized evolution (stand-alone)',
    );
    expect(strategyEntry('multi-trial').runLabel({ ...trials, search: 'random' })).toBe(
      'Random search (stand-alone)',
    );
  });

  it('refuses a spec of another kind, and explains an unknown kind', () => {
    const spos = SPOS;
    expect(() => STRATEGIES.darts.validate(spos)).toThrow(/'spos'/);
    expect(() => forKind('multi-trial', (s) => s.trials)(spos)).toThrow(/'multi-trial'/);
    const unknown = { ...spos, kind: 'enas' } as unknown as StrategySpec;
    expect(validateStrategy(unknown)).toEqual([
      {
        path: 'strategy.kind',
        code: 'unknown-strategy',
        message: `Strategy "enas" is not known; the studio runs 'darts', 'gdas', 'pc-darts', 'spos', 'multi-trial' or 'zero-cost'.`,
      },
    ]);
    expect(isStrategyKind('enas')).toBe(false);
    expect(isStrategyKind('gdas')).toBe(true);
    expect(isStrategyKind('spos')).toBe(true);
  });

  it('reads and writes numbers and choices only where the kind has them', () => {
    const [darts, trials] = [DARTS, TRIALS];
    expect(strategyNumber(darts, 'alphaLr')).toBe(darts.alphaLr);
    expect(strategyNumber(trials, 'alphaLr')).toBeUndefined();
    expect(withStrategyNumber(trials, 'alphaLr', 0.5)).toBe(trials);
    expect(withStrategyNumber(trials, 'trials', 7)).toEqual({ ...trials, trials: 7 });
    expect(withStrategyChoice(darts, 'selection', 'perturbation')).toEqual({
      ...darts,
      selection: 'perturbation',
    });
    expect(withStrategyChoice(darts, 'selection', darts.selection)).toBe(darts);
    expect(withStrategyChoice(trials, 'selection', 'perturbation')).toBe(trials);
  });
});
