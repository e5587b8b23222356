/** Pure edits of an experiment's strategy: switch kind, set a number, a search mode or a constraint. */
import type { ExperimentSpec, StrategyKind, StrategySpec } from '../core/experiment/spec';
import { strategyFor } from '../core/experiment/strategy-for';
import {
  isNumberFieldOf,
  type ConstraintField,
  type SearchMode,
  type StrategyNumberField,
} from './strategy-fields';

/** `spec` with strategy `kind` at its defaults; unchanged when `kind` is already in effect. */
export function withStrategyKind(spec: ExperimentSpec, kind: StrategyKind): ExperimentSpec {
  if (spec.strategy.kind === kind) return spec;
  return { ...spec, strategy: strategyFor(kind, spec) };
}

/**
 * `s` with numeric field `field` set to `value` (NaN included, so validation can refuse it);
 * unchanged when the kind of `s` has no such field.
 */
export function withStrategyNumber(
  s: StrategySpec,
  field: StrategyNumberField,
  value: number,
): StrategySpec {
  if (s.kind === 'darts') return isNumberFieldOf('darts', field) ? { ...s, [field]: value } : s;
  if (s.kind === 'spos') return isNumberFieldOf('spos', field) ? { ...s, [field]: value } : s;
  return isNumberFieldOf('multi-trial', field) ? { ...s, [field]: value } : s;
}

/** `s` searching in `mode`; DARTS (which has no search mode) is returned unchanged. */
export function withSearchMode(s: StrategySpec, mode: SearchMode): StrategySpec {
  if (s.kind === 'darts' || s.search === mode) return s;
  return { ...s, search: mode };
}

/** `s` with constraint `field` set to `value` (null: no bound); DARTS (no constraints) is returned unchanged. */
export function withConstraint(
  s: StrategySpec,
  field: ConstraintField,
  value: number | null,
): StrategySpec {
  if (s.kind === 'darts') return s;
  return { ...s, constraints: { ...s.constraints, [field]: value } };
}
