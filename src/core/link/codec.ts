/** Experiment links: encodeLink writes the current format; decodeLink reads any string, repairing what is safe and refusing the rest with reasons. */
import { unbuildableProblems } from '../experiment/buildable';
import { NO_DRAFTS } from '../experiment/drafts';
import { experimentSchema } from '../experiment/schema';
import { validateExperiment } from '../experiment/validate';
import { toBase64Url } from './base64url';
import { fillHoles, linkDrafts, readDrafts } from './drafts';
import { LINK_FORMAT, LINK_PREFIX } from './format';
import { deflateBytes } from './inflate';
import { migratePayload } from './migrate';
import { droppedKeys, isRecord } from './records';
import { repairSpecJson } from './repair';
import { fitSummary, runSummarySchema, type RunSummary } from './summary';
import { fitTeaching, teachingSchema, type TeachingSettings } from './teaching';
import type { LinkPayload, LinkResult } from './types';
import { unpackLink } from './unpack';

/** At most this many problems or dropped keys are listed; the rest are counted. */
const MAX_LISTED = 12;

/** The payload keys this format knows. */
const PAYLOAD_KEYS: readonly string[] = ['spec', 'drafts', 'summary', 'teaching'];

/** The first MAX_LISTED lines, plus a count of the rest. */
function listed(lines: string[], more: (n: number) => string): string[] {
  if (lines.length <= MAX_LISTED) return lines;
  return [...lines.slice(0, MAX_LISTED), more(lines.length - MAX_LISTED)];
}

/** The link hash (`#x=<format>.<data>`) of a payload in the current format: the spec as it is (NaN written as null), the drafts that hold for it, the summary if any. */
export function encodeLink(payload: LinkPayload): string {
  const drafts = linkDrafts(payload.spec, payload.drafts ?? NO_DRAFTS);
  const plain = {
    spec: payload.spec,
    ...(Object.keys(drafts).length > 0 ? { drafts } : {}),
    ...(payload.summary === undefined ? {} : { summary: payload.summary }),
    ...(payload.teaching === undefined ? {} : { teaching: fitTeaching(payload.teaching).teaching }),
  };
  const bytes = new TextEncoder().encode(JSON.stringify(plain));
  return `${LINK_PREFIX}${LINK_FORMAT}.${toBase64Url(deflateBytes(bytes))}`;
}

/** The summary checked and fitted to the spec, or left out with the reason. */
function readSummary(
  raw: unknown,
  spec: LinkPayload['spec'],
): { summary: RunSummary | null; repairs: string[] } {
  if (raw === undefined || raw === null) return { summary: null, repairs: [] };
  const parsed = runSummarySchema.safeParse(raw);
  if (!parsed.success)
    return {
      summary: null,
      repairs: ['The finished run in the link was unreadable and was left out.'],
    };
  if (validateExperiment(spec).length > 0)
    return {
      summary: null,
      repairs: [
        'The finished run in the link was left out: its experiment does not validate, so it cannot have run.',
      ],
    };
  return fitSummary(parsed.data, spec.space, spec.strategy.kind);
}

/** A teacher's settings checked and fitted to the caps, or left out with the reason. */
function readTeaching(raw: unknown): { teaching: TeachingSettings | null; repairs: string[] } {
  if (raw === undefined || raw === null) return { teaching: null, repairs: [] };
  const parsed = teachingSchema.safeParse(raw);
  if (!parsed.success)
    return {
      teaching: null,
      repairs: [
        'The lesson settings in the link (title, notes, hidden or locked controls) were unreadable and were left out; the experiment opens as a plain link.',
      ],
    };
  return fitTeaching(parsed.data);
}

/** Shape, repairs, drafts, schema and what a person could have built, of the payload JSON. */
function readPayload(json: unknown, notes: string[]): LinkResult {
  if (!isRecord(json) || !isRecord(json.spec))
    return { ok: false, problems: ['This link holds no experiment.'] };
  const { spec: fixed, repairs } = repairSpecJson(json.spec);
  const typed = readDrafts(json.drafts, fixed);
  const parsed = experimentSchema.safeParse(typed.spec);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (i) => `${i.path.length > 0 ? i.path.map(String).join('.') : 'spec'}: ${i.message}.`,
    );
    return {
      ok: false,
      problems: listed(lines, (n) => `… and ${n} more problems with the experiment's shape.`),
    };
  }
  const { spec, drafts } = fillHoles(parsed.data, typed.holes, typed.drafts);
  const problems = unbuildableProblems(spec).map((p) => p.message);
  if (problems.length > 0)
    return { ok: false, problems: listed(problems, (n) => `… and ${n} more problems.`) };
  const extra = [
    ...Object.keys(json).filter((k) => !PAYLOAD_KEYS.includes(k)),
    ...droppedKeys(typed.spec, spec).map((k) => `spec.${k}`),
  ];
  const dropped =
    extra.length === 0
      ? []
      : [
          `Settings this version does not know were ignored: ${listed(extra, (n) => `and ${n} more`).join(', ')}.`,
        ];
  const summary = readSummary(json.summary, spec);
  const teaching = readTeaching(json.teaching);
  const payload: LinkPayload = {
    spec,
    ...(Object.keys(drafts).length > 0 ? { drafts } : {}),
    ...(summary.summary === null ? {} : { summary: summary.summary }),
    ...(teaching.teaching === null ? {} : { teaching: teaching.teaching }),
  };
  return {
    ok: true,
    payload,
    repairs: [
      ...notes,
      ...repairs,
      ...typed.repairs,
      ...dropped,
      ...summary.repairs,
      ...teaching.repairs,
    ],
  };
}

/** Reads a link hash (location.hash, '#' optional). Never throws: every string gives a payload or the problems. */
export function decodeLink(hash: string): LinkResult {
  try {
    if (typeof hash !== 'string')
      return { ok: false, problems: ['This address does not hold an experiment link.'] };
    const unpacked = unpackLink(hash);
    if (!unpacked.ok) return { ok: false, problems: [unpacked.problem] };
    const migrated = migratePayload(unpacked.format, unpacked.json);
    return readPayload(migrated.json, migrated.notes);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return { ok: false, problems: [`This link could not be read (internal error: ${detail}).`] };
  }
}
