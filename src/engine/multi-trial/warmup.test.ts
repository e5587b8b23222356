import { beforeAll, describe, expect, it } from 'vitest';
import type { MultiTrialStrategySpec } from '../../core/experiment/spec';
import { createRunControl } from '../../core/run/control';
import type { RunEvent } from '../../core/run/protocol';
import { spaceSize } from '../../core/search-space/size';
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
import { runExperiment } from '../runner';
import { microDarts } from '../spaces.testkit';
import { microEvolution } from './multi-trial.testkit';
import { WARMUP_SCORES_PER_CHECKPOINT } from './warmup';

/** Evolution over 4 trials of one 3-step epoch, population 2, its first population from a synflow warm-up of 60. */
function warm(over: Partial<MultiTrialStrategySpec> = {}): MultiTrialStrategySpec {
  return {
    ...microEvolution(),
    warmupProxy: 'synflow',
    warmupPool: 60,
    ...over,
  };
}

const data = microData();
const records = (events: readonly RunEvent[]) =>
  events.flatMap((e) => (e.type === 'subnet' ? [e.record] : []));

describe('multi-trial evolution with a zero-cost warm-up', () => {
  beforeAll(async () => {
    await initNodeBackend('wasm');
  });

  it('scores the pool, then starts evolution from its best-scored members', async () => {
    expect(spaceSize(microDarts())).toBeGreaterThan(60n);
    const { status, events } = await runAll(microSpec(warm()), data);
    expect(status).toBe('finished');
    const pool = events.flatMap((e) =>
      e.type === 'progress' && e.phase === 'search' && e.total === 60 ? [e.done] : [],
    );
    expect(pool).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    const marks = checkpointsOf(events);
    expect(marks.map(({ c }) => [c.epoch, c.warmup?.scores.length])).toEqual([
      [0, 0],
      [0, WARMUP_SCORES_PER_CHECKPOINT],
      [0, 60],
      [1, 60],
      [2, 60],
      [3, 60],
      [4, 60],
    ]);
    const scores = Array.from(marks[marks.length - 1]?.c.warmup?.scores ?? []);
    const best = scores.filter((s) => !Number.isNaN(s)).sort((a, b) => b - a);
    const recs = records(events);
    expect(recs.map((r) => r.origin)).toEqual(['warmup', 'warmup', 'mutation', 'mutation']);
    expect(recs.slice(0, 2).map((r) => r.proxies?.synflow)).toEqual(best.slice(0, 2));
    expect(recs.slice(2).every((r) => r.proxies === undefined)).toBe(true);
    const phases = events.flatMap((e) => (e.type === 'phase' ? [e.message] : []));
    expect(phases[1]).toMatch(/^Warm-up: scoring 60 architecture\(s\) with synflow/);
    expect(phases[2]).toMatch(/first population from the synflow warm-up/);
  });

  it('two runs of one spec are identical', async () => {
    await expectIdenticalRuns(microSpec(warm()), data);
  });

  it('a run resumed from any checkpoint, during the warm-up or after, continues bit for bit', async () => {
    const spec = microSpec(warm());
    const full = await runAll(spec, data);
    for (const { at, c } of checkpointsOf(full.events)) {
      const resumed = await runAll(spec, data, c);
      expectSameContinuation(full, at, resumed);
    }
  });

  it('stops during the warm-up, and refuses checkpoints that do not fit it', async () => {
    const spec = microSpec(warm());
    const control = createRunControl();
    const events: RunEvent[] = [];
    const status = await runExperiment(spec, data, control, (e) => {
      events.push(e);
      if (e.type === 'progress' && e.phase === 'search' && e.done === 10) control.stop();
    });
    expect(status).toBe('stopped');
    expect(records(events)).toHaveLength(0);
    const last = events[events.length - 1];
    expect(last?.type === 'status' && last.message).toBe(
      'The run was stopped during the warm-up, after scoring 10 architecture(s).',
    );
    const plain = await runAll(microSpec(warm({ warmupProxy: 'none' })), data);
    const plainMark = checkpointsOf(plain.events)[1]?.c;
    const warmMark = checkpointsOf((await runAll(spec, data)).events)[1]?.c;
    if (!plainMark || !warmMark) throw new Error('no checkpoints');
    expect(failure(await runAll(spec, data, plainMark))).toMatch(/carries no warm-up scores/);
    expect(failure(await runAll(microSpec(warm({ warmupProxy: 'none' })), data, warmMark))).toMatch(
      /carries warm-up scores, and this run has no zero-cost warm-up/,
    );
    const shortPool = microSpec(warm({ warmupPool: 40 }));
    expect(failure(await runAll(shortPool, data, warmMark))).toMatch(
      /it records 50 warm-up score\(s\) and 0 trial\(s\), and this run's warm-up pool holds 40/,
    );
  });
});
