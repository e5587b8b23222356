/**
 * Field drafts: the raw text typed into a numeric field of the experiment form, by spec path
 * ('seed', 'dataset.noise', 'strategy.epochs', 'strategy.constraints.maxParams',
 * 'strategy.latency.targetMs'). A draft is kept
 * where the text would not come back from the value alone (`abc` is NaN, `1e3` is 1000), and it
 * holds only while it still parses to the value at its path.
 */
import { hasConstraints } from '../strategy/capabilities';
import type { ExperimentSpec } from './spec';

/** Raw field text by spec path. */
export type FieldDrafts = Readonly<Record<string, string>>;

/** No drafts. */
export const NO_DRAFTS: FieldDrafts = Object.freeze({});

/** Dataset settings typed as numbers (the image size is chosen from a list). */
const DATASET_FIELDS: readonly string[] = ['samples', 'noise', 'trainFraction', 'validFraction'];

/** Constraint bounds: blank text means no bound (null). */
const CONSTRAINT_FIELDS: readonly string[] = ['maxParams', 'maxFlops', 'maxLatencyMs'];

/** The latency loss's typed numbers ('strategy.latency.targetMs'). */
const LATENCY_FIELDS: readonly string[] = ['targetMs', 'alpha', 'beta', 'lambda'];

/** Strategy keys that are numbers but chosen from a list, not typed. */
const STRATEGY_CHOICES: readonly string[] = ['kind', 'order'];

/** Parses typed text the way a numeric field does: blank or malformed text gives NaN. */
export function parseFieldText(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text.trim());
}

/** Parses typed text the way an optional numeric field does: blank gives null, anything else a number or NaN. */
export function parseOptionalFieldText(text: string): number | null {
  return text.trim() === '' ? null : parseFieldText(text);
}

/** How the field at `path` reads its text: 'number', 'optional' (blank is null), or null when no typed field has that path. */
export function draftKind(path: string): 'number' | 'optional' | null {
  const parts = path.split('.');
  const [root, field, sub] = parts;
  if (parts.length === 1) return root === 'seed' ? 'number' : null;
  if (field === undefined) return null;
  if (parts.length === 2 && root === 'dataset')
    return DATASET_FIELDS.includes(field) ? 'number' : null;
  if (parts.length === 2 && root === 'strategy')
    return STRATEGY_CHOICES.includes(field) || field === 'constraints' || field === 'latency'
      ? null
      : 'number';
  if (parts.length === 3 && root === 'strategy' && field === 'latency' && sub !== undefined)
    return LATENCY_FIELDS.includes(sub) ? 'number' : null;
  if (parts.length === 3 && root === 'strategy' && field === 'constraints' && sub !== undefined)
    return CONSTRAINT_FIELDS.includes(sub) ? 'optional' : null;
  return null;
}

/** The value `text` stands for in the field at `path` (null: no bound), or undefined when no typed field has that path. */
export function parseDraft(path: string, text: string): number | null | undefined {
  const kind = draftKind(path);
  if (kind === null) return undefined;
  return kind === 'optional' ? parseOptionalFieldText(text) : parseFieldText(text);
}

/** The own value of `key` in a plain object, or undefined. */
function own(obj: object, key: string): unknown {
  return Object.hasOwn(obj, key) ? (obj as Record<string, unknown>)[key] : undefined;
}

/** The value at a typed field's `path` in `spec` (a number, or null for a bound left blank); undefined where the spec has no such field. */
export function valueAtPath(spec: ExperimentSpec, path: string): number | null | undefined {
  const kind = draftKind(path);
  if (kind === null) return undefined;
  const [root, field, sub] = path.split('.');
  let v: unknown;
  if (root === 'seed') v = spec.seed;
  else if (root === 'dataset' && field !== undefined) v = own(spec.dataset, field);
  else if (sub !== undefined && field === 'latency' && 'latency' in spec.strategy)
    v = own(spec.strategy.latency, sub);
  else if (sub !== undefined && hasConstraints(spec.strategy))
    v = own(spec.strategy.constraints, sub);
  else if (sub === undefined && field !== undefined) v = own(spec.strategy, field);
  if (typeof v === 'number') return v;
  return v === null && kind === 'optional' ? null : undefined;
}

/** `spec` with the typed field at `path` set to `value`; unchanged where the spec has no such field. */
export function withValueAtPath(
  spec: ExperimentSpec,
  path: string,
  value: number | null,
): ExperimentSpec {
  const kind = draftKind(path);
  if (valueAtPath(spec, path) === undefined || (value === null && kind !== 'optional')) return spec;
  const [root, field, sub] = path.split('.');
  if (root === 'seed' && value !== null) return { ...spec, seed: value };
  if (field === undefined) return spec;
  if (root === 'dataset') return { ...spec, dataset: { ...spec.dataset, [field]: value } };
  const s = spec.strategy;
  if (sub === undefined) return { ...spec, strategy: { ...s, [field]: value } };
  if (field === 'latency' && 'latency' in s)
    return { ...spec, strategy: { ...s, latency: { ...s.latency, [sub]: value } } };
  if (!hasConstraints(s)) return spec;
  return { ...spec, strategy: { ...s, constraints: { ...s.constraints, [sub]: value } } };
}

/** How a field shows a value with no draft: its number, or blank for NaN and for no bound. */
export function shownValue(value: number | null): string {
  return value === null || Number.isNaN(value) ? '' : String(value);
}

/** Whether `text` typed at `path` must be kept as a draft for `value`: it parses to `value`, and the value alone would show other text or could not be stored (NaN, ±Infinity). */
export function needsDraft(path: string, text: string, value: number | null): boolean {
  const parsed = parseDraft(path, text);
  if (parsed === undefined || !Object.is(parsed, value)) return false;
  if (parsed !== null && !Number.isFinite(parsed)) return true;
  return text !== shownValue(value);
}

/** The drafts of `drafts` that still hold for `spec`: each at a field the spec has, parsing to its value there. */
export function liveDrafts(spec: ExperimentSpec, drafts: FieldDrafts): FieldDrafts {
  const out: Record<string, string> = {};
  for (const [path, text] of Object.entries(drafts)) {
    const value = valueAtPath(spec, path);
    if (value !== undefined && Object.is(parseDraft(path, text), value)) out[path] = text;
  }
  return out;
}

/** The draft shown at `path` for `spec`, or null when none holds there. */
export function draftAt(spec: ExperimentSpec, drafts: FieldDrafts, path: string): string | null {
  if (!Object.hasOwn(drafts, path)) return null;
  const text = drafts[path];
  const value = valueAtPath(spec, path);
  if (text === undefined || value === undefined) return null;
  return Object.is(parseDraft(path, text), value) ? text : null;
}

/** Every typed field's path in `spec`: seed, the dataset's numbers, the strategy's numbers and, for a discrete search, its bounds, for a differentiable one its latency loss's numbers. */
export function typedPaths(spec: ExperimentSpec): string[] {
  const strategy = Object.keys(spec.strategy)
    .map((k) => `strategy.${k}`)
    .filter((p) => draftKind(p) === 'number' && typeof valueAtPath(spec, p) === 'number');
  const bounds = hasConstraints(spec.strategy)
    ? CONSTRAINT_FIELDS.map((f) => `strategy.constraints.${f}`)
    : [];
  const latency =
    'latency' in spec.strategy ? LATENCY_FIELDS.map((f) => `strategy.latency.${f}`) : [];
  return ['seed', ...DATASET_FIELDS.map((f) => `dataset.${f}`), ...strategy, ...bounds, ...latency];
}
