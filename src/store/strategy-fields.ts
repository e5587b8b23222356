/** The numeric fields of each strategy kind, and which of them the form shows for a strategy and its search mode (core/strategy). */
export {
  CONSTRAINT_FIELDS,
  isNumberFieldOf,
  layoutFields,
  type ConstraintField,
  type DartsChoiceField,
  type DartsNumberField,
  type MultiTrialNumberField,
  type NumberFieldsByKind,
  type SearchMode,
  type SposNumberField,
  type StrategyLayout,
  type StrategyNumberField,
} from '../core/strategy/fields';
export { strategyLayout, strategyNumber } from '../core/strategy/registry';
