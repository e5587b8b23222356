/** Small helpers for reading untrusted JSON values. */

/** A JSON object (not null, not an array). */
export type JsonRecord = Record<string, unknown>;

/** True when `v` is a JSON object. */
export function isRecord(v: unknown): v is JsonRecord {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Dotted paths of the keys present in `raw` but absent from `parsed` (what a schema dropped), walking both together. */
export function droppedKeys(raw: unknown, parsed: unknown, path = ''): string[] {
  const at = (k: string) => (path === '' ? k : `${path}.${k}`);
  if (Array.isArray(raw) && Array.isArray(parsed)) {
    return raw.flatMap((item, i) => droppedKeys(item, parsed[i], at(String(i))));
  }
  if (!isRecord(raw) || !isRecord(parsed)) return [];
  return Object.keys(raw).flatMap((k) =>
    Object.hasOwn(parsed, k) ? droppedKeys(raw[k], parsed[k], at(k)) : [at(k)],
  );
}

/** Deep equality of plain JSON-like values, ignoring key order. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => jsonEqual(x, b[i]));
  }
  if (!isRecord(a) || !isRecord(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => Object.hasOwn(b, k) && jsonEqual(a[k], b[k]));
}
