import { beforeAll, describe, expect, it } from 'vitest';
import type { PcDartsStrategySpec } from '../../core/experiment/spec';
import { LATENCY_OFF, withLatencyForm } from '../../core/latency-loss/spec';
import {
  checkpointsOf,
  expectSameContinuation,
  microData,
  microSpec,
  runAll,
} from '../checkpoint-runs.testkit';
import { initNodeBackend } from '../node-backend';
import { testStrategy } from '../spaces.testkit';

/** PC-DARTS at K = 2 for 3 epochs of 3 steps (the first a warm-up), with the add#linear latency loss. */
function pcDartsWithLatency(): PcDartsStrategySpec {
  const { kind: _kind, ...darts } = testStrategy(1, 3, 8);
  return {
    ...darts,
    kind: 'pc-darts',
    warmupEpochs: 1,
    partialK: 2,
    latency: { ...withLatencyForm(LATENCY_OFF, 'add#linear'), targetMs: 0.05 },
  };
}

const data = microData();

describe('PC-DARTS with a latency loss', () => {
  beforeAll(async () => {
    await initNodeBackend('wasm');
  });

  it('measures the table, reports E[LAT] after every epoch and resumes bit for bit', async () => {
    const spec = microSpec(pcDartsWithLatency());
    const full = await runAll(spec, data);
    expect(full.status).toBe('finished');
    const types = full.events.map((e) => e.type);
    expect(types.indexOf('latency-table')).toBeGreaterThan(-1);
    expect(types.indexOf('latency-table')).toBeLessThan(types.indexOf('step'));
    expect(full.events.filter((e) => e.type === 'expected-latency')).toHaveLength(3);
    for (const { at, c } of checkpointsOf(full.events)) {
      expect(c.latency).not.toBeNull();
      expectSameContinuation(full, at, await runAll(spec, data, c));
    }
  });
});
