/** The strategy kinds as a list, light enough for schemas and the command line to import. */
import type { StrategyKind } from '../experiment/spec';

/** Every strategy kind, in the order the form offers them (a kind missing from the list fails to compile). */
export const STRATEGY_KINDS = [
  'darts',
  'gdas',
  'pc-darts',
  'spos',
  'multi-trial',
  'zero-cost',
] as const satisfies readonly [StrategyKind, ...StrategyKind[]];

/** Compile-time check that STRATEGY_KINDS names every kind of StrategySpec. */
type Missing = Exclude<StrategyKind, (typeof STRATEGY_KINDS)[number]>;
const everyKind: [Missing] extends [never] ? true : never = true;
void everyKind;

/** Whether `value` is a strategy kind the studio runs. */
export function isStrategyKind(value: unknown): value is StrategyKind {
  return (STRATEGY_KINDS as readonly unknown[]).includes(value);
}
