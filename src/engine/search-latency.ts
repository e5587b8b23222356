/**
 * What the discrete-search runs (SPOS and multi-trial) share around their search: the 'latency'
 * phase that measures (or reuses) the per-op latency lookup table on this backend and device, the
 * cost hook and constraints that price candidates with it, and the records and progress each
 * evaluation reports.
 *
 * When measuring fails: a run with a latency bound fails (the bound cannot be checked without
 * the table, and the failure message names the latency measurement); a run without one goes on,
 * with a 'phase' message saying why, records whose latencyMs is null, and no 'check' phase.
 */
import * as tf from '@tensorflow/tfjs';
import { latencyKeys, latencyKeyString, subnetLatency } from '../core/cost/latency';
import type { LatencyTable } from '../core/cost/latency';
import { subnetCost } from '../core/cost/network-cost';
import type { ConstraintsSpec, InputShape } from '../core/experiment/spec';
import type { RunControl } from '../core/run/control';
import type { SubnetEvaluation, SubnetRecord } from '../core/run/protocol';
import type { Genotype, SearchSpaceSpec } from '../core/search-space/types';
import type { Constraints, CostFn, EvaluatedRecord } from '../core/strategies/types';
import { buildLatencyTable, DEFAULT_MEASURE } from './latency/measure';
import { cachedLatencyTable, latencyDevice, storeLatencyTable } from './latency/table-cache';
import type { Emit } from './step-gate';

/** The network a search prices: its space, input and class count. */
export interface SearchTarget {
  readonly space: SearchSpaceSpec;
  readonly input: InputShape;
  readonly classes: number;
}

/** Builds a latency table as buildLatencyTable does (the runs pass that one). */
export type TableBuilder = typeof buildLatencyTable;

/** The spec's bounds as core constraints (a null bound is no constraint). */
export function searchConstraints(c: ConstraintsSpec): Constraints {
  const out: { maxParams?: number; maxFlops?: number; maxLatencyMs?: number } = {};
  if (c.maxParams !== null) out.maxParams = c.maxParams;
  if (c.maxFlops !== null) out.maxFlops = c.maxFlops;
  if (c.maxLatencyMs !== null) out.maxLatencyMs = c.maxLatencyMs;
  return out;
}

/** Prices a genotype: stand-alone params and FLOPs, and its latency summed from `table` when there is one. */
export function searchCost(t: SearchTarget, table: LatencyTable | null): CostFn {
  return (g: Genotype) => {
    const c = subnetCost(t.space, g, t.input, t.classes);
    if (table === null) return { params: c.params, flops: c.flops };
    return {
      params: c.params,
      flops: c.flops,
      latencyMs: subnetLatency(t.space, g, t.input, t.classes, table),
    };
  };
}

/** The plain-data record of an evaluated subnet. */
export function subnetRecord(r: EvaluatedRecord, evaluation: SubnetEvaluation): SubnetRecord {
  return {
    key: r.key,
    genotype: r.genotype,
    accuracy: r.accuracy,
    evaluation,
    params: r.params,
    flops: r.flops,
    latencyMs: r.latencyMs ?? null,
    generation: r.generation,
    origin: r.origin,
  };
}

/** The search's onEvaluated hook: a 'subnet' event, then 'progress' through the `total` evaluations of the budget. */
export function reportEvaluations(
  emit: Emit,
  evaluation: SubnetEvaluation,
  total: number,
): (r: EvaluatedRecord) => void {
  let done = 0;
  return (r) => {
    done += 1;
    emit({ type: 'subnet', record: subnetRecord(r, evaluation) });
    emit({ type: 'progress', phase: 'search', done, total });
  };
}

/** The error's message in plain words. */
function reason(err: unknown): string {
  const text = (err instanceof Error ? err.message : String(err)).trim();
  return text === '' ? 'an unknown error' : text;
}

/**
 * The 'latency' phase: measures every entry the space needs on the current backend (tf.getBackend())
 * and device (latencyDevice()) with DEFAULT_MEASURE, reusing the entries this worker's cached table
 * for that backend, device and batch already holds, and keeps the grown table in the cache.
 * Emits 'phase', 'progress' (0 of n first, then after each measured entry) and 'latency-table'.
 * Stop is asked before each measurement (pause is not: a measurement cannot wait half-way), and
 * resolves 'stopped' (the entries measured so far stay cached). Resolves null, after a 'phase'
 * message saying why, when measuring fails and `constraints` has no latency bound and nothing
 * `needs` the table; throws, naming the latency measurement, when it fails and there is one, or
 * naming what `needs` it (e.g. 'the latency loss') when given.
 */
export async function runLatencyPhase(
  t: SearchTarget,
  constraints: ConstraintsSpec,
  control: RunControl,
  emit: Emit,
  build: TableBuilder = buildLatencyTable,
  needs: string | null = null,
): Promise<LatencyTable | null | 'stopped'> {
  const backend = tf.getBackend();
  const device = latencyDevice();
  const opts = DEFAULT_MEASURE;
  emit({
    type: 'phase',
    phase: 'latency',
    message: `Measuring the latency of every op of the space on this device (${backend}, ${device}).`,
  });
  const started = performance.now();
  let table: LatencyTable;
  let entries = 0;
  let measured = 0;
  try {
    const reuse = cachedLatencyTable(backend, device, opts.batch);
    const keys = latencyKeys(t.space, t.input, t.classes);
    entries = keys.length;
    const todo = keys.filter((k) => reuse?.entries[latencyKeyString(k)] === undefined).length;
    emit({ type: 'progress', phase: 'latency', done: 0, total: todo });
    const onProgress = (p: { done: number; total: number }): void => {
      measured = p.done;
      emit({ type: 'progress', phase: 'latency', done: p.done, total: p.total });
    };
    table = await build(
      t.space,
      t.input,
      t.classes,
      backend,
      device,
      { ...opts, reuse },
      onProgress,
      () => control.isStopped(),
    );
  } catch (err) {
    if (needs !== null)
      throw new Error(
        `The latency of this device could not be measured (${reason(err)}), so ${needs} cannot be computed.`,
      );
    if (constraints.maxLatencyMs !== null)
      throw new Error(
        `The latency of this device could not be measured (${reason(err)}), so the latency bound of ${constraints.maxLatencyMs} ms cannot be checked.`,
      );
    emit({
      type: 'phase',
      phase: 'latency',
      message: `The latency of this device could not be measured (${reason(err)}); the search goes on without latencies.`,
    });
    return null;
  }
  storeLatencyTable(table);
  if (control.isStopped()) return 'stopped';
  emit({
    type: 'latency-table',
    table: {
      backend,
      device,
      batch: opts.batch,
      entries,
      measured,
      reused: entries - measured,
      elapsedMs: performance.now() - started,
    },
  });
  return table;
}
