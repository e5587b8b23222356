import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LatencyTable } from '../core/cost/latency';
import { NO_CONSTRAINTS } from '../core/experiment/defaults';
import type { InputShape } from '../core/experiment/spec';
import { createRng } from '../core/random';
import { createRunControl } from '../core/run/control';
import type { RunEvent } from '../core/run/protocol';
import { presetSpace } from '../core/search-space/presets';
import { genotypeKey } from '../core/strategies/genotype-key';
import { sampleGenotype } from '../core/strategies/sample';
import type { EvaluatedRecord } from '../core/strategies/types';
import { initNodeBackend } from './node-backend';
import { pickCheckSubnets, runCheckPhase } from './search-check';
import { runLatencyPhase, searchCost, type SearchTarget } from './search-latency';

const POINTS: InputShape = { kind: 'vector', features: 2 };
const target: SearchTarget = { space: presetSpace('teaching'), input: POINTS, classes: 2 };

/** A record with the given accuracy and latency (the genotype is a placeholder for picking). */
function rec(key: string, accuracy: number, latencyMs?: number): EvaluatedRecord {
  const genotype = { normal: { edges: [], concat: [] }, reduce: null };
  return {
    genotype,
    key,
    accuracy,
    params: 1,
    flops: 1,
    ...(latencyMs === undefined ? {} : { latencyMs }),
    generation: 0,
    origin: 'random',
  };
}

describe('pickCheckSubnets', () => {
  it('takes the most accurate and spreads the rest over the latency range, by latency', () => {
    const records = Array.from({ length: 11 }, (_, i) => rec(`r${i}`, i === 6 ? 0.9 : 0.5, i));
    expect(pickCheckSubnets(records).map((r) => r.key)).toEqual(['r0', 'r3', 'r6', 'r7', 'r10']);
    expect(pickCheckSubnets(records, 2).map((r) => r.key)).toEqual(['r0', 'r6']);
    expect(pickCheckSubnets(records, 0)).toEqual([]);
  });

  it('takes every priced record when there are few, and none without latencies', () => {
    const few = [rec('a', 0.1, 3), rec('b', 0.7, 1), rec('c', 0.2)];
    expect(pickCheckSubnets(few).map((r) => r.key)).toEqual(['b', 'a']);
    expect(pickCheckSubnets([rec('x', 0.5), rec('y', 0.6)])).toEqual([]);
    expect(pickCheckSubnets([])).toEqual([]);
  });
});

describe('the check phase of a search (wasm)', () => {
  let table: LatencyTable;
  let records: EvaluatedRecord[];

  beforeAll(async () => {
    await initNodeBackend('wasm');
    const out = await runLatencyPhase(target, NO_CONSTRAINTS, createRunControl(), () => undefined);
    if (out === null || out === 'stopped') throw new Error('no latency table');
    table = out;
    const cost = searchCost(target, table);
    const rng = createRng(9);
    records = Array.from({ length: 7 }, (_, i) => {
      const genotype = sampleGenotype(target.space, rng);
      return {
        ...rec(genotypeKey(target.space, genotype), i / 10),
        ...cost(genotype),
        genotype,
      };
    });
  });

  it('times up to five subnets end to end next to their predictions, freeing every tensor', async () => {
    const events: RunEvent[] = [];
    const before = tf.memory().numTensors;
    const ok = await runCheckPhase(target, table, records, createRunControl(), (e) =>
      events.push(e),
    );
    expect(ok).toBe(true);
    expect(tf.memory().numTensors).toBe(before);
    const check = events.find((e) => e.type === 'latency-check');
    if (check?.type !== 'latency-check') throw new Error('no latency-check event');
    const picked = pickCheckSubnets(records);
    expect(check.checks.map((c) => c.key)).toEqual(picked.map((r) => r.key));
    expect(check.checks.map((c) => c.predictedMs)).toEqual(picked.map((r) => r.latencyMs));
    for (const c of check.checks)
      expect(Number.isFinite(c.measuredMs) && c.measuredMs > 0).toBe(true);
    const progress = events.flatMap((e) =>
      e.type === 'progress' ? [[e.phase, e.done, e.total]] : [],
    );
    expect(progress).toEqual(Array.from({ length: 6 }, (_, i) => ['check', i, 5]));
    expect(events[0]).toMatchObject({ type: 'phase', phase: 'check' });
  });

  it('ends at once when the run stops, reporting no check', async () => {
    const control = createRunControl();
    control.stop();
    const events: RunEvent[] = [];
    expect(await runCheckPhase(target, table, records, control, (e) => events.push(e))).toBe(false);
    expect(events.some((e) => e.type === 'latency-check')).toBe(false);
  });

  it('has nothing to check without a table or a priced record', async () => {
    const events: RunEvent[] = [];
    const emit = (e: RunEvent): void => {
      events.push(e);
    };
    expect(await runCheckPhase(target, null, records, createRunControl(), emit)).toBe(true);
    expect(await runCheckPhase(target, table, [rec('a', 1)], createRunControl(), emit)).toBe(true);
    expect(events).toEqual([]);
  });
});
