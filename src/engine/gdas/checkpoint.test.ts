import { beforeAll, describe, expect, it } from 'vitest';
import type { RunCheckpoint } from '../../core/run/checkpoint';
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
import { testGdas } from './gdas.testkit';

/** GDAS for 3 epochs of 3 steps (24 training examples, batch 8). */
const gdas = testGdas(3, 8);
const data = microData();

describe('GDAS runs, checkpoints and resume', () => {
  beforeAll(async () => {
    await initNodeBackend('wasm');
  });

  it('two runs of one seed give identical events, genotypes and metrics; another seed samples otherwise', async () => {
    await expectIdenticalRuns(microSpec(gdas), data);
    const a = await runAll(microSpec(gdas, 5), data);
    const b = await runAll(microSpec(gdas, 6), data);
    const alphas = (r: typeof a) => r.events.filter((e) => e.type === 'alphas');
    expect(alphas(b)).not.toEqual(alphas(a));
  });

  it('emits the DARTS events: steps, alphas, evals, diagnostics, a derived subnet and a finished genotype', async () => {
    const { status, events } = await runAll(microSpec(gdas), data);
    expect(status).toBe('finished');
    const types = new Set(events.map((e) => e.type));
    for (const t of ['started', 'step', 'alphas', 'genotype', 'eval', 'diagnostics', 'subnet'])
      expect(types.has(t as (typeof events)[number]['type'])).toBe(true);
    expect(events.filter((e) => e.type === 'step')).toHaveLength(9);
    const last = events[events.length - 1];
    expect(last?.type).toBe('finished');
    const subnet = events.find((e) => e.type === 'subnet');
    expect(subnet?.type === 'subnet' && subnet.record.origin).toBe('derived');
  });

  it('resumes from every checkpoint onto the uninterrupted trajectory, bit for bit', async () => {
    const spec = microSpec(gdas);
    const full = await runAll(spec, data);
    const marks = checkpointsOf(full.events);
    expect(marks.map(({ c }) => [c.strategy, c.epoch, c.step])).toEqual([
      ['gdas', 1, 3],
      ['gdas', 2, 6],
    ]);
    for (const { at, c } of marks) {
      const resumed = await runAll(spec, data, c);
      expectSameContinuation(full, at, resumed);
      expect(resumed.events.some((e) => e.type === 'step' && e.step <= c.step)).toBe(false);
    }
  });

  it('refuses a DARTS checkpoint', async () => {
    const spec = microSpec(gdas);
    const full = await runAll(spec, data);
    const mark = checkpointsOf(full.events)[0];
    if (!mark) throw new Error('no checkpoint');
    const darts: RunCheckpoint = { ...mark.c, strategy: 'darts' };
    expect(failure(await runAll(spec, data, darts))).toMatch(
      /it was saved by a DARTS \(differentiable\) run, and this experiment runs GDAS \(Gumbel sampling\)/,
    );
  });
});
