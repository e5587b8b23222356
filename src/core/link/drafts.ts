/** Field drafts in a link: what a link writes for a spec (JSON has no NaN), and how the drafts of an untrusted link are read against its spec. */
import {
  draftKind,
  liveDrafts,
  parseDraft,
  typedPaths,
  valueAtPath,
  withValueAtPath,
  type FieldDrafts,
} from '../experiment/drafts';
import type { ExperimentSpec } from '../experiment/spec';
import { LINK_LIMITS } from './format';
import { isRecord, type JsonRecord } from './records';

/** The drafts a link carries for `spec`: those that hold, and the text of every NaN or infinite value that has none (JSON writes them as null). */
export function linkDrafts(spec: ExperimentSpec, drafts: FieldDrafts): FieldDrafts {
  const out: Record<string, string> = { ...liveDrafts(spec, drafts) };
  for (const path of typedPaths(spec)) {
    const value = valueAtPath(spec, path);
    if (typeof value === 'number' && !Number.isFinite(value) && !Object.hasOwn(out, path))
      out[path] = String(value);
  }
  return out;
}

/** The JSON objects along `path` in the spec JSON: the parents of the value, outermost first; null where one is missing. */
function parents(spec: JsonRecord, path: string): JsonRecord[] | null {
  const keys = path.split('.').slice(0, -1);
  const out: JsonRecord[] = [spec];
  for (const k of keys) {
    const last = out[out.length - 1] as JsonRecord;
    const next = Object.hasOwn(last, k) ? last[k] : undefined;
    if (!isRecord(next)) return null;
    out.push(next);
  }
  return out;
}

/** The spec JSON with the value at `path` replaced (its parents copied). */
function replaced(spec: JsonRecord, path: string, value: number, chain: JsonRecord[]): JsonRecord {
  const keys = path.split('.');
  let inner: unknown = value;
  for (let i = keys.length - 1; i >= 0; i--)
    inner = { ...(chain[i] as JsonRecord), [keys[i] as string]: inner };
  return inner as JsonRecord;
}

/** At most 8 names, then a count of the rest. */
function named(paths: readonly string[]): string {
  if (paths.length <= 8) return paths.join(', ');
  return `${paths.slice(0, 8).join(', ')} and ${paths.length - 8} more`;
}

/** What reading a link's drafts gives: the spec JSON with a stand-in number where a draft holds a value JSON cannot (NaN, -0), those values by path, the drafts kept, and what was left out. */
export interface ReadDrafts {
  readonly spec: unknown;
  readonly holes: ReadonlyMap<string, number>;
  readonly drafts: FieldDrafts;
  readonly repairs: string[];
}

/**
 * Reads the untrusted `raw` drafts of a link against its spec JSON (before the shape check): at most
 * LINK_LIMITS.maxDrafts texts of at most LINK_LIMITS.maxDraftChars characters, each at a typed field
 * whose JSON value it parses to, or whose null it explains (NaN, ±Infinity). Anything else is left
 * out and said so; nothing here refuses the link.
 */
export function readDrafts(raw: unknown, specJson: unknown): ReadDrafts {
  const none: ReadDrafts = { spec: specJson, holes: new Map(), drafts: {}, repairs: [] };
  if (raw === undefined || raw === null || !isRecord(specJson)) return none;
  if (!isRecord(raw))
    return {
      ...none,
      repairs: ['The typed entries in the link were unreadable and were left out.'],
    };
  let spec: JsonRecord = specJson;
  const holes = new Map<string, number>();
  const drafts: Record<string, string> = {};
  const left: string[] = [];
  const entries = Object.entries(raw);
  for (const [path, text] of entries.slice(0, LINK_LIMITS.maxDrafts)) {
    const shown = path.slice(0, 60);
    if (typeof text !== 'string' || text.length > LINK_LIMITS.maxDraftChars) {
      left.push(shown);
      continue;
    }
    const parsed = parseDraft(path, text);
    const chain = draftKind(path) === null ? null : parents(spec, path);
    const key = path.split('.').pop() ?? '';
    const holder = chain?.[chain.length - 1];
    const value = holder !== undefined && Object.hasOwn(holder, key) ? holder[key] : undefined;
    if (chain === null || parsed === undefined || (typeof value !== 'number' && value !== null)) {
      left.push(shown);
    } else if (value === null && typeof parsed === 'number' && !Number.isFinite(parsed)) {
      holes.set(path, parsed);
      spec = replaced(spec, path, 0, chain);
      drafts[path] = text;
    } else if (parsed === value) {
      // Equal, or -0 written as 0 (JSON keeps no sign of zero): the draft puts the sign back.
      if (!Object.is(parsed, value) && typeof parsed === 'number') holes.set(path, parsed);
      drafts[path] = text;
    } else {
      left.push(shown);
    }
  }
  const more = entries.length - LINK_LIMITS.maxDrafts;
  const repairs = [
    ...(left.length > 0
      ? [`Typed entries that do not match the experiment were left out: ${named(left)}.`]
      : []),
    ...(more > 0
      ? [
          `The link held ${entries.length} typed entries; only the first ${LINK_LIMITS.maxDrafts} were read.`,
        ]
      : []),
  ];
  return { spec, holes, drafts, repairs };
}

/** `spec` with the values the drafts stood for put back where the link held null, and the drafts that hold for it. */
export function fillHoles(
  spec: ExperimentSpec,
  holes: ReadonlyMap<string, number>,
  drafts: FieldDrafts,
): { spec: ExperimentSpec; drafts: FieldDrafts } {
  let filled = spec;
  for (const [path, value] of holes) filled = withValueAtPath(filled, path, value);
  return { spec: filled, drafts: liveDrafts(filled, drafts) };
}
