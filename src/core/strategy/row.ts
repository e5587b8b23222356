/** The shape of a strategy registry row, and the guard that lets a row's typed functions take any strategy spec. */
import type {
  DartsBudget,
  MultiTrialBudget,
  SposBudget,
  ZeroCostBudget,
} from '../experiment/budgets';
import type { DatasetSpec, StrategyKind, StrategySpec } from '../experiment/spec';
import type { Problem } from '../problems';
import type { StrategyCapabilities } from './capabilities';
import type { NumberFieldsByKind, SearchMode, StrategyLayout, StrategyOf } from './fields';

/** One search mode as the form offers it: the option's label and a line on what it does. */
export interface SearchModeInfo {
  readonly mode: SearchMode;
  readonly label: string;
  readonly help: string;
}

/** The per-scale budget row of each kind (budgets.ts). */
export interface BudgetByKind {
  readonly darts: DartsBudget;
  readonly gdas: DartsBudget;
  readonly 'pc-darts': DartsBudget;
  readonly spos: SposBudget;
  readonly 'multi-trial': MultiTrialBudget;
  readonly 'zero-cost': ZeroCostBudget;
}

/** A strategy's row as written: typed by its own spec. */
export interface StrategyRow<K extends StrategyKind> {
  readonly kind: K;
  /** Display name (the strategy select, history, cards). */
  readonly label: string;
  /** The strategy's name in a sentence ("DARTS needs a train split ..."). */
  readonly name: string;
  /** One line on what the strategy does. */
  readonly description: string;
  /** What a finished run's final metrics measure (the results card's caption). */
  readonly resultCaption: string;
  readonly capabilities: StrategyCapabilities;
  /** The search modes it offers, in the order the select lists them (none: no choice). */
  readonly searchModes: readonly SearchModeInfo[];
  /** Its fields chosen from a list rather than typed (besides `kind` and `search`). */
  readonly choiceFields: readonly string[];
  /** Its numeric fields. */
  readonly numberFields: Readonly<Record<NumberFieldsByKind[K], true>>;
  /** Its defaults for the data and a space of `spaceSize` genotypes made from preset `preset` (null: composed). */
  readonly defaults: (
    dataset: DatasetSpec,
    spaceSize: bigint,
    preset: string | null,
  ) => StrategyOf<K>;
  /** The settings of its defaults that depend on the budget scale (budgets.ts). */
  readonly budget: (dataset: DatasetSpec, preset: string | null) => BudgetByKind[K];
  /** Every problem of its hyper-parameters (paths 'strategy.<field>'). */
  readonly validate: (s: StrategyOf<K>) => Problem[];
  /** The strategy part of a run's label ("SPOS + evolution"). */
  readonly runLabel: (s: StrategyOf<K>) => string;
  /** Where its numeric fields go on the form, for the settings in effect. */
  readonly layout: (s: StrategyOf<K>) => StrategyLayout;
}

/** A strategy's row as read: the row, with functions that take any strategy spec (one of another kind is refused). */
export interface StrategyEntry<K extends StrategyKind> extends Omit<
  StrategyRow<K>,
  'validate' | 'runLabel' | 'layout'
> {
  readonly validate: (s: StrategySpec) => Problem[];
  readonly runLabel: (s: StrategySpec) => string;
  readonly layout: (s: StrategySpec) => StrategyLayout;
}

/** The entry of any strategy kind. */
export type AnyStrategyEntry = { readonly [K in StrategyKind]: StrategyEntry<K> }[StrategyKind];

/** Whether `s` is of kind `kind`. */
function isKind<K extends StrategyKind>(s: StrategySpec, kind: K): s is StrategyOf<K> {
  return s.kind === kind;
}

/**
 * A function of one kind's spec as a function of any strategy spec: the spec's kind is checked, and
 * one of another kind is refused with an error (a table keyed by kind never passes one).
 */
export function forKind<K extends StrategyKind, A extends unknown[], R>(
  kind: K,
  fn: (s: StrategyOf<K>, ...args: A) => R,
): (s: StrategySpec, ...args: A) => R {
  return (s, ...args) => {
    if (!isKind(s, kind))
      throw new Error(`A function of '${kind}' strategies was given a '${s.kind}' strategy.`);
    return fn(s, ...args);
  };
}

/** The entry of a row: its typed functions guarded by a kind check. */
export function entry<K extends StrategyKind>(row: StrategyRow<K>): StrategyEntry<K> {
  const typed = <R>(fn: (s: StrategyOf<K>) => R) => forKind(row.kind, fn);
  return {
    ...row,
    validate: typed(row.validate),
    runLabel: typed(row.runLabel),
    layout: typed(row.layout),
  };
}
