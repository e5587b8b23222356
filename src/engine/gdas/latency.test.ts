import { beforeAll, describe, expect, it } from 'vitest';
import type { GdasStrategySpec } from '../../core/experiment/spec';
import { LATENCY_OFF, withLatencyForm, type LatencyForm } from '../../core/latency-loss/spec';
import {
  checkpointsOf,
  expectIdenticalRuns,
  expectSameContinuation,
  microData,
  microSpec,
  runAll,
} from '../checkpoint-runs.testkit';
import { initNodeBackend } from '../node-backend';
import { testGdas } from './gdas.testkit';

/** GDAS for 3 epochs of 3 steps with latency form `form` at target `targetMs`. */
function withLatency(form: LatencyForm, targetMs: number): GdasStrategySpec {
  return { ...testGdas(3, 8), latency: { ...withLatencyForm(LATENCY_OFF, form), targetMs } };
}

const data = microData();

describe('GDAS with a latency loss', () => {
  beforeAll(async () => {
    await initNodeBackend('wasm');
  });

  it('measures the table before its first step and reports E[LAT] after every epoch', async () => {
    const { status, events } = await runAll(microSpec(withLatency('add#linear', 0.05)), data);
    expect(status).toBe('finished');
    const types = events.map((e) => e.type);
    expect(types.indexOf('latency-table')).toBeGreaterThan(-1);
    expect(types.indexOf('latency-table')).toBeLessThan(types.indexOf('step'));
    const points = events.flatMap((e) => (e.type === 'expected-latency' ? [e] : []));
    expect(points.map((p) => [p.epoch, p.targetMs])).toEqual([
      [1, 0.05],
      [2, 0.05],
      [3, 0.05],
    ]);
    for (const p of points) expect(p.expectedMs).toBeGreaterThan(0);
    expect(checkpointsOf(events).every((m) => m.c.latency !== null)).toBe(true);
  });

  it('two runs of one spec give the same events', async () => {
    await expectIdenticalRuns(microSpec(withLatency('mul#log', 0.2)), data);
  });

  it('resumes from every checkpoint bit for bit, with the checkpoint’s table', async () => {
    const spec = microSpec(withLatency('fbnet', 0.2));
    const full = await runAll(spec, data);
    expect(full.status).toBe('finished');
    for (const { at, c } of checkpointsOf(full.events)) {
      const resumed = await runAll(spec, data, c);
      expectSameContinuation(full, at, resumed);
      expect(resumed.events.some((e) => e.type === 'latency-table')).toBe(false);
    }
  });

  it('runs without a latency phase when the loss is off', async () => {
    const { events } = await runAll(microSpec(testGdas(2, 8)), data);
    expect(events.some((e) => e.type === 'latency-table' || e.type === 'expected-latency')).toBe(
      false,
    );
  });
});
