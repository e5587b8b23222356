import { beforeAll, describe, expect, it } from 'vitest';
import type { RunCheckpoint } from '../../core/run/checkpoint';
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
import { testStrategy } from '../spaces.testkit';
import { microEvolution } from './multi-trial.testkit';

const data = microData();

describe('multi-trial checkpoints and resume', () => {
  beforeAll(async () => {
    await initNodeBackend('wasm');
  });

  it('two runs of one spec give identical genotypes and metrics', async () => {
    await expectIdenticalRuns(microSpec(microEvolution()), data);
  });

  it('checkpoints after the latency phase and after every trial, with the trials so far', async () => {
    const { events } = await runAll(microSpec(microEvolution()), data);
    const marks = checkpointsOf(events);
    expect(marks.map(({ c }) => [c.epoch, c.step, c.trials.length])).toEqual([
      [0, 0, 0],
      [1, 3, 1],
      [2, 6, 2],
      [3, 9, 3],
      [4, 12, 4],
    ]);
    expect(events[(marks[0]?.at ?? 0) - 1]?.type).toBe('latency-table');
    const records = events.flatMap((e) => (e.type === 'subnet' ? [e.record] : []));
    for (const { at, c } of marks.slice(1)) {
      expect(events[at - 1]).toMatchObject({ type: 'progress', phase: 'search', done: c.epoch });
      expect(c.trials.map((m) => m.key)).toEqual(records.slice(0, c.epoch).map((r) => r.key));
      expect(c.trials.map((m) => m.validAcc)).toEqual(
        records.slice(0, c.epoch).map((r) => r.accuracy),
      );
    }
    for (const { c } of marks) {
      expect(c.strategy).toBe('multi-trial');
      expect([c.weights, c.alphas, c.velocity, c.adamM, c.adamS]).toEqual([[], [], [], [], []]);
      expect(c.latency?.backend).toBe('wasm');
    }
  });

  it('a run resumed from any checkpoint continues the same trajectory without training the finished trials again', async () => {
    const spec = microSpec(microEvolution());
    const full = await runAll(spec, data);
    expect(full.status).toBe('finished');
    for (const { at, c } of checkpointsOf(full.events)) {
      const resumed = await runAll(spec, data, c);
      expectSameContinuation(full, at, resumed);
      const steps = resumed.events.flatMap((e) => (e.type === 'step' ? [e.step] : []));
      expect(steps.every((s) => s > c.step)).toBe(true);
      expect(resumed.events.some((e) => e.type === 'latency-table')).toBe(false);
    }
  });

  it('refuses a checkpoint of another strategy, holding tensors, or whose trials the search does not propose', async () => {
    const spec = microSpec(microEvolution());
    const darts = await runAll(microSpec(testStrategy(1, 2, 8)), data);
    const dartsMark = checkpointsOf(darts.events)[0]?.c;
    if (!dartsMark) throw new Error('no DARTS checkpoint');
    expect(failure(await runAll(spec, data, dartsMark))).toMatch(
      /The checkpoint does not fit this experiment: it was saved by a DARTS \(differentiable\) run/,
    );
    const withWeights: RunCheckpoint = { ...dartsMark, strategy: 'multi-trial', epoch: 0, step: 0 };
    expect(failure(await runAll(spec, data, withWeights))).toMatch(
      /The checkpoint does not fit this experiment: it holds \d+ weight tensor\(s\), and this run has 0\./,
    );
    const full = await runAll(spec, data);
    const mark = checkpointsOf(full.events)[2]?.c;
    const [first, second] = mark?.trials ?? [];
    if (!mark || !first || !second) throw new Error('no checkpoint after two trials');
    const swapped: RunCheckpoint = { ...mark, trials: [second, first] };
    expect(failure(await runAll(spec, data, swapped))).toMatch(
      /The checkpoint does not fit this experiment: its trial 1 trained .+, and this run's search now proposes .+\./,
    );
    const tooMany: RunCheckpoint = { ...mark, epoch: 3 };
    expect(failure(await runAll(spec, data, tooMany))).toMatch(
      /it records 2 finished trial\(s\) of 6 step\(s\) at trial 3, step 6/,
    );
  });
});
