import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../core/data/load';
import { defaultExperiment, defaultZeroCost } from '../../core/experiment/defaults';
import type {
  ExperimentSpec,
  LoadedDataset,
  ZeroCostStrategySpec,
} from '../../core/experiment/spec';
import { validateExperiment } from '../../core/experiment/validate';
import { enumerateGenotypes } from '../../core/proxies/enumerate';
import { PROXY_NAMES } from '../../core/proxies/names';
import { createRunControl } from '../../core/run/control';
import type { RunEvent, SubnetRecord } from '../../core/run/protocol';
import { spaceSize } from '../../core/search-space/size';
import { genotypeKey } from '../../core/strategies/genotype-key';
import {
  checkpointsOf,
  expectSameContinuation,
  runAll,
  type CollectedRun,
} from '../checkpoint-runs.testkit';
import { initNodeBackend } from '../node-backend';
import { createProxyScorer, PROXY_BATCH_SIZE } from '../proxies/scorer';
import { runExperiment } from '../runner';

const noMnist = (): Promise<Uint8Array> => Promise.reject(new Error('MNIST is not used here'));

/** The teaching preset with 2 ops per edge (64 architectures) on a small spiral: scored whole, the top `topK` trained for one epoch. */
function tiny(over: Partial<ZeroCostStrategySpec> = {}): ExperimentSpec {
  const preset = defaultExperiment('teaching', 'spiral', 3);
  const normal = {
    ...preset.space.normal,
    edges: preset.space.normal.edges.map((e) => ({ ...e, ops: e.ops.slice(0, 2) })),
  };
  const base = { ...preset, space: { ...preset.space, normal } };
  const dataset = { ...base.dataset, samples: 80 };
  const strategy: ZeroCostStrategySpec = {
    ...defaultZeroCost(dataset, 'teaching'),
    epochs: 1,
    batchSize: 16,
    topK: 2,
    calibrationBatches: 1,
    proxy: 'snip',
    ...over,
  };
  return { ...base, dataset, strategy };
}

const subnets = (events: readonly RunEvent[]): SubnetRecord[] =>
  events.flatMap((e) => (e.type === 'subnet' ? [e.record] : []));
const updates = (events: readonly RunEvent[]): SubnetRecord[] =>
  events.flatMap((e) => (e.type === 'subnet-update' ? [e.record] : []));

describe('runZeroCost (through runExperiment)', () => {
  let spec: ExperimentSpec;
  let data: LoadedDataset;
  let full: CollectedRun;

  beforeAll(async () => {
    await initNodeBackend('cpu');
    spec = tiny();
    expect(validateExperiment(spec)).toEqual([]);
    expect(spaceSize(spec.space)).toBe(64n);
    data = await loadDataset(spec.dataset, spec.seed, noMnist);
    full = await runAll(spec, data);
  }, 120_000);

  it('scores every architecture of a small space exactly once, with the scorer’s scores', async () => {
    expect(full.status).toBe('finished');
    const all = enumerateGenotypes(spec.space);
    const scored = subnets(full.events);
    expect(scored.map((r) => r.key)).toEqual(all.map((g) => genotypeKey(spec.space, g)));
    expect(new Set(scored.map((r) => r.key)).size).toBe(all.length);
    const scorer = createProxyScorer(data, { seed: spec.seed, batchSize: PROXY_BATCH_SIZE });
    try {
      for (const [i, g] of all.entries()) {
        const direct = await scorer.score(spec.space, g, ['snip']);
        const r = scored[i];
        expect(r?.evaluation).toBe('proxy');
        expect(r?.proxies?.snip).toBe(direct.proxies.snip);
        expect([r?.params, r?.flops]).toEqual([direct.params, direct.flops]);
      }
    } finally {
      scorer.dispose();
    }
  }, 120_000);

  it('trains the top k by the proxy, scored with every proxy', () => {
    const scored = subnets(full.events);
    const best = [...scored]
      .sort((a, b) => (b.proxies?.snip ?? 0) - (a.proxies?.snip ?? 0))
      .slice(0, 2)
      .map((r) => r.key);
    const trained = updates(full.events);
    expect(trained.map((r) => r.key)).toEqual(best);
    for (const r of trained) {
      expect(r.evaluation).toBe('standalone');
      expect(r.accuracy).toBeGreaterThanOrEqual(0);
      expect(Object.keys(r.proxies ?? {}).sort()).toEqual([...PROXY_NAMES].sort());
      expect(r.proxies?.snip).toBe(scored.find((s) => s.key === r.key)?.proxies?.snip);
    }
    const end = full.events[full.events.length - 1];
    if (end?.type !== 'finished') throw new Error('no finished event');
    const winner = trained.reduce((a, b) => (b.accuracy > a.accuracy ? b : a));
    expect(genotypeKey(spec.space, end.genotype)).toBe(winner.key);
    expect(end.metrics.validAcc).toBe(winner.accuracy);
  });

  it('resumes bit for bit from a checkpoint while scoring and one while training', async () => {
    const points = checkpointsOf(full.events);
    const scoring = points.find(
      (p) => (p.c.zeroCost?.scores.length ?? 0) < subnets(full.events).length,
    );
    const training = points.find((p) => p.c.trials.length === 1);
    for (const p of [scoring, training]) {
      if (p === undefined) throw new Error('missing checkpoint');
      const resumed = await runAll(spec, data, p.c);
      expectSameContinuation(full, p.at, resumed);
    }
  }, 120_000);

  it('refuses a checkpoint that does not fit the run, with a plain message', async () => {
    const last = checkpointsOf(full.events).at(-1);
    if (last === undefined) throw new Error('no checkpoint');
    const other = { ...spec, strategy: { ...tiny().strategy, topK: 1 } };
    const resumed = await runAll(other, data, last.c);
    expect(resumed.status).toBe('failed');
    const end = resumed.events.at(-1);
    expect(end?.type === 'status' ? end.message : '').toContain('this run scores 64 and trains 1');
  });

  it('stops when cancelled while scoring, and disposes every tensor', async () => {
    const before = tf.memory().numTensors;
    const control = createRunControl();
    const events: RunEvent[] = [];
    const status = await runExperiment(spec, data, control, (e) => {
      events.push(e);
      if (e.type === 'subnet' && subnets(events).length === 3) control.stop();
    });
    expect(status).toBe('stopped');
    expect(subnets(events)).toHaveLength(3);
    expect(updates(events)).toHaveLength(0);
    expect(tf.memory().numTensors).toBe(before);
  });
});
