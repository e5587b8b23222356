/**
 * The strategy registry: one row per search strategy kind, with its label, description, defaults,
 * per-scale budget, fields and their validation, and capabilities. Code that behaves differently
 * per strategy reads its row instead of comparing kinds; a new strategy is a new row here (and its
 * runner in the engine's registry).
 */
import { shown } from '../checks';
import {
  dartsBudget,
  gdasBudget,
  MULTI_TRIAL_BUDGETS,
  pcDartsBudget,
  budgetScale,
  sposBudget,
  ZERO_COST_BUDGETS,
} from '../experiment/budgets';
import {
  defaultDarts,
  defaultGdas,
  defaultMultiTrial,
  defaultPcDarts,
  defaultSpos,
  defaultZeroCost,
  fitBatch,
} from '../experiment/defaults';
import type { DatasetSpec, StrategyKind, StrategySpec } from '../experiment/spec';
import { latencyLabel } from '../latency-loss/spec';
import type { Problem } from '../problems';
import type { StrategyCapabilities } from './capabilities';
import {
  dartsLayout,
  gdasLayout,
  multiTrialLayout,
  NUMBER_FIELD_SETS,
  pcDartsLayout,
  sposLayout,
  type StrategyLayout,
  type StrategyNumberField,
  zeroCostLayout,
} from './fields';
import { isStrategyKind, STRATEGY_KINDS } from './kinds';
import { entry, type AnyStrategyEntry, type SearchModeInfo, type StrategyEntry } from './row';
import {
  validateDarts,
  validateGdas,
  validateMultiTrial,
  validatePcDarts,
  validateSpos,
  validateZeroCost,
} from './validate-strategies';

export { forKind } from './row';
export type { AnyStrategyEntry, BudgetByKind, SearchModeInfo, StrategyEntry } from './row';

/** The discrete search modes of SPOS (evolution first, the paper's search). */
const SPOS_MODES: readonly SearchModeInfo[] = [
  {
    mode: 'evolution',
    label: 'Evolution',
    help: 'Generations of subnets scored with inherited weights; the best become parents of mutants and crossovers.',
  },
  {
    mode: 'random',
    label: 'Random search (weight sharing)',
    help: 'Distinct subnets drawn uniformly and scored with the trained supernet’s weights.',
  },
];

/** The search modes of multi-trial search (random first, the plainest baseline). */
const MULTI_TRIAL_MODES: readonly SearchModeInfo[] = [
  {
    mode: 'random',
    label: 'Random search',
    help: 'Each trial draws a subnet uniformly and trains it from scratch.',
  },
  {
    mode: 'evolution',
    label: 'Regularized evolution',
    help: 'Aging evolution: the best of a random sample of the queue is mutated, the child trained from scratch, the oldest member dropped.',
  },
];

/** Every strategy kind's entry. */
export const STRATEGIES: { readonly [K in StrategyKind]: StrategyEntry<K> } = {
  darts: entry({
    kind: 'darts',
    label: 'DARTS (differentiable)',
    name: 'DARTS',
    description:
      'Relaxes the choice on every edge into a softmax over its ops and learns those architecture weights (alphas) by gradient descent, next to the network weights.',
    resultCaption: 'Final supernet metrics',
    capabilities: {
      alphas: true,
      constraints: false,
      evaluatesSubnets: false,
      supernet: true,
      calibration: false,
      trainsMixture: true,
    },
    searchModes: [],
    choiceFields: ['order', 'earlyStop', 'selection'],
    numberFields: NUMBER_FIELD_SETS.darts,
    defaults: (dataset, _spaceSize, preset) => defaultDarts(dataset, preset),
    budget: dartsBudget,
    validate: validateDarts,
    runLabel: (s) => {
      const base = s.order === 2 ? 'DARTS (second order)' : 'DARTS (first order)';
      const latency = latencyLabel(s.latency);
      return latency === '' ? base : `${base} + latency (${latency})`;
    },
    layout: dartsLayout,
  }),
  gdas: entry({
    kind: 'gdas',
    label: 'GDAS (Gumbel sampling)',
    name: 'GDAS',
    description:
      'Learns alphas like DARTS, but each step samples one op per edge from a Gumbel-softmax over them and runs only that op, with a straight-through gradient to the alphas.',
    resultCaption: 'Final supernet metrics (softmax-weighted ops)',
    capabilities: {
      alphas: true,
      constraints: false,
      evaluatesSubnets: false,
      supernet: true,
      calibration: false,
      trainsMixture: false,
    },
    searchModes: [],
    choiceFields: [],
    numberFields: NUMBER_FIELD_SETS.gdas,
    defaults: (dataset, _spaceSize, preset) => defaultGdas(dataset, preset),
    budget: gdasBudget,
    validate: validateGdas,
    runLabel: (s) => {
      const latency = latencyLabel(s.latency);
      return latency === '' ? 'GDAS' : `GDAS + latency (${latency})`;
    },
    layout: gdasLayout,
  }),
  'pc-darts': entry({
    kind: 'pc-darts',
    label: 'PC-DARTS (partial channels)',
    name: 'PC-DARTS',
    description:
      'DARTS with partial channel connections: a quarter (1/K) of each edge’s channels go through its mixed op, the rest bypass it; per-node edge weights (betas) weigh the edges and rank them when the cell is derived.',
    resultCaption: 'Final supernet metrics',
    capabilities: {
      alphas: true,
      constraints: false,
      evaluatesSubnets: false,
      supernet: true,
      calibration: false,
      trainsMixture: true,
    },
    searchModes: [],
    choiceFields: ['order', 'earlyStop', 'selection'],
    numberFields: NUMBER_FIELD_SETS['pc-darts'],
    defaults: (dataset, _spaceSize, preset) => defaultPcDarts(dataset, preset),
    budget: pcDartsBudget,
    validate: validatePcDarts,
    runLabel: (s) => `PC-DARTS (K = ${s.partialK}${s.order === 2 ? ', second order' : ''})`,
    layout: pcDartsLayout,
  }),
  spos: entry({
    kind: 'spos',
    label: 'Single Path One-Shot',
    name: 'SPOS',
    description:
      'Trains the supernet on one uniformly sampled path per step, then searches subnets that inherit its weights.',
    resultCaption: 'Best subnet, with weights inherited from the supernet',
    capabilities: {
      alphas: false,
      constraints: true,
      evaluatesSubnets: true,
      supernet: true,
      calibration: true,
      trainsMixture: false,
    },
    searchModes: SPOS_MODES,
    choiceFields: [],
    numberFields: NUMBER_FIELD_SETS.spos,
    defaults: defaultSpos,
    budget: sposBudget,
    validate: validateSpos,
    runLabel: (s) => (s.search === 'evolution' ? 'SPOS + evolution' : 'SPOS + random search'),
    layout: sposLayout,
  }),
  'multi-trial': entry({
    kind: 'multi-trial',
    label: 'Multi-trial (stand-alone training)',
    name: 'Multi-trial search',
    description:
      'Trains each sampled subnet from scratch on a short budget and scores it: the baseline without weight sharing.',
    resultCaption: 'Best subnet, after its short stand-alone training',
    capabilities: {
      alphas: false,
      constraints: true,
      evaluatesSubnets: true,
      supernet: false,
      calibration: true,
      trainsMixture: false,
    },
    searchModes: MULTI_TRIAL_MODES,
    choiceFields: ['warmupProxy'],
    numberFields: NUMBER_FIELD_SETS['multi-trial'],
    defaults: defaultMultiTrial,
    budget: (dataset, preset) => MULTI_TRIAL_BUDGETS[budgetScale(dataset, preset)],
    validate: validateMultiTrial,
    runLabel: (s) =>
      s.search === 'random'
        ? 'Random search (stand-alone)'
        : s.warmupProxy === 'none'
          ? 'Regularized evolution (stand-alone)'
          : `Regularized evolution + ${s.warmupProxy} warm-up (stand-alone)`,
    layout: multiTrialLayout,
  }),
  'zero-cost': entry({
    kind: 'zero-cost',
    label: 'Zero-cost proxies (training-free)',
    name: 'Zero-cost search',
    description:
      'Scores every architecture of the space (or a sample of a large one) at initialisation with a zero-cost proxy, then trains the best-scored few stand-alone and shows which proxy ranked them best.',
    resultCaption: 'Best of the top-k, after its stand-alone training',
    capabilities: {
      alphas: false,
      constraints: false,
      evaluatesSubnets: true,
      supernet: false,
      calibration: true,
      trainsMixture: false,
    },
    searchModes: [],
    choiceFields: ['proxy'],
    numberFields: NUMBER_FIELD_SETS['zero-cost'],
    defaults: (dataset, _spaceSize, preset) => defaultZeroCost(dataset, preset),
    budget: (dataset, preset) => ZERO_COST_BUDGETS[budgetScale(dataset, preset)],
    validate: validateZeroCost,
    runLabel: (s) => `Zero-cost (${s.proxy})`,
    layout: zeroCostLayout,
  }),
};

/** The entry of strategy kind `kind`. */
export function strategyEntry(kind: StrategyKind): AnyStrategyEntry {
  return STRATEGIES[kind];
}

/** The capabilities of strategy kind `kind`. */
export function capabilitiesOf(kind: StrategyKind): StrategyCapabilities {
  return STRATEGIES[kind].capabilities;
}

/** The entry of a kind read from outside (a link, a file), or null when the studio does not run it. */
function knownEntry(kind: unknown): AnyStrategyEntry | null {
  return isStrategyKind(kind) ? STRATEGIES[kind] : null;
}

/** Display names of the strategy kinds. */
export const STRATEGY_LABELS: Readonly<Record<StrategyKind, string>> = {
  darts: STRATEGIES.darts.label,
  gdas: STRATEGIES.gdas.label,
  'pc-darts': STRATEGIES['pc-darts'].label,
  spos: STRATEGIES.spos.label,
  'multi-trial': STRATEGIES['multi-trial'].label,
  'zero-cost': STRATEGIES['zero-cost'].label,
};

/** The defaults of strategy `kind` for the data and a space of `spaceSize` genotypes made from preset `preset` (null: composed), with the batch fitted to the splits. */
export function defaultStrategy(
  kind: StrategyKind,
  dataset: DatasetSpec,
  spaceSize: bigint,
  preset: string | null = null,
): StrategySpec {
  return fitBatch(STRATEGIES[kind].defaults(dataset, spaceSize, preset), dataset);
}

/** Every problem of a strategy's hyper-parameters (paths 'strategy.<field>'), or the unknown kind. */
export function validateStrategy(s: StrategySpec): Problem[] {
  const kind: unknown = (s as { kind: unknown }).kind;
  const known = knownEntry(kind);
  if (known !== null) return known.validate(s);
  const names = STRATEGY_KINDS.map((k) => `'${k}'`);
  return [
    {
      path: 'strategy.kind',
      code: 'unknown-strategy',
      message: `Strategy ${shown(kind)} is not known; the studio runs ${names.slice(0, -1).join(', ')} or ${names[names.length - 1] ?? ''}.`,
    },
  ];
}

/** The value of numeric field `field` of `s`, or undefined when its kind has no such field. */
export function strategyNumber(s: StrategySpec, field: StrategyNumberField): number | undefined {
  if (!Object.hasOwn(STRATEGIES[s.kind].numberFields, field)) return undefined;
  const value: unknown = Reflect.get(s, field);
  return typeof value === 'number' ? value : undefined;
}

/** `s` with numeric field `field` set to `value` (NaN included, so validation can refuse it); unchanged when its kind has no such field. */
export function withStrategyNumber(
  s: StrategySpec,
  field: StrategyNumberField,
  value: number,
): StrategySpec {
  return Object.hasOwn(STRATEGIES[s.kind].numberFields, field) ? { ...s, [field]: value } : s;
}

/** The form layout of `s`: where each of its numeric fields goes, for the settings in effect. */
export function strategyLayout(s: StrategySpec): StrategyLayout {
  return STRATEGIES[s.kind].layout(s);
}

/** `s` with choice field `field` (one of its kind's `choiceFields`) set to `value`; unchanged when its kind has no such choice or already has that value. */
export function withStrategyChoice(
  s: StrategySpec,
  field: string,
  value: string | number,
): StrategySpec {
  if (!STRATEGIES[s.kind].choiceFields.includes(field) || Reflect.get(s, field) === value) return s;
  return { ...s, [field]: value };
}
