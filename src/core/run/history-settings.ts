/** The settings a history row compares runs by: an experiment's preset, data and strategy fields, flattened to short text. */
import type { ExperimentSpec } from '../experiment/spec';

/** A flat record of text values, keyed by setting name ("epochs", "order", "samples", …). */
export type HistorySettings = Readonly<Record<string, string>>;

/** A value as a history row prints it. */
function text(value: unknown): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  return null;
}

/**
 * The settings of `spec` a history row can tell runs apart by: the preset, every strategy field
 * (constraints by their own names) and the dataset's numbers, as text. The seed is kept apart
 * (every row shows it) and the dataset and strategy kind are the row's own columns.
 */
export function historySettings(spec: ExperimentSpec): HistorySettings {
  const out: Record<string, string> = { preset: spec.space.preset ?? 'custom' };
  const { kind: _kind, ...strategy } = spec.strategy;
  for (const [key, value] of Object.entries(strategy)) {
    if (key === 'constraints' && value !== null && typeof value === 'object') {
      for (const [bound, limit] of Object.entries(value as Record<string, unknown>))
        out[bound] = limit === null ? 'none' : (text(limit) ?? 'none');
      continue;
    }
    const shown = text(value);
    if (shown !== null) out[key] = shown;
  }
  const { id: _id, upload: _upload, ...data } = spec.dataset;
  for (const [key, value] of Object.entries(data)) {
    const shown = text(value);
    if (shown !== null) out[key] = shown;
  }
  return out;
}

/**
 * For each row, the settings in which it differs from other rows of the same `group` (strategy
 * and dataset), as "key value" text, the row's own values; at most `max` of them, then "+n more".
 * Rows without settings (saved before they were recorded) get none.
 */
export function differingSettings(
  rows: readonly { readonly group: string; readonly settings: HistorySettings }[],
  max = 4,
): string[][] {
  const groups = new Map<string, HistorySettings[]>();
  for (const r of rows) {
    if (Object.keys(r.settings).length === 0) continue;
    groups.set(r.group, [...(groups.get(r.group) ?? []), r.settings]);
  }
  return rows.map((r) => {
    const peers = groups.get(r.group) ?? [];
    if (peers.length < 2 || Object.keys(r.settings).length === 0) return [];
    const keys = Object.keys(r.settings).filter((k) => peers.some((p) => p[k] !== r.settings[k]));
    const shown = keys.slice(0, max).map((k) => `${k} ${r.settings[k] ?? ''}`);
    return keys.length > max ? [...shown, `+${keys.length - max} more`] : shown;
  });
}
