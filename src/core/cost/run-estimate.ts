/**
 * The expected run time: a run's work (run-work.ts) priced by how long one unit of each kind took
 * on the device when the engine's probe timed it. Plain numbers, so the estimate crosses the
 * worker boundary as it is.
 */
import type { BackendName } from '../run/protocol';
import { WORK_PHASES, type RunWork, type WorkPhase, type WorkUnit } from './work-units';

/** Milliseconds one unit of each kind takes on the device (the probe's medians). */
export type UnitTimings = Partial<Record<WorkUnit, number>>;

/** The run time a default experiment is meant to stay within, seconds (3 minutes on a 2-core CPU). */
export const DEFAULT_RUN_BUDGET_SECONDS = 180;

/** A run's time, in all and per phase (phases without work are left out). */
export interface PricedWork {
  readonly totalSeconds: number;
  readonly phases: Partial<Record<WorkPhase, number>>;
}

/** The expected run time of one spec on one backend, and what it was computed from. */
export interface RunEstimate extends PricedWork {
  readonly backend: BackendName;
  /** Units of each kind the run does (kinds it does not use are left out). */
  readonly units: Partial<Record<WorkUnit, number>>;
  /** Milliseconds per unit, as timed on this backend and device. */
  readonly timings: UnitTimings;
  /** How long the probe took for this estimate, ms (0 when every timing came from an earlier probe). */
  readonly probeMs: number;
}

/** The kinds of unit `work` uses that `timings` has no time for. */
export function untimedUnits(work: RunWork, timings: UnitTimings): WorkUnit[] {
  return [...new Set(work.map((i) => i.unit))].filter((u) => timings[u] === undefined);
}

/** Prices `work` with `timings` (ms per unit): the sum of count x time per item. Throws when a unit it uses was not timed. */
export function priceWork(work: RunWork, timings: UnitTimings): PricedWork {
  const missing = untimedUnits(work, timings);
  if (missing.length > 0) throw new Error(`No time was measured for ${missing.join(', ')}.`);
  const ms: Partial<Record<WorkPhase, number>> = {};
  for (const i of work) ms[i.phase] = (ms[i.phase] ?? 0) + i.count * (timings[i.unit] ?? 0);
  const phases: Partial<Record<WorkPhase, number>> = {};
  let total = 0;
  for (const p of WORK_PHASES) {
    const value = ms[p];
    if (value === undefined) continue;
    phases[p] = value / 1000;
    total += value;
  }
  return { totalSeconds: total / 1000, phases };
}

/** The units of each kind in `work`, kinds it does not use left out. */
export function unitCounts(work: RunWork): Partial<Record<WorkUnit, number>> {
  const out: Partial<Record<WorkUnit, number>> = {};
  for (const i of work) out[i.unit] = (out[i.unit] ?? 0) + i.count;
  return out;
}

/** The estimate of `work` on `backend` from `timings`, whose probe took `probeMs`. */
export function estimateOf(
  work: RunWork,
  timings: UnitTimings,
  backend: BackendName,
  probeMs: number,
): RunEstimate {
  return { ...priceWork(work, timings), backend, units: unitCounts(work), timings, probeMs };
}
