import { beforeAll, describe, expect, it } from 'vitest';
import { defaultSpos, NO_CONSTRAINTS } from '../../core/experiment/defaults';
import type { SposStrategySpec } from '../../core/experiment/spec';
import type { RunCheckpoint } from '../../core/run/checkpoint';
import { createRunControl } from '../../core/run/control';
import { spaceSize } from '../../core/search-space/size';
import {
  checkpointsOf,
  expectSameContinuation,
  failure,
  microData,
  microSpec,
  runAll,
  expectIdenticalRuns,
} from '../checkpoint-runs.testkit';
import { initNodeBackend } from '../node-backend';
import { runExperiment } from '../runner';
import { microDarts, testStrategy } from '../spaces.testkit';

/** SPOS for 3 epochs of 3 steps (24 training examples, batch 8), then a small search. */
function sposOf(search: 'evolution' | 'random'): SposStrategySpec {
  const base = microSpec(testStrategy(1));
  return {
    ...defaultSpos(base.dataset, spaceSize(microDarts())),
    epochs: 3,
    batchSize: 8,
    search,
    generations: 2,
    population: 4,
    topK: 2,
    mutations: 2,
    crossovers: 2,
    samples: 5,
    calibrationBatches: 2,
  };
}

const data = microData();

describe('SPOS checkpoints and resume', () => {
  beforeAll(async () => {
    await initNodeBackend('wasm');
  });

  it('two runs of one spec give identical genotypes and metrics', async () => {
    await expectIdenticalRuns(microSpec(sposOf('evolution')), data);
  });

  it('checkpoints after each supernet epoch but the last, and after the latency phase', async () => {
    const { events } = await runAll(microSpec(sposOf('evolution')), data);
    const marks = checkpointsOf(events);
    expect(marks.map(({ c }) => [c.strategy, c.epoch, c.step])).toEqual([
      ['spos', 1, 3],
      ['spos', 2, 6],
      ['spos', 3, 9],
    ]);
    const [first, second, measured] = marks;
    for (const mark of [first, second]) {
      expect(events[(mark?.at ?? 0) - 1]).toMatchObject({ type: 'step', step: mark?.c.step });
      expect(mark?.c.latency).toBeNull();
    }
    expect(events[(measured?.at ?? 0) - 1]?.type).toBe('latency-table');
    expect(events[(measured?.at ?? 0) + 1]).toMatchObject({ type: 'phase', phase: 'search' });
    expect(measured?.c.latency?.backend).toBe('wasm');
    for (const { c } of marks) {
      expect(c.weights.length).toBeGreaterThan(0);
      expect(c.velocity.map((v) => v.shape)).toEqual(c.weights.map((w) => w.shape));
      expect([c.alphas, c.adamM, c.adamS, c.trials]).toEqual([[], [], [], []]);
      expect(c.adamT).toBe(0);
    }
  });

  for (const search of ['evolution', 'random'] as const) {
    it(`${search}: a run resumed from any checkpoint continues the same trajectory`, async () => {
      const spec = microSpec(sposOf(search));
      const full = await runAll(spec, data);
      expect(full.status).toBe('finished');
      const marks = checkpointsOf(full.events);
      expect(marks).toHaveLength(3);
      for (const { at, c } of marks) {
        const resumed = await runAll(spec, data, c);
        expectSameContinuation(full, at, resumed);
      }
    });
  }

  it('resumed after the latency phase, trains and measures nothing and searches with its table', async () => {
    const spec = microSpec(sposOf('random'));
    const full = await runAll(spec, data);
    const measured = checkpointsOf(full.events)[2]?.c;
    if (!measured) throw new Error('no latency checkpoint');
    const resumed = await runAll(spec, data, measured);
    const types = resumed.events.map((e) => e.type);
    expect(types.slice(2, 3)).toEqual(['phase']);
    expect(types).not.toContain('step');
    expect(types).not.toContain('latency-table');
    // Without a table the subnets carry no latency and none is timed end to end.
    const unmeasured = await runAll(spec, data, { ...measured, latency: null });
    expect(unmeasured.status).toBe('finished');
    const records = unmeasured.events.flatMap((e) => (e.type === 'subnet' ? [e.record] : []));
    expect(records.length).toBeGreaterThan(0);
    for (const r of records) expect(r.latencyMs).toBeNull();
    expect(unmeasured.events.some((e) => e.type === 'latency-check')).toBe(false);
    // A latency bound cannot be checked without the table.
    const constraints = { ...NO_CONSTRAINTS, maxLatencyMs: 1 };
    const bounded = microSpec({ ...sposOf('random'), constraints });
    expect(failure(await runAll(bounded, data, { ...measured, latency: null }))).toMatch(
      /The checkpoint does not fit this experiment: it has no latency table, so the latency bound of 1 ms cannot be checked\./,
    );
  });

  it('refuses a checkpoint of another strategy or network, or holding alphas', async () => {
    const spec = microSpec(sposOf('random'));
    const darts = await runAll(microSpec(testStrategy(1, 2, 8)), data);
    const dartsMark = checkpointsOf(darts.events)[0]?.c;
    if (!dartsMark) throw new Error('no DARTS checkpoint');
    expect(failure(await runAll(spec, data, dartsMark))).toMatch(
      /The checkpoint does not fit this experiment: it was saved by a DARTS \(differentiable\) run, and this experiment runs Single Path One-Shot\./,
    );
    const relabelled: RunCheckpoint = { ...dartsMark, strategy: 'spos' };
    expect(failure(await runAll(spec, data, relabelled))).toMatch(
      /The checkpoint does not fit this experiment: it holds 2 alpha tensor\(s\), and this run has 0\./,
    );
    const full = await runAll(spec, data);
    const mark = checkpointsOf(full.events)[0]?.c;
    if (!mark) throw new Error('no checkpoint');
    const space = microDarts();
    const wider = { ...spec, space: { ...space, macro: { ...space.macro, channels: 3 } } };
    expect(failure(await runAll(wider, data, mark))).toMatch(
      /The checkpoint does not fit this experiment: weight tensor \d+ has shape/,
    );
    const midEpoch: RunCheckpoint = { ...mark, step: mark.step + 1 };
    expect(failure(await runAll(spec, data, midEpoch))).toMatch(
      /it stands at step 4 \(epoch 1\), which is not the end of an epoch of this run/,
    );
  });

  it('stops a resumed run at the next gate', async () => {
    const spec = microSpec(sposOf('random'));
    const full = await runAll(spec, data);
    const mark = checkpointsOf(full.events)[0]?.c;
    if (!mark) throw new Error('no checkpoint');
    const control = createRunControl();
    control.stop();
    const events: { type: string }[] = [];
    const status = await runExperiment(spec, data, control, (e) => events.push(e), mark);
    expect(status).toBe('stopped');
    expect(events.map((e) => e.type)).toEqual(['started', 'status', 'status']);
  });
});
