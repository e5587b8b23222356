/**
 * The experiment link format and its caps. A link is the URL hash `#x=<format>.<data>` where
 * `<format>` is a decimal format number and `<data>` is base64url (no padding) of raw DEFLATE of the
 * UTF-8 JSON of a LinkPayload.
 *
 * Format history:
 * - 1: the experiment spec as first released: strategy kinds 'darts' and 'spos', SPOS constraints
 *   `{ maxParams, maxFlops }` only. Read by migrating: a missing `maxLatencyMs` becomes null.
 * - 2: adds the 'multi-trial' strategy and `constraints.maxLatencyMs`.
 * - 3: DARTS gains `warmupEpochs`, `earlyStop`, `stableEpochs`, `selection` and
 *   `tuneEpochs`; SPOS gains `validSubset` (the validation examples every candidate is scored on).
 *   Format 2 links read with the DARTS ones at DARTS_OPTIONS (the paper's behaviour) and SPOS's at
 *   SPOS_OPTIONS (the whole validation split, as they ran), which the spec schema fills in for any
 *   spec that lacks them.
 * - 4: the experiment as it is on screen, whether or not it validates yet. The payload gains
 *   `drafts`, the raw text of typed fields by spec path (`{"strategy.epochs": "abc"}`), kept where
 *   the value alone would not give the text back; a field whose text is not a number holds null in
 *   the spec (JSON has no NaN) and its draft says what was typed. A spec that does not validate is
 *   opened with its problems where they are, as long as a person could have built it (typed fields
 *   out of range, a cell still being built); choices outside their lists and cells the composer
 *   refuses (a cycle, a duplicate edge) still refuse the link. Migration note: a format 3 payload
 *   is a format 4 payload without drafts, so format 3 links are read unchanged and without a note.
 * - 5: the payload may gain `teaching`, a teacher's settings (core/link/teaching.ts): title and
 *   notes (plain text, capped), the view that opens, control groups hidden or locked, and whether
 *   the run starts on opening. Migration note: a format 4 payload is a format 5 payload without
 *   `teaching`, so format 1-4 links read as before and open as plain experiment links.
 */

/** The hash prefix that marks an experiment link. */
export const LINK_PREFIX = '#x=';

/** The format this version writes and the newest it reads. */
export const LINK_FORMAT = 5;

/** The oldest format this version still reads (by migration). */
export const OLDEST_LINK_FORMAT = 1;

/** Caps that bound the work and memory a link can demand. */
export const LINK_LIMITS = {
  /** Characters of base64url data after the format number (64 KiB). */
  maxDataChars: 64 * 1024,
  /** Bytes of JSON after inflating (1 MiB); inflating stops as soon as this is passed. */
  maxJsonBytes: 1024 * 1024,
  /** Nesting of JSON arrays and objects (a spec needs about 7). */
  maxDepth: 32,
  /** Characters of an experiment name; longer names are shortened. */
  maxNameLength: 120,
  /** Typed field entries (drafts) read from a link; the form has about 30 fields. */
  maxDrafts: 64,
  /** Characters of one typed entry; a longer one is left out. */
  maxDraftChars: 200,
  /** Characters of a lesson link's notes; longer notes are shortened. */
  maxNotesChars: 2000,
} as const;

/** True when `hash` (location.hash) looks like an experiment link, whatever its content. */
export function isLinkHash(hash: string): boolean {
  return hash.startsWith(LINK_PREFIX) || hash.startsWith(LINK_PREFIX.slice(1));
}
