/** The preset × dataset × strategy combinations the studio offers, and the bench's choice among them. */
import { STRATEGY_KINDS } from '../../core/strategy/kinds';
import { datasetsFor } from '../../core/experiment/defaults';
import type { DatasetId, StrategyKind } from '../../core/experiment/spec';
import { PRESET_NAMES, type PresetName } from '../../core/search-space/presets';

/** The strategy kinds, in the order the form offers them. */
export const BENCH_STRATEGIES: readonly StrategyKind[] = STRATEGY_KINDS;

/** One default experiment: a preset on one of its datasets with one strategy. */
export interface Combo {
  readonly preset: PresetName;
  readonly dataset: DatasetId;
  readonly strategy: StrategyKind;
}

/** Every combination: teaching on the four 2D sets, nb201 and darts on MNIST, each with every strategy (24). */
export function allCombos(): Combo[] {
  const order: readonly PresetName[] = ['teaching', 'nb201', 'darts'];
  return order
    .filter((p) => PRESET_NAMES.includes(p))
    .flatMap((preset) =>
      datasetsFor(preset).flatMap((dataset) =>
        BENCH_STRATEGIES.map((strategy) => ({ preset, dataset, strategy })),
      ),
    );
}

/** Which combinations to run: `only` keeps those naming any of its words (preset, dataset or strategy); the others, when given, must each match. */
export interface ComboFilter {
  readonly only: readonly string[];
  readonly presets: readonly string[];
  readonly datasets: readonly string[];
  readonly strategies: readonly string[];
}

/** The combinations `filter` keeps, in bench order. */
export function selectCombos(combos: readonly Combo[], filter: ComboFilter): Combo[] {
  const within = (list: readonly string[], value: string): boolean =>
    list.length === 0 || list.includes(value);
  return combos.filter(
    (c) =>
      (filter.only.length === 0 ||
        filter.only.some((w) => w === c.preset || w === c.dataset || w === c.strategy)) &&
      within(filter.presets, c.preset) &&
      within(filter.datasets, c.dataset) &&
      within(filter.strategies, c.strategy),
  );
}

/** A combination as one word: preset/dataset/strategy. */
export function comboName(c: Combo): string {
  return `${c.preset}/${c.dataset}/${c.strategy}`;
}
