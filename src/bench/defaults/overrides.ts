/** `--set path=value` for the defaults bench: a change to one existing field of a spec, to try other settings. */
import type { ExperimentSpec } from '../../core/experiment/spec';

/** One change: a dotted path into the spec and the new value. */
export interface SpecOverride {
  readonly path: readonly string[];
  readonly value: unknown;
}

/** Reads `strategy.epochs=20` (the value as JSON when it parses, else as a string), or says why not. */
export function parseOverride(text: string): SpecOverride | { readonly problem: string } {
  const eq = text.indexOf('=');
  if (eq <= 0) return { problem: `--set needs path=value, got "${text}".` };
  const path = text.slice(0, eq).split('.');
  if (path.some((k) => k.length === 0)) return { problem: `"${text}" has an empty path segment.` };
  const raw = text.slice(eq + 1);
  let value: unknown = raw;
  try {
    value = JSON.parse(raw);
  } catch {
    value = raw;
  }
  return { path, value };
}

/** A plain object, not an array. */
function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `node` with the field at `path` replaced (copies along the path), or the missing key. */
function setIn(node: unknown, path: readonly string[], value: unknown): unknown {
  const [key, ...rest] = path;
  if (key === undefined) return value;
  if (!isRecord(node) || !Object.hasOwn(node, key)) throw new Error(key);
  return { ...node, [key]: setIn(node[key], rest, value) };
}

/**
 * The spec with every override applied in order; an override naming a field the spec does not have
 * is refused (a typo would otherwise run the defaults unchanged). The caller validates the result.
 */
export function applyOverrides(
  spec: ExperimentSpec,
  overrides: readonly SpecOverride[],
): { readonly spec: ExperimentSpec } | { readonly problem: string } {
  let out: unknown = spec;
  for (const o of overrides) {
    try {
      out = setIn(out, o.path, o.value);
    } catch (e) {
      const key = e instanceof Error ? e.message : String(e);
      return { problem: `--set ${o.path.join('.')}: the spec has no field "${key}" there.` };
    }
  }
  return { spec: out as ExperimentSpec };
}
