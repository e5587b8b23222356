import { beforeAll, describe, expect, it } from 'vitest';
import type { DartsStrategySpec } from '../../core/experiment/spec';
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
import { microDarts, testStrategy } from '../spaces.testkit';

/** DARTS of `order` for 3 epochs of 3 steps (24 training examples, batch 8). */
const darts = (order: 1 | 2): DartsStrategySpec => testStrategy(order, 3, 8);

const data = microData();

describe('DARTS checkpoints and resume', () => {
  beforeAll(async () => {
    await initNodeBackend('wasm');
  });

  it('two runs of one spec give identical genotypes and metrics', async () => {
    await expectIdenticalRuns(microSpec(darts(1)), data);
  });

  it('emits a checkpoint after each epoch but the last, right after its eval and diagnostics', async () => {
    const { events } = await runAll(microSpec(darts(1)), data);
    const marks = checkpointsOf(events);
    expect(marks.map(({ c }) => [c.strategy, c.epoch, c.step])).toEqual([
      ['darts', 1, 3],
      ['darts', 2, 6],
    ]);
    for (const { at, c } of marks) {
      expect(events[at - 2]).toMatchObject({ type: 'eval', epoch: c.epoch, step: c.step });
      expect(events[at - 1]).toMatchObject({ type: 'diagnostics', epoch: c.epoch, step: c.step });
      expect(c.diagnostics?.ranking).not.toBeNull();
      expect(c.weights.length).toBeGreaterThan(0);
      expect(c.velocity.map((v) => v.shape)).toEqual(c.weights.map((w) => w.shape));
      // Alphas of the normal and the reduction cell, and Adam's moments for each.
      expect(c.alphas).toHaveLength(2);
      expect(c.adamM.map((m) => m.shape)).toEqual(c.alphas.map((a) => a.shape));
      expect(c.adamS.map((s) => s.shape)).toEqual(c.alphas.map((a) => a.shape));
      expect(c.adamT).toBe(c.step);
      expect(c.trials).toEqual([]);
      expect(c.latency).toBeNull();
    }
  });

  for (const order of [1, 2] as const) {
    it(`order ${order}: a run resumed from a mid-run checkpoint continues the same trajectory`, async () => {
      const spec = microSpec(darts(order));
      const full = await runAll(spec, data);
      expect(full.status).toBe('finished');
      const marks = checkpointsOf(full.events);
      const picked = order === 1 ? marks : marks.slice(0, 1);
      for (const { at, c } of picked) {
        const resumed = await runAll(spec, data, c);
        expectSameContinuation(full, at, resumed);
        expect(resumed.events.some((e) => e.type === 'step' && e.step <= c.step)).toBe(false);
        const firstStep = resumed.events.find((e) => e.type === 'step');
        expect(firstStep?.type === 'step' && firstStep.elapsedMs).toBeGreaterThanOrEqual(
          c.activeMs,
        );
      }
    });
  }

  it('refuses a checkpoint of another strategy, layout version or network, freeing every tensor', async () => {
    const spec = microSpec(darts(1));
    const full = await runAll(spec, data);
    const mark = checkpointsOf(full.events)[0];
    if (!mark) throw new Error('no checkpoint');
    const spos: RunCheckpoint = { ...mark.c, strategy: 'spos' };
    expect(failure(await runAll(spec, data, spos))).toMatch(
      /^The run failed at step 0: The checkpoint does not fit this experiment: it was saved by a Single Path One-Shot run, and this experiment runs DARTS/,
    );
    const newer: RunCheckpoint = { ...mark.c, version: mark.c.version + 1 };
    expect(failure(await runAll(spec, data, newer))).toMatch(
      /The checkpoint does not fit this experiment: it was saved in checkpoint layout 2/,
    );
    const space = microDarts();
    const wider = { ...spec, space: { ...space, macro: { ...space.macro, channels: 3 } } };
    const run = await runAll(wider, data, mark.c);
    expect(failure(run)).toMatch(
      /The checkpoint does not fit this experiment: weight tensor \d+ has shape \[[\d, ]+\] in the checkpoint and \[[\d, ]+\] in this run\./,
    );
    expect(run.events.map((e) => e.type)).toEqual(['status']);
    const early = { ...spec, strategy: { ...darts(1), epochs: 1 } };
    expect(failure(await runAll(early, data, mark.c))).toMatch(
      /it stands at step 3 \(epoch 1\), which is not the end of an epoch before the last of this run/,
    );
  });
});
