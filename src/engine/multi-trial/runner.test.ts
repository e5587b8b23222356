import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { subnetRange } from '../../core/cost/network-cost';
import { loadDataset } from '../../core/data/load';
import {
  defaultExperiment,
  defaultMultiTrial,
  NO_CONSTRAINTS,
} from '../../core/experiment/defaults';
import type {
  ExperimentSpec,
  LoadedDataset,
  MultiTrialStrategySpec,
} from '../../core/experiment/spec';
import { validateExperiment } from '../../core/experiment/validate';
import { createRunControl, type RunControl } from '../../core/run/control';
import type { RunEvent, RunStatus, SubnetRecord } from '../../core/run/protocol';
import { spaceSize } from '../../core/search-space/size';
import { trialBudget, trialSeed } from './runner';
import { initNodeBackend } from '../node-backend';
import { runExperiment } from '../runner';
import { trainStandalone } from '../standalone';

const noMnist = (): Promise<Uint8Array> => Promise.reject(new Error('MNIST is not used here'));

/** The teaching preset on the spiral with a few short trials. */
function tiny(seed: number, over: Partial<MultiTrialStrategySpec> = {}): ExperimentSpec {
  const base = defaultExperiment('teaching', 'spiral', seed);
  const dataset = { ...base.dataset, samples: 100 };
  const strategy: MultiTrialStrategySpec = {
    ...defaultMultiTrial(dataset, spaceSize(base.space)),
    epochs: 1,
    batchSize: 16,
    trials: 4,
    population: 2,
    sample: 2,
    calibrationBatches: 1,
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

describe('runMultiTrial (through runExperiment)', () => {
  beforeAll(async () => {
    await initNodeBackend('wasm');
  });

  for (const search of ['random', 'evolution'] as const) {
    it(`${search}: trains each trial from scratch within a params bound, finishes and frees every tensor`, async () => {
      const probe = tiny(3);
      const data = await loadDataset(probe.dataset, probe.seed, noMnist);
      const range = subnetRange(probe.space, data.input, data.classes);
      const maxParams = Math.round((range.params.min + range.params.max) / 2);
      const spec = tiny(3, { search, constraints: { ...NO_CONSTRAINTS, maxParams } });
      expect(validateExperiment(spec)).toEqual([]);
      const before = tf.memory().numTensors;
      const { status, events } = await run(spec);
      expect(status).toBe('finished');
      expect(tf.memory().numTensors).toBe(before);
      const started = events[0];
      if (started?.type !== 'started') throw new Error('the first event is not "started"');
      const stepsPerTrial = Math.ceil(data.train.count / 16);
      expect(started.stepsPerEpoch).toBe(stepsPerTrial);
      expect(started.totalSteps).toBe(4 * stepsPerTrial);
      expect(started.paramCount).toBe(range.params.max);
      const phases = events.flatMap((e) => (e.type === 'phase' ? [e.phase] : []));
      expect(phases).toEqual(['latency', 'search', 'check']);
      const recs = records(events);
      expect(recs).toHaveLength(4);
      expect(new Set(recs.map((r) => r.key)).size).toBe(4);
      for (const r of recs) {
        expect(r.evaluation).toBe('standalone');
        expect(r.params).toBeLessThanOrEqual(maxParams);
        expect(r.accuracy).toBeGreaterThanOrEqual(0);
        expect(r.accuracy).toBeLessThanOrEqual(1);
        expect(r.latencyMs !== null && r.latencyMs > 0).toBe(true);
      }
      if (search === 'random') for (const r of recs) expect(r.origin).toBe('random');
      else expect(recs.slice(2).every((r) => r.origin === 'mutation')).toBe(true);
      const steps = events.flatMap((e) => (e.type === 'step' ? [e] : []));
      expect(steps.map((s) => s.step)).toEqual([1, 2, 3, 4].map((i) => i * stepsPerTrial));
      for (const s of steps) expect(Number.isFinite(s.trainLoss)).toBe(true);
      const search_ = events.flatMap((e) =>
        e.type === 'progress' && e.phase === 'search' ? [[e.done, e.total]] : [],
      );
      expect(search_).toEqual([1, 2, 3, 4].map((i) => [i, 4]));
      const finished = events[events.length - 1];
      if (finished?.type !== 'finished') throw new Error('the last event is not "finished"');
      const best = Math.max(...recs.map((r) => r.accuracy));
      expect(finished.genotype).toEqual(recs.find((r) => r.accuracy === best)?.genotype);
      expect(finished.metrics.validAcc).toBe(best);
      expect(Number.isFinite(finished.metrics.testAcc)).toBe(true);
      expect(Number.isNaN(finished.metrics.trainAcc)).toBe(true);
      expect(finished.step).toBe(4 * stepsPerTrial);
      expect(finished.weights).toEqual({});
    });
  }

  it('scores a trial exactly as a stand-alone training with the same seed and budget', async () => {
    const spec = tiny(4, { search: 'random', trials: 1 });
    const { events, data } = await run(spec);
    const [r] = records(events);
    if (!r || spec.strategy.kind !== 'multi-trial') throw new Error('no record');
    const alone = await trainStandalone(spec.space, r.genotype, data, {
      ...trialBudget(spec.strategy),
      seed: trialSeed(spec.seed, r.key),
      calibrationBatches: spec.strategy.calibrationBatches,
    });
    expect(r.accuracy).toBe(alone.valid.accuracy);
  });

  it('gives identical records for the same seed', async () => {
    const a = records((await run(tiny(7))).events);
    const b = records((await run(tiny(7))).events);
    expect(a).toHaveLength(4);
    expect(b.map((r) => [r.key, r.accuracy])).toEqual(a.map((r) => [r.key, r.accuracy]));
  });

  it('stops between trials', async () => {
    const before = tf.memory().numTensors;
    const { status, events } = await run(tiny(8), (e, control) => {
      if (e.type === 'subnet') control.stop();
    });
    expect(status).toBe('stopped');
    expect(tf.memory().numTensors).toBe(before);
    expect(records(events)).toHaveLength(1);
    expect(events.some((e) => e.type === 'finished' || e.type === 'latency-check')).toBe(false);
    const last = events[events.length - 1];
    expect(last?.type === 'status' && last.status).toBe('stopped');
  });

  it('stops in the middle of a trial, freeing every tensor', async () => {
    const spec = tiny(9, { epochs: 20 });
    const data = await loadDataset(spec.dataset, spec.seed, noMnist);
    const stepsPerTrial = 20 * Math.ceil(data.train.count / 16);
    const inner = createRunControl();
    // The stop arrives once the search has asked 10 times, a few training steps into trial 1
    // (the training asks before every step).
    let searching = false;
    let asked = 0;
    const control: RunControl = {
      ...inner,
      isStopped: () => (searching && ++asked > 10) || inner.isStopped(),
    };
    const events: RunEvent[] = [];
    const before = tf.memory().numTensors;
    const status = await runExperiment(spec, data, control, (e) => {
      events.push(e);
      if (e.type === 'phase' && e.phase === 'search') searching = true;
    });
    expect(status).toBe('stopped');
    expect(tf.memory().numTensors).toBe(before);
    expect(records(events)).toHaveLength(0);
    const last = events[events.length - 1];
    if (last?.type !== 'status') throw new Error('the last event is not a status');
    expect(last.status).toBe('stopped');
    expect(last.step).toBeGreaterThan(0);
    expect(last.step).toBeLessThan(stepsPerTrial);
  });

  it('gives each genotype its own trial seed', () => {
    expect(trialSeed(1, 'a')).toBe(trialSeed(1, 'a'));
    expect(trialSeed(1, 'a')).not.toBe(trialSeed(2, 'a'));
    expect(trialSeed(1, 'a')).not.toBe(trialSeed(1, 'b'));
    expect(Number.isInteger(trialSeed(7, 'normal[e0=dense_relu]'))).toBe(true);
  });
});
