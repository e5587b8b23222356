import { beforeAll, describe, expect, it } from 'vitest';
import type { DartsStrategySpec } from '../../core/experiment/spec';
import { expectedLatencyMs, latencyPlan } from '../../core/latency-loss/expectation';
import { LATENCY_OFF, withLatencyForm, type LatencyForm } from '../../core/latency-loss/spec';
import { subnetLatency } from '../../core/cost/latency';
import type { RunEvent } from '../../core/run/protocol';
import {
  checkpointsOf,
  expectIdenticalRuns,
  expectSameContinuation,
  failure,
  microData,
  microSpec,
  runAll,
} from '../checkpoint-runs.testkit';
import { initNodeBackend } from '../node-backend';
import { testStrategy } from '../spaces.testkit';

/** First-order DARTS for 3 epochs of 3 steps with latency form `form` at target `targetMs`. */
function withLatency(form: LatencyForm, targetMs: number, order: 1 | 2 = 1): DartsStrategySpec {
  return {
    ...testStrategy(order, 3, 8),
    latency: { ...withLatencyForm(LATENCY_OFF, form), targetMs },
  };
}

const data = microData();

/** The run's final op weights as `[edge][op]` rows per role. */
function finalRows(events: readonly RunEvent[]) {
  const done = events[events.length - 1];
  if (done?.type !== 'finished') throw new Error('the run did not finish');
  const toRows = (flat: Float32Array | undefined, edges: number) => {
    if (!flat) return undefined;
    const ops = flat.length / edges;
    return Array.from({ length: edges }, (_, e) =>
      Array.from(flat.subarray(e * ops, e * ops + ops)),
    );
  };
  return {
    normal: toRows(done.weights.normal, 2) ?? [],
    reduce: toRows(done.weights.reduce, 2) ?? [],
  };
}

describe('DARTS with a latency loss', () => {
  beforeAll(async () => {
    await initNodeBackend('wasm');
  });

  it('measures the table first, reports E[LAT] per epoch and prices the derived cell', async () => {
    const spec = microSpec(withLatency('mul#log', 0.5));
    const { status, events } = await runAll(spec, data);
    expect(status).toBe('finished');
    const types = events.map((e) => e.type);
    expect(types.slice(0, 3)).toEqual(['started', 'phase', 'progress']);
    expect(types.indexOf('latency-table')).toBeLessThan(types.indexOf('step'));
    const points = events.flatMap((e) => (e.type === 'expected-latency' ? [e] : []));
    expect(points.map((p) => [p.epoch, p.step, p.targetMs])).toEqual([
      [1, 3, 0.5],
      [2, 6, 0.5],
      [3, 9, 0.5],
    ]);
    for (const at of points.map((p) => events.indexOf(p)))
      expect(events[at + 1]?.type).toBe('eval');
    const marks = checkpointsOf(events);
    const table = marks[0]?.c.latency;
    if (!table) throw new Error('the checkpoint has no latency table');
    expect(marks.every((m) => m.c.latency?.entries === table.entries)).toBe(true);
    // The last point is E[LAT] of the final alphas, priced by the checkpoint's table.
    const plan = latencyPlan(spec.space, data.input, data.classes, table);
    const last = points[points.length - 1];
    expect(last?.expectedMs).toBeCloseTo(expectedLatencyMs(plan, finalRows(events)), 5);
    const derived = events.find((e) => e.type === 'subnet');
    if (derived?.type !== 'subnet') throw new Error('no derived cell');
    expect(derived.record.latencyMs).toBe(
      subnetLatency(spec.space, derived.record.genotype, data.input, data.classes, table),
    );
  });

  it('ends with a lower expected latency under a tight target than without the loss', async () => {
    const tight = microSpec(withLatency('add#linear', 0.01));
    const free = microSpec(testStrategy(1, 3, 8));
    const a = await runAll(tight, data);
    const b = await runAll(free, data);
    const table = checkpointsOf(a.events)[0]?.c.latency;
    if (!table) throw new Error('no latency table');
    const plan = latencyPlan(tight.space, data.input, data.classes, table);
    const withLoss = expectedLatencyMs(plan, finalRows(a.events));
    const without = expectedLatencyMs(plan, finalRows(b.events));
    expect(withLoss).toBeLessThan(without);
    expect(b.events.some((e) => e.type === 'expected-latency' || e.type === 'latency-table')).toBe(
      false,
    );
  });

  it('two runs of one spec give the same events', async () => {
    await expectIdenticalRuns(microSpec(withLatency('fbnet', 1)), data);
  });

  for (const order of [1, 2] as const) {
    it(`order ${order}: resumes from every checkpoint bit for bit, with the checkpoint's table`, async () => {
      const spec = microSpec(withLatency('mul#log', 0.2, order));
      const full = await runAll(spec, data);
      expect(full.status).toBe('finished');
      for (const { at, c } of checkpointsOf(full.events)) {
        const resumed = await runAll(spec, data, c);
        expectSameContinuation(full, at, resumed);
        expect(resumed.events.some((e) => e.type === 'latency-table')).toBe(false);
      }
    });
  }

  it('refuses a checkpoint without a latency table', async () => {
    const spec = microSpec(withLatency('add#linear', 0.2));
    const mark = checkpointsOf((await runAll(spec, data)).events)[0];
    if (!mark) throw new Error('no checkpoint');
    expect(failure(await runAll(spec, data, { ...mark.c, latency: null }))).toMatch(
      /The checkpoint does not fit this experiment: it has no latency table, so the latency loss cannot be computed\./,
    );
  });
});
