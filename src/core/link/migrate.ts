/** Migration of older link formats to the current one (see ./format for the history). */
import { LINK_FORMAT } from './format';
import { isRecord } from './records';

/** The oldest format whose payloads read as they are: formats 4 and 5 only added optional drafts, experiments that do not validate yet, and a teacher's settings. */
const UNCHANGED_SINCE = 3;

/** The payload JSON brought to the current format, with a note for the user when its meaning was changed. */
export function migratePayload(format: number, json: unknown): { json: unknown; notes: string[] } {
  // Format 4 -> 5: nothing to change (a format 4 payload is a format 5 payload without teaching).
  // Format 3 -> 4: nothing to change (a format 3 payload is a format 4 payload without drafts).
  if (format >= UNCHANGED_SINCE) return { json, notes: [] };
  // Format 2 -> 3: the DARTS settings added in 3 are filled in by the spec schema's defaults.
  // Format 1 -> 2: SPOS constraints gained maxLatencyMs (null: no bound).
  const notes = [
    `This link was made by an older version of NAS Studio (format ${format}); it was updated to format ${LINK_FORMAT}.`,
  ];
  if (!isRecord(json) || !isRecord(json.spec)) return { json, notes };
  const strategy = json.spec.strategy;
  if (!isRecord(strategy) || !isRecord(strategy.constraints)) return { json, notes };
  if ('maxLatencyMs' in strategy.constraints) return { json, notes };
  const constraints = { ...strategy.constraints, maxLatencyMs: null };
  return {
    json: { ...json, spec: { ...json.spec, strategy: { ...strategy, constraints } } },
    notes,
  };
}
