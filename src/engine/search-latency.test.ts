import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { latencyKeys, subnetLatency, type LatencyTable } from '../core/cost/latency';
import { subnetCost } from '../core/cost/network-cost';
import { NO_CONSTRAINTS } from '../core/experiment/defaults';
import type { ConstraintsSpec, InputShape } from '../core/experiment/spec';
import { createRng } from '../core/random';
import { createRunControl } from '../core/run/control';
import type { RunEvent } from '../core/run/protocol';
import { presetSpace } from '../core/search-space/presets';
import { sampleGenotype } from '../core/strategies/sample';
import type { EvaluatedRecord } from '../core/strategies/types';
import { cachedLatencyTable, resetLatencyCache, setLatencyDevice } from './latency/table-cache';
import { initNodeBackend } from './node-backend';
import {
  reportEvaluations,
  runLatencyPhase,
  searchConstraints,
  searchCost,
  type SearchTarget,
  type TableBuilder,
} from './search-latency';

const POINTS: InputShape = { kind: 'vector', features: 2 };
const target: SearchTarget = { space: presetSpace('teaching'), input: POINTS, classes: 2 };

/** Runs the latency phase, collecting its events. */
async function phase(
  constraints: ConstraintsSpec = NO_CONSTRAINTS,
  build?: TableBuilder,
  stop = false,
): Promise<{ out: LatencyTable | null | 'stopped'; events: RunEvent[] }> {
  const control = createRunControl();
  if (stop) control.stop();
  const events: RunEvent[] = [];
  const out = await runLatencyPhase(target, constraints, control, (e) => events.push(e), build);
  return { out, events };
}

const failing: TableBuilder = () => Promise.reject(new Error('the backend lost its context'));

describe('the latency phase of a search (wasm)', () => {
  beforeAll(async () => {
    await initNodeBackend('wasm');
  });
  afterEach(() => {
    resetLatencyCache();
  });

  it('measures every entry once, then reuses them on the same backend and device', async () => {
    const entries = latencyKeys(target.space, POINTS, 2).length;
    const before = tf.memory().numTensors;
    const first = await phase();
    expect(tf.memory().numTensors).toBe(before);
    if (first.out === null || first.out === 'stopped') throw new Error('no table');
    expect(Object.keys(first.out.entries)).toHaveLength(entries);
    for (const ms of Object.values(first.out.entries)) expect(ms).toBeGreaterThan(0);
    expect(first.out.backend).toBe('wasm');
    expect(cachedLatencyTable('wasm', first.out.device, 1)).toBe(first.out);
    const progress = first.events.flatMap((e) => (e.type === 'progress' ? [e] : []));
    expect(progress.map((p) => [p.phase, p.done, p.total])).toEqual(
      Array.from({ length: entries + 1 }, (_, i) => ['latency', i, entries]),
    );
    const summary = (events: RunEvent[]) => {
      const e = events.find((x) => x.type === 'latency-table');
      if (e?.type !== 'latency-table') throw new Error('no latency-table event');
      return e.table;
    };
    expect(summary(first.events)).toMatchObject({
      backend: 'wasm',
      batch: 1,
      entries,
      measured: entries,
      reused: 0,
    });
    expect(summary(first.events).elapsedMs).toBeGreaterThan(0);
    const second = await phase();
    expect(summary(second.events)).toMatchObject({ entries, measured: 0, reused: entries });
    if (second.out === null || second.out === 'stopped') throw new Error('no table');
    expect(second.out.entries).toEqual(first.out.entries);
    // Another device measures its own table.
    setLatencyDevice('WebGPU: another adapter');
    const third = await phase();
    expect(summary(third.events)).toMatchObject({
      device: 'WebGPU: another adapter',
      measured: entries,
      reused: 0,
    });
  });

  it('goes on without latencies when measuring fails and no latency bound is set', async () => {
    const { out, events } = await phase({ ...NO_CONSTRAINTS, maxParams: 100 }, failing);
    expect(out).toBeNull();
    const messages = events.flatMap((e) => (e.type === 'phase' ? [e.message] : []));
    expect(messages[messages.length - 1]).toBe(
      'The latency of this device could not be measured (the backend lost its context); the search goes on without latencies.',
    );
    expect(events.some((e) => e.type === 'latency-table')).toBe(false);
  });

  it('fails, naming the latency measurement, when a latency bound needs the table', async () => {
    await expect(phase({ ...NO_CONSTRAINTS, maxLatencyMs: 1 }, failing)).rejects.toThrow(
      'The latency of this device could not be measured (the backend lost its context), so the latency bound of 1 ms cannot be checked.',
    );
  });

  it('says stopped when the run stops, and reports no table', async () => {
    const { out, events } = await phase(NO_CONSTRAINTS, undefined, true);
    expect(out).toBe('stopped');
    expect(events.some((e) => e.type === 'latency-table')).toBe(false);
  });

  it('prices candidates with the table and the analytic cost, and maps the bounds', async () => {
    const { out } = await phase();
    if (out === null || out === 'stopped') throw new Error('no table');
    const g = sampleGenotype(target.space, createRng(4));
    const c = subnetCost(target.space, g, POINTS, 2);
    expect(searchCost(target, out)(g)).toEqual({
      params: c.params,
      flops: c.flops,
      latencyMs: subnetLatency(target.space, g, POINTS, 2, out),
    });
    expect(searchCost(target, null)(g)).toEqual({ params: c.params, flops: c.flops });
    expect(searchConstraints(NO_CONSTRAINTS)).toEqual({});
    expect(searchConstraints({ maxParams: 10, maxFlops: null, maxLatencyMs: 0.5 })).toEqual({
      maxParams: 10,
      maxLatencyMs: 0.5,
    });
  });

  it('reports each evaluation as a subnet record and progress through the budget', () => {
    const events: RunEvent[] = [];
    const report = reportEvaluations((e) => events.push(e), 'standalone', 4);
    const g = sampleGenotype(target.space, createRng(5));
    const base: EvaluatedRecord = {
      genotype: g,
      key: 'a',
      accuracy: 0.5,
      params: 10,
      flops: 20,
      generation: 0,
      origin: 'random',
    };
    report(base);
    report({ ...base, key: 'b', latencyMs: 0.25 });
    expect(events).toEqual([
      { type: 'subnet', record: { ...base, evaluation: 'standalone', latencyMs: null } },
      { type: 'progress', phase: 'search', done: 1, total: 4 },
      {
        type: 'subnet',
        record: { ...base, key: 'b', evaluation: 'standalone', latencyMs: 0.25 },
      },
      { type: 'progress', phase: 'search', done: 2, total: 4 },
    ]);
  });
});
