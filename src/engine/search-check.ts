/**
 * The 'check' phase of a discrete-search run: a few evaluated subnets are timed whole, end to end,
 * next to the latency the lookup table predicted for them, so the user sees how far the table's
 * sums can be trusted on this device.
 */
import type { LatencyTable } from '../core/cost/latency';
import type { RunControl } from '../core/run/control';
import type { LatencyCheck } from '../core/run/protocol';
import { byAccuracy } from '../core/strategies/ledger';
import type { EvaluatedRecord } from '../core/strategies/types';
import { DEFAULT_MEASURE } from './latency/measure';
import { timeSubnet } from './latency/subnet-timing';
import type { SearchTarget } from './search-latency';
import type { Emit } from './step-gate';

/** Subnets timed end to end after a search, at most. */
export const CHECKED_SUBNETS = 5;

/**
 * Up to `count` records with a latency to time: the most accurate one (the earliest among equals),
 * then others spread evenly over the latency range of the rest (fastest and slowest included),
 * ordered by predicted latency.
 */
export function pickCheckSubnets(
  records: readonly EvaluatedRecord[],
  count: number = CHECKED_SUBNETS,
): EvaluatedRecord[] {
  const priced = records.filter((r) => r.latencyMs !== undefined);
  const best = [...priced].sort(byAccuracy)[0];
  if (best === undefined || count < 1) return [];
  const rest = priced
    .filter((r) => r !== best)
    .sort((a, b) => (a.latencyMs ?? 0) - (b.latencyMs ?? 0));
  const want = Math.min(count - 1, rest.length);
  const picked: EvaluatedRecord[] = [best];
  for (let i = 0; i < want; i++) {
    const at = want === 1 ? 0 : Math.round((i * (rest.length - 1)) / (want - 1));
    const r = rest[at];
    if (r !== undefined) picked.push(r);
  }
  return picked.sort((a, b) => (a.latencyMs ?? 0) - (b.latencyMs ?? 0));
}

/**
 * Runs the 'check' phase over `records`: emits 'phase', 'progress' (0 of n, then after each
 * subnet) and one 'latency-check' with each picked subnet's predicted and measured ms
 * (DEFAULT_MEASURE, the table's batch). Awaits `control.gate()` before each timing, so a pause
 * waits there; a stop ends the phase at once: the subnets timed so far are still reported (when
 * there are any) and it resolves false, and the run then ends as stopped. Without a table or a
 * priced record there is nothing to check: no event, resolves true.
 */
export async function runCheckPhase(
  t: SearchTarget,
  table: LatencyTable | null,
  records: readonly EvaluatedRecord[],
  control: RunControl,
  emit: Emit,
): Promise<boolean> {
  if (table === null) return true;
  const picked = pickCheckSubnets(records);
  if (picked.length === 0) return true;
  emit({
    type: 'phase',
    phase: 'check',
    message: `Timing ${picked.length} subnet(s) end to end to check the latency table's predictions.`,
  });
  emit({ type: 'progress', phase: 'check', done: 0, total: picked.length });
  const checks: LatencyCheck[] = [];
  const report = (): void => {
    if (checks.length > 0) emit({ type: 'latency-check', checks });
  };
  for (const r of picked) {
    if (!(await control.gate())) {
      report();
      return false;
    }
    const measuredMs = await timeSubnet(t.space, r.genotype, t.input, t.classes, {
      ...DEFAULT_MEASURE,
      batch: table.batch,
    });
    checks.push({ key: r.key, predictedMs: r.latencyMs ?? Number.NaN, measuredMs });
    emit({ type: 'progress', phase: 'check', done: checks.length, total: picked.length });
  }
  report();
  return true;
}
