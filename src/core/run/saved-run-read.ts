/**
 * Reading saved-run records and history rows back from storage: every value is shape-checked with
 * zod and brought to the current record version; nothing here throws, a value that cannot be read
 * is a plain problem (and a damaged row the history can still list and delete).
 */
import { STRATEGY_KINDS } from '../strategy/kinds';
import { z } from 'zod';
import { experimentSchema } from '../experiment/schema';
import { isRecord } from '../link/records';
import { historySettings } from './history-settings';
import { runStateSchema } from './run-state-schema';
import {
  DAMAGED_RUN_NAME,
  damagedProblem,
  SAVED_RUN_VERSION,
  type DamagedRunSummary,
  type HistoryEntry,
  type SavedRunRecord,
} from './saved-run';
import { initialRunState, type RunState } from './state';

/** Any JavaScript number, NaN included (a missing accuracy is null, never NaN, but storage keeps what it was given). */
const num = z.custom<number>((v) => typeof v === 'number', 'Expected a number');

const summaryFields = {
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  status: z.enum(['idle', 'running', 'paused', 'finished', 'stopped', 'failed']),
  strategy: z.enum(STRATEGY_KINDS),
  dataset: z.enum(['spiral', 'circles', 'xor', 'gaussian', 'mnist']),
  bestAcc: num.nullable(),
  step: num,
  totalSteps: num,
  checkpointStep: num.nullable(),
  seed: num.nullable().default(null),
  settings: z.record(z.string(), z.string()).default({}),
};

/** A saved-run record of the current version (structure only). */
export const savedRunSchema: z.ZodType<SavedRunRecord> = z.object({
  version: z.literal(SAVED_RUN_VERSION),
  ...summaryFields,
  spec: experimentSchema,
  run: runStateSchema,
});

/** A history row as stored: a readable run's summary or a damaged run's. */
export const historyEntrySchema: z.ZodType<HistoryEntry> = z.discriminatedUnion('damaged', [
  z.object({ damaged: z.literal(false), ...summaryFields }),
  z.object({
    damaged: z.literal(true),
    id: z.string(),
    name: z.string(),
    createdAt: z.string().nullable(),
    updatedAt: z.string(),
    problem: z.string(),
  }),
]);

/** Reading a stored value: the value, or why it cannot be read (a whole sentence). */
export type ReadResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: string };

/** A short description of a value for a problem sentence. */
function describe(value: unknown): string {
  if (typeof value === 'string') return `"${value.slice(0, 40)}"`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return value === null ? 'null' : typeof value;
}

/** The first few zod issues as `path: message`. */
function issuesText(error: z.ZodError): string {
  const shown = error.issues
    .slice(0, 3)
    .map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message));
  const more = error.issues.length - shown.length;
  return shown.join('; ') + (more > 0 ? ` (and ${more} more)` : '');
}

/**
 * The record brought from `version` to the current one. Version 1 is current; a version-1 record
 * gains the run state fields added since it was saved at their empty values (a run saved before
 * diagnostics existed has none); spec settings added since are filled in by the spec schema.
 */
export function migrateSavedRun(version: number, raw: Record<string, unknown>): unknown {
  if (version !== 1) return raw;
  const run = isRecord(raw.run) ? { ...initialRunState(), ...raw.run } : raw.run;
  return { ...raw, version: SAVED_RUN_VERSION, run };
}

/** A stored run state (a checkpoint's) with the fields added since it was saved at their empty values, shape-checked. Never throws. */
export function readRunState(raw: unknown): ReadResult<RunState> {
  try {
    const parsed = runStateSchema.safeParse(isRecord(raw) ? { ...initialRunState(), ...raw } : raw);
    if (parsed.success) return { ok: true, value: parsed.data };
    return { ok: false, problem: issuesText(parsed.error) };
  } catch (error) {
    return { ok: false, problem: error instanceof Error ? error.message : describe(error) };
  }
}

/** The version a stored record says it has (none: 1), or the problem with it. */
function versionOf(raw: Record<string, unknown>): ReadResult<number> {
  const version = raw.version === undefined ? 1 : raw.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return {
      ok: false,
      problem: damagedProblem(`its version (${describe(version)}) is not one NAS Studio writes`),
    };
  if (version > SAVED_RUN_VERSION)
    return {
      ok: false,
      problem: damagedProblem(
        `it was saved by a newer version of NAS Studio (record version ${version}; this version reads up to ${SAVED_RUN_VERSION})`,
      ),
    };
  return { ok: true, value: version };
}

/** A stored saved-run record, migrated to the current version and shape-checked. Never throws. */
export function readSavedRun(raw: unknown): ReadResult<SavedRunRecord> {
  try {
    if (!isRecord(raw))
      return { ok: false, problem: damagedProblem(`it is ${describe(raw)}, not a saved run`) };
    const version = versionOf(raw);
    if (!version.ok) return version;
    const parsed = savedRunSchema.safeParse(migrateSavedRun(version.value, raw));
    if (!parsed.success) return { ok: false, problem: damagedProblem(issuesText(parsed.error)) };
    // A record saved before the seed and settings were recorded has its spec: read them from it.
    const record = parsed.data;
    return {
      ok: true,
      value: {
        ...record,
        seed: record.seed ?? record.spec.seed,
        settings:
          Object.keys(record.settings).length > 0 ? record.settings : historySettings(record.spec),
      },
    };
  } catch (error) {
    const detail = error instanceof Error ? error.message : describe(error);
    return { ok: false, problem: damagedProblem(`reading it failed (${detail})`) };
  }
}

/** The damaged row of stored value `raw` under key `id`, keeping its name and dates where they can be read. */
export function damagedSummaryOf(id: string, raw: unknown, problem: string): DamagedRunSummary {
  const field = (key: string): string | null => {
    const value = isRecord(raw) ? raw[key] : undefined;
    return typeof value === 'string' ? value : null;
  };
  const name = field('name');
  return {
    damaged: true,
    id,
    name: name === null || name.trim() === '' ? DAMAGED_RUN_NAME : name,
    createdAt: field('createdAt'),
    updatedAt: field('updatedAt') ?? '',
    problem,
  };
}

/** A stored history row under key `id`, shape-checked; an unreadable one is a damaged row. Never throws. */
export function readHistoryEntry(id: string, raw: unknown): HistoryEntry {
  try {
    const parsed = historyEntrySchema.safeParse(raw);
    if (parsed.success) return parsed.data;
    return damagedSummaryOf(
      id,
      raw,
      damagedProblem(`its history entry is damaged (${issuesText(parsed.error)})`),
    );
  } catch {
    return damagedSummaryOf(id, raw, damagedProblem('its history entry could not be read'));
  }
}
