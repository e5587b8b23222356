/** Maps validation problems onto the form: each to the field it names, the rest to a general list. */
import type { ExperimentSpec } from '../core/experiment/spec';
import type { Problem } from '../core/problems';
import { strategyEntry } from '../core/strategy/registry';
import {
  CONSTRAINT_FIELDS,
  layoutFields,
  strategyLayout,
  type StrategyNumberField,
} from './strategy-fields';

/** Problems grouped by form field name, plus those no shown field owns. */
export interface FormProblems {
  readonly byField: ReadonlyMap<string, readonly Problem[]>;
  readonly other: readonly Problem[];
}

/** The latency loss's fields, named 'latency.<field>' on the form. */
const LATENCY_FIELDS = ['form', 'targetMs', 'alpha', 'beta', 'lambda'] as const;

/** Strategy fields whose spec name another form field already uses ('samples' is also the dataset's). */
const STRATEGY_ALIASES: Readonly<Partial<Record<string, string>>> = { samples: 'searchSamples' };

/** The form field name of strategy field `field`: its spec name, or an alias where that name is taken. */
export function strategyFieldName(
  field: StrategyNumberField | 'order' | 'search' | 'kind',
): string {
  return STRATEGY_ALIASES[field] ?? field;
}

/**
 * The form field a problem path names: 'strategy.weightLr' -> 'weightLr', 'dataset.noise' ->
 * 'noise', 'seed' -> 'seed', 'strategy.constraints.maxParams' -> 'maxParams',
 * 'strategy.constraints' -> 'constraints', 'strategy.latency.targetMs' -> 'latency.targetMs', and 'strategy.samples' -> 'searchSamples' (SPOS's random
 * samples, apart from the dataset's).
 */
export function fieldOfPath(path: string): string | null {
  const parts = path.split('.');
  const [root, field, sub] = parts;
  if (parts.length === 1) return root || null;
  if (root === 'strategy' && field === 'latency')
    return parts.length === 2 ? 'latency' : parts.length === 3 && sub ? `latency.${sub}` : null;
  if (root === 'strategy' && field === 'constraints') {
    if (parts.length === 2) return 'constraints';
    return parts.length === 3 && sub ? sub : null;
  }
  if (parts.length !== 2 || !field) return null;
  if (root === 'strategy') return STRATEGY_ALIASES[field] ?? field;
  if (root === 'dataset') return field;
  return null;
}

/**
 * The form fields shown for `spec`: seed, the dataset's settings (noise for 2D sets, image size for
 * MNIST) and splits, the strategy select, and the active strategy's fields for its search mode
 * (constraints included for SPOS and multi-trial). Problems of fields not shown go to the general list.
 */
export function shownFields(spec: ExperimentSpec): ReadonlySet<string> {
  const s = spec.strategy;
  const names = [
    'seed',
    'samples',
    spec.dataset.id === 'mnist' ? 'imageSize' : 'noise',
    'trainFraction',
    'validFraction',
    'kind',
    ...layoutFields(strategyLayout(s)).map(strategyFieldName),
  ];
  const entry = strategyEntry(s.kind);
  names.push(...entry.choiceFields);
  if (entry.searchModes.length > 0) names.push('search');
  if (entry.capabilities.constraints) names.push('constraints', ...CONSTRAINT_FIELDS);
  if ('latency' in s) names.push('latency', ...LATENCY_FIELDS.map((f) => `latency.${f}`));
  return new Set(names);
}

/** Groups `problems` by the fields in `fields`; problems about anything else go to `other`. */
export function groupProblems(
  problems: readonly Problem[],
  fields: ReadonlySet<string>,
): FormProblems {
  const byField = new Map<string, Problem[]>();
  const other: Problem[] = [];
  for (const p of problems) {
    const field = fieldOfPath(p.path);
    if (field !== null && fields.has(field)) byField.set(field, [...(byField.get(field) ?? []), p]);
    else other.push(p);
  }
  return { byField, other };
}
