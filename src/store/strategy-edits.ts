/** Pure edits of an experiment's strategy: switch kind, set a number, a search mode or a constraint. */
import type { ExperimentSpec, StrategyKind, StrategySpec } from '../core/experiment/spec';
import { hasConstraints, hasSearchMode } from '../core/strategy/capabilities';
import { strategyFor } from '../core/experiment/strategy-for';
import type { LatencyLossSpec } from '../core/latency-loss/spec';
import type { ConstraintField, SearchMode } from './strategy-fields';

export { withStrategyNumber } from '../core/strategy/registry';

/** `spec` with strategy `kind` at its defaults; unchanged when `kind` is already in effect. */
export function withStrategyKind(spec: ExperimentSpec, kind: StrategyKind): ExperimentSpec {
  if (spec.strategy.kind === kind) return spec;
  return { ...spec, strategy: strategyFor(kind, spec) };
}

/** `s` searching in `mode`; a strategy without a search mode (DARTS) is returned unchanged. */
export function withSearchMode(s: StrategySpec, mode: SearchMode): StrategySpec {
  if (!hasSearchMode(s) || s.search === mode) return s;
  return { ...s, search: mode };
}

/** `s` with constraint `field` set to `value` (null: no bound); a strategy without constraints (DARTS) is returned unchanged. */
export function withConstraint(
  s: StrategySpec,
  field: ConstraintField,
  value: number | null,
): StrategySpec {
  if (!hasConstraints(s)) return s;
  return { ...s, constraints: { ...s.constraints, [field]: value } };
}

/** `s` with its latency loss edited by `edit`; a strategy without one (SPOS, multi-trial) is returned unchanged. */
export function withLatencyLoss(
  s: StrategySpec,
  edit: (l: LatencyLossSpec) => LatencyLossSpec,
): StrategySpec {
  if (!('latency' in s)) return s;
  const latency = edit(s.latency);
  return latency === s.latency ? s : { ...s, latency };
}
