/** Safe repairs of a link's spec before its shape is checked: each returns the fixed JSON and says what it changed. */
import { capabilitiesOf } from '../strategy/registry';
import { isStrategyKind } from '../strategy/kinds';
import { LINK_LIMITS } from './format';
import { isRecord, type JsonRecord } from './records';

/** The bounds a discrete-search strategy carries; a missing one means no bound. */
const BOUNDS = ['maxParams', 'maxFlops', 'maxLatencyMs'] as const;

/** A long name shortened to the cap. */
function clampName(spec: JsonRecord, repairs: string[]): JsonRecord {
  const name = spec.name;
  if (typeof name !== 'string' || name.length <= LINK_LIMITS.maxNameLength) return spec;
  repairs.push(
    `The experiment name was ${name.length} characters long; it was shortened to ${LINK_LIMITS.maxNameLength}.`,
  );
  return { ...spec, name: name.slice(0, LINK_LIMITS.maxNameLength) };
}

/** Missing bounds of a strategy that takes constraints (SPOS, multi-trial) filled with null (no bound). */
function fillBounds(spec: JsonRecord, repairs: string[]): JsonRecord {
  const s = spec.strategy;
  if (!isRecord(s) || !isStrategyKind(s.kind) || !capabilitiesOf(s.kind).constraints) return spec;
  const given = s.constraints === undefined ? {} : s.constraints;
  if (!isRecord(given)) return spec;
  const missing = BOUNDS.filter((b) => !(b in given));
  if (missing.length === 0) return spec;
  repairs.push(
    `The link set no ${missing.join(', ')}; ${missing.length > 1 ? 'they were' : 'it was'} left without a bound.`,
  );
  const constraints = { ...given, ...Object.fromEntries(missing.map((b) => [b, null])) };
  return { ...spec, strategy: { ...s, constraints } };
}

/** The spec JSON with every safe repair applied, and a sentence for each. */
export function repairSpecJson(spec: unknown): { spec: unknown; repairs: string[] } {
  if (!isRecord(spec)) return { spec, repairs: [] };
  const repairs: string[] = [];
  const fixed = fillBounds(clampName(spec, repairs), repairs);
  return { spec: fixed, repairs };
}
