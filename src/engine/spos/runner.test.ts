import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { subnetCost, subnetRange } from '../../core/cost/network-cost';
import { loadDataset } from '../../core/data/load';
import { defaultExperiment, defaultSpos, NO_CONSTRAINTS } from '../../core/experiment/defaults';
import type { ExperimentSpec, LoadedDataset, SposStrategySpec } from '../../core/experiment/spec';
import { validateExperiment } from '../../core/experiment/validate';
import { createRunControl, type RunControl } from '../../core/run/control';
import type { RunEvent, RunPhase, RunStatus, SubnetRecord } from '../../core/run/protocol';
import { spaceSize } from '../../core/search-space/size';
import { initNodeBackend } from '../node-backend';
import { runExperiment } from '../runner';

const noMnist = (): Promise<Uint8Array> => Promise.reject(new Error('MNIST is not used here'));

/** The teaching preset on circles with SPOS cut to a tiny budget. */
function tiny(seed: number, over: Partial<SposStrategySpec> = {}): ExperimentSpec {
  const base = defaultExperiment('teaching', 'circles', seed);
  const dataset = { ...base.dataset, samples: 120 };
  const strategy: SposStrategySpec = {
    ...defaultSpos(dataset, spaceSize(base.space)),
    epochs: 2,
    batchSize: 16,
    generations: 2,
    population: 4,
    topK: 2,
    mutations: 2,
    crossovers: 2,
    samples: 5,
    calibrationBatches: 2,
    ...over,
  };
  return { ...base, dataset, strategy };
}

async function run(
  spec: ExperimentSpec,
  onEvent: (e: RunEvent, control: RunControl) => void = () => undefined,
): Promise<{ status: RunStatus; events: RunEvent[]; data: LoadedDataset }> {
  const data = await loadDataset(spec.dataset, spec.seed, noMnist);
  const control = createRunControl();
  const events: RunEvent[] = [];
  const status = await runExperiment(spec, data, control, (e) => {
    events.push(e);
    onEvent(e, control);
  });
  return { status, events, data };
}

const records = (events: RunEvent[]): SubnetRecord[] =>
  events.flatMap((e) => (e.type === 'subnet' ? [e.record] : []));

const progress = (events: RunEvent[], phase: RunPhase): { done: number; total: number }[] =>
  events.flatMap((e) => (e.type === 'progress' && e.phase === phase ? [e] : []));

describe('runSpos (through runExperiment)', () => {
  beforeAll(async () => {
    await initNodeBackend('wasm');
  });

  it('trains the supernet, searches, finishes and frees every tensor', async () => {
    const spec = tiny(3);
    expect(validateExperiment(spec)).toEqual([]);
    const before = tf.memory().numTensors;
    const { status, events, data } = await run(spec);
    expect(status).toBe('finished');
    expect(tf.memory().numTensors).toBe(before);
    const started = events[0];
    if (started?.type !== 'started') throw new Error('the first event is not "started"');
    expect(started.totalSteps).toBe(2 * Math.ceil(data.train.count / 16));
    const phases = events.flatMap((e) => (e.type === 'phase' ? [e.phase] : []));
    expect(phases).toEqual(['supernet', 'latency', 'search', 'check']);
    const steps = events.flatMap((e) => (e.type === 'step' ? [e] : []));
    expect(steps.map((s) => s.step)).toEqual(
      Array.from({ length: started.totalSteps }, (_, i) => i + 1),
    );
    for (const s of steps) {
      expect(Number.isFinite(s.trainLoss)).toBe(true);
      expect(Number.isNaN(s.alphaLoss)).toBe(true);
    }
    expect(events.some((e) => e.type === 'alphas')).toBe(false);
    const recs = records(events);
    expect(recs.length).toBeGreaterThan(0);
    expect(new Set(recs.map((r) => r.key)).size).toBe(recs.length);
    for (const r of recs) {
      expect(r.evaluation).toBe('inherited');
      expect(r.latencyMs !== null && Number.isFinite(r.latencyMs) && r.latencyMs > 0).toBe(true);
    }
    const search = progress(events, 'search');
    expect(search.map((p) => p.done)).toEqual(recs.map((_, i) => i + 1));
    for (const p of search) expect(p.total).toBe(2 * 4);
    const finished = events[events.length - 1];
    if (finished?.type !== 'finished') throw new Error('the last event is not "finished"');
    expect(finished.weights).toEqual({});
    const best = Math.max(...recs.map((r) => r.accuracy));
    const bestRecord = recs.find((r) => r.accuracy === best);
    expect(finished.genotype).toEqual(bestRecord?.genotype);
    expect(finished.metrics.validAcc).toBeCloseTo(best, 6);
    for (const v of Object.values(finished.metrics)) expect(Number.isFinite(v)).toBe(true);
  });

  it('never reports a subnet that breaks a tight params bound, and prices records as core does', async () => {
    const base = tiny(5);
    const data = await loadDataset(base.dataset, base.seed, noMnist);
    const range = subnetRange(base.space, data.input, data.classes);
    const maxParams = Math.round(range.params.min + 0.3 * (range.params.max - range.params.min));
    const spec = tiny(5, { constraints: { ...NO_CONSTRAINTS, maxParams } });
    const { status, events } = await run(spec);
    expect(status).toBe('finished');
    const recs = records(events);
    expect(recs.length).toBeGreaterThan(0);
    for (const r of recs) {
      expect(r.params).toBeLessThanOrEqual(maxParams);
      expect(subnetCost(spec.space, r.genotype, data.input, data.classes)).toEqual({
        params: r.params,
        flops: r.flops,
      });
    }
  });

  it('meets a FLOPs bound with random search too', async () => {
    const base = tiny(6);
    const data = await loadDataset(base.dataset, base.seed, noMnist);
    const range = subnetRange(base.space, data.input, data.classes);
    const maxFlops = Math.round((range.flops.min + range.flops.max) / 2);
    const spec = tiny(6, { search: 'random', constraints: { ...NO_CONSTRAINTS, maxFlops } });
    const { status, events } = await run(spec);
    expect(status).toBe('finished');
    const recs = records(events);
    expect(recs.length).toBeGreaterThan(0);
    expect(recs.length).toBeLessThanOrEqual(5);
    for (const r of recs) {
      expect(r.flops).toBeLessThanOrEqual(maxFlops);
      expect(r.generation).toBe(0);
      expect(r.origin).toBe('random');
    }
  });

  it('scores every candidate on one fixed validation subset and the winner on the whole split', async () => {
    const whole = await run(tiny(12, { validSubset: 1000 }));
    const { status, events, data } = await run(tiny(12, { validSubset: 20 }));
    expect(status).toBe('finished');
    expect(data.valid.count).toBe(48);
    const phase = events.find((e) => e.type === 'phase' && e.phase === 'search');
    expect(phase?.type === 'phase' && phase.message).toMatch(
      /scored on the same 20 of the 48 validation examples\.$/,
    );
    const recs = records(events);
    expect(recs.length).toBeGreaterThan(1);
    for (const r of recs) expect(r.accuracy * 20).toBeCloseTo(Math.round(r.accuracy * 20), 9);
    const finished = events[events.length - 1];
    if (finished?.type !== 'finished') throw new Error('the last event is not "finished"');
    const valid = finished.metrics.validAcc * 48;
    expect(valid).toBeCloseTo(Math.round(valid), 9);
    // The subset draws from its own stream: supernet training is the same as with the whole split.
    const losses = (e: RunEvent[]): number[] =>
      e.flatMap((x) => (x.type === 'step' ? [x.trainLoss] : []));
    expect(losses(events)).toEqual(losses(whole.events));
    const wholePhase = whole.events.find((e) => e.type === 'phase' && e.phase === 'search');
    expect(wholePhase?.type === 'phase' && wholePhase.message).toMatch(
      /scored on all 48 validation examples\.$/,
    );
  });

  it('gives identical records for the same seed', async () => {
    const a = records((await run(tiny(7))).events);
    const b = records((await run(tiny(7))).events);
    expect(a.length).toBeGreaterThan(0);
    expect(b).toEqual(a);
  });

  it('stops during the search and frees every tensor', async () => {
    const before = tf.memory().numTensors;
    const { status, events } = await run(tiny(8), (e, control) => {
      if (e.type === 'subnet') control.stop();
    });
    expect(status).toBe('stopped');
    expect(tf.memory().numTensors).toBe(before);
    expect(records(events)).toHaveLength(1);
    expect(events.some((e) => e.type === 'finished')).toBe(false);
    const last = events[events.length - 1];
    expect(last?.type === 'status' && last.status).toBe('stopped');
  });

  it('stops during supernet training', async () => {
    const { status, events } = await run(tiny(9), (e, control) => {
      if (e.type === 'step' && e.step === 2) control.stop();
    });
    expect(status).toBe('stopped');
    expect(events.some((e) => e.type === 'phase' && e.phase === 'search')).toBe(false);
  });
  it('measures the latency table, keeps records within a latency bound and checks a few subnets end to end', async () => {
    const free = await run(tiny(10, { search: 'random', samples: 8 }));
    expect(free.status).toBe('finished');
    const table = free.events.find((e) => e.type === 'latency-table');
    if (table?.type !== 'latency-table') throw new Error('no latency-table event');
    expect(table.table.entries).toBeGreaterThan(0);
    expect(table.table.measured + table.table.reused).toBe(table.table.entries);
    expect(table.table.batch).toBe(1);
    const latencies = records(free.events).map((r) => r.latencyMs ?? Number.NaN);
    const sorted = [...latencies].sort((a, b) => a - b);
    const median = sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
    expect(Number.isFinite(median)).toBe(true);
    // The bound bites: some subnet of the unbounded run is slower than it.
    expect(sorted[sorted.length - 1]).toBeGreaterThan(median);
    const bound = tiny(10, {
      search: 'random',
      samples: 8,
      constraints: { ...NO_CONSTRAINTS, maxLatencyMs: median },
    });
    const { status, events } = await run(bound);
    expect(status).toBe('finished');
    const recs = records(events);
    expect(recs.length).toBeGreaterThan(0);
    for (const r of recs) expect(r.latencyMs ?? Infinity).toBeLessThanOrEqual(median);
    const check = events.find((e) => e.type === 'latency-check');
    if (check?.type !== 'latency-check') throw new Error('no latency-check event');
    expect(check.checks.length).toBeGreaterThan(0);
    expect(check.checks.length).toBeLessThanOrEqual(5);
    const byKey = new Map(recs.map((r) => [r.key, r]));
    for (const c of check.checks) {
      expect(c.predictedMs).toBe(byKey.get(c.key)?.latencyMs);
      expect(Number.isFinite(c.measuredMs) && c.measuredMs > 0).toBe(true);
    }
    const best = [...recs].sort((a, b) => b.accuracy - a.accuracy)[0];
    expect(check.checks.map((c) => c.key)).toContain(best?.key);
    expect(progress(events, 'check').map((p) => p.done)).toEqual(
      Array.from({ length: check.checks.length + 1 }, (_, i) => i),
    );
  });

  it('stops while timing subnets end to end, without finishing', async () => {
    const before = tf.memory().numTensors;
    const { status, events } = await run(tiny(11), (e, control) => {
      if (e.type === 'phase' && e.phase === 'check') control.stop();
    });
    expect(status).toBe('stopped');
    expect(tf.memory().numTensors).toBe(before);
    expect(events.some((e) => e.type === 'latency-check' || e.type === 'finished')).toBe(false);
  });
});
