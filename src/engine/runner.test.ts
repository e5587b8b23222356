import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { subnetCost } from '../core/cost/network-cost';
import { loadDataset } from '../core/data/load';
import { defaultDarts, defaultExperiment } from '../core/experiment/defaults';
import type { DartsStrategySpec, ExperimentSpec, LoadedDataset } from '../core/experiment/spec';
import { createRunControl, type RunControl } from '../core/run/control';
import type { RunEvent, RunStatus } from '../core/run/protocol';
import { genotypeKey } from '../core/strategies/genotype-key';
import { initNodeBackend } from './node-backend';
import { runExperiment } from './runner';

const noMnist = (): Promise<Uint8Array> => Promise.reject(new Error('MNIST is not used here'));

/** The teaching preset on the spiral, cut to `epochs` epochs. */
function teaching(
  seed: number,
  epochs: number,
  strategy: Partial<DartsStrategySpec> = {},
): ExperimentSpec {
  const spec = defaultExperiment('teaching', 'spiral', seed);
  const darts = defaultDarts(spec.dataset);
  return {
    ...spec,
    dataset: { ...spec.dataset, samples: 200 },
    strategy: { ...darts, epochs, ...strategy },
  };
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

const ofType = <T extends RunEvent['type']>(
  events: RunEvent[],
  type: T,
): Extract<RunEvent, { type: T }>[] =>
  events.filter((e): e is Extract<RunEvent, { type: T }> => e.type === type);

describe('runExperiment', () => {
  beforeAll(async () => {
    await initNodeBackend('wasm');
  });

  it('reports a whole run in order and frees every tensor', async () => {
    const before = tf.memory().numTensors;
    const { status, events, data } = await run(teaching(1, 2));
    expect(status).toBe('finished');
    expect(tf.memory().numTensors).toBe(before);
    const started = events[0];
    if (started?.type !== 'started') throw new Error('the first event is not "started"');
    expect(started.stepsPerEpoch).toBe(Math.ceil(data.train.count / 32));
    expect(started.totalSteps).toBe(2 * started.stepsPerEpoch);
    expect(started.cells.normal).toHaveLength(6);
    expect(started.paramCount).toBeGreaterThan(0);
    const steps = ofType(events, 'step');
    expect(steps.map((e) => e.step)).toEqual(
      Array.from({ length: started.totalSteps }, (_, i) => i + 1),
    );
    expect(ofType(events, 'alphas')).toHaveLength(started.totalSteps);
    expect(ofType(events, 'genotype')[0]?.step).toBe(1);
    expect(ofType(events, 'eval').map((e) => e.epoch)).toEqual([1, 2]);
    for (const s of steps) {
      expect(Number.isFinite(s.trainLoss) && Number.isFinite(s.alphaLoss)).toBe(true);
      expect(s.trainAcc).toBeGreaterThanOrEqual(0);
      expect(s.trainAcc).toBeLessThanOrEqual(1);
    }
    const finished = events[events.length - 1];
    if (finished?.type !== 'finished') throw new Error('the last event is not "finished"');
    expect(finished.step).toBe(started.totalSteps);
    expect(finished.genotype.normal.edges).toHaveLength(6);
    for (const v of Object.values(finished.metrics)) expect(Number.isFinite(v)).toBe(true);
    expect(finished.weights.normal).toHaveLength(30);
  });

  it('trains only the weights during warm-up epochs: alphas stay put and the alpha loss is NaN', async () => {
    const { status, events } = await run(teaching(1, 2, { warmupEpochs: 1 }));
    expect(status).toBe('finished');
    const started = events[0];
    if (started?.type !== 'started') throw new Error('the first event is not "started"');
    const perEpoch = started.stepsPerEpoch;
    const steps = ofType(events, 'step');
    expect(steps.slice(0, perEpoch).every((s) => Number.isNaN(s.alphaLoss))).toBe(true);
    expect(steps.slice(perEpoch).every((s) => Number.isFinite(s.alphaLoss))).toBe(true);
    const alphas = ofType(events, 'alphas').map((e) => Array.from(e.weights.normal ?? []));
    expect(alphas[perEpoch - 1]).toEqual(alphas[0]);
    expect(alphas[alphas.length - 1]).not.toEqual(alphas[0]);
  });

  it('reports collapse diagnostics after every epoch: eigenvalue once the alphas train, derived-cell counts, ranking stability', async () => {
    const { status, events } = await run(teaching(1, 3, { warmupEpochs: 1 }));
    expect(status).toBe('finished');
    const diagnostics = ofType(events, 'diagnostics');
    expect(diagnostics.map((d) => d.epoch)).toEqual([1, 2, 3]);
    const evals = ofType(events, 'eval');
    for (const d of diagnostics) {
      const at = events.indexOf(d);
      expect(events[at - 1]).toBe(evals[d.epoch - 1]);
      expect(d.opCount).toBeGreaterThan(0);
      expect(d.skipCount).toBeLessThanOrEqual(d.parameterFreeCount);
      expect(d.parameterFreeCount).toBeLessThanOrEqual(d.opCount);
    }
    expect(diagnostics[0]?.hessianEigenvalue).toBeNull();
    expect(diagnostics[0]?.stableEpochs).toBe(0);
    for (const d of diagnostics.slice(1)) expect(Number.isFinite(d.hessianEigenvalue)).toBe(true);
    expect(ofType(events, 'early-stop')).toEqual([]);
  });

  it('stops training when a DARTS+ rule holds, says which and when, and still finishes with the derived cell', async () => {
    const before = tf.memory().numTensors;
    const spec = teaching(1, 30, { earlyStop: 'darts+', stableEpochs: 1, alphaLr: 0.05 });
    const { status, events } = await run(spec);
    expect(status).toBe('finished');
    expect(tf.memory().numTensors).toBe(before);
    const [stop, ...more] = ofType(events, 'early-stop');
    if (!stop) throw new Error('DARTS+ did not stop the run');
    expect(more).toEqual([]);
    const last = ofType(events, 'diagnostics').at(-1);
    expect(last?.epoch).toBe(stop.epoch);
    expect(last?.alphaEntropy).toBeLessThanOrEqual(0.98);
    expect(
      stop.rule === 'skip-connections' ? (last?.skipCount ?? 0) >= 2 : last?.stableEpochs,
    ).toBeTruthy();
    expect(stop.epoch).toBeLessThan(30);
    expect(stop.message).toContain(`after epoch ${stop.epoch}`);
    const steps = ofType(events, 'step');
    expect(steps.at(-1)?.step).toBe(stop.step);
    const tail = events.slice(events.indexOf(stop) + 1).map((e) => e.type);
    expect(tail).toEqual(['subnet', 'finished']);
  });

  it('selects by perturbation after training: decisions, the selected cell beside the magnitude one, and that genotype as the result', async () => {
    const before = tf.memory().numTensors;
    const spec = teaching(1, 2, { selection: 'perturbation', tuneEpochs: 1 });
    const { status, events } = await run(spec);
    expect(status).toBe('finished');
    expect(tf.memory().numTensors).toBe(before);
    const subnets = ofType(events, 'subnet').map((e) => e.record);
    expect(subnets.map((r) => r.origin)).toEqual(['derived', 'perturbation']);
    const [selection] = ofType(events, 'selection');
    expect(selection?.decisions.filter((d) => d.kind === 'op')).toHaveLength(
      spec.space.normal.edges.length,
    );
    expect(ofType(events, 'phase').map((e) => e.phase)).toEqual(['selection']);
    const finished = events.at(-1);
    if (finished?.type !== 'finished') throw new Error('the last event is not "finished"');
    expect(finished.genotype).toEqual(subnets[1]?.genotype);
    for (const d of selection?.decisions ?? [])
      if (d.kind === 'op')
        expect(finished.genotype.normal.edges.some((e) => e.op === d.op)).toBe(true);
  });

  it('reports the derived cell as one subnet with inherited weights just before "finished", the same for a seed', async () => {
    const spec = teaching(2, 1);
    const derived = async (): Promise<RunEvent[]> => {
      const { status, events, data } = await run(spec);
      expect(status).toBe('finished');
      const subnets = ofType(events, 'subnet');
      expect(subnets).toHaveLength(1);
      const finished = events[events.length - 1];
      if (finished?.type !== 'finished') throw new Error('the last event is not "finished"');
      expect(events[events.length - 2]).toBe(subnets[0]);
      const record = subnets[0]?.record;
      if (!record) throw new Error('no subnet record');
      const cost = subnetCost(spec.space, finished.genotype, data.input, data.classes);
      expect(record).toMatchObject({
        key: genotypeKey(spec.space, finished.genotype),
        genotype: finished.genotype,
        evaluation: 'inherited',
        origin: 'derived',
        generation: 0,
        latencyMs: null,
        params: cost.params,
        flops: cost.flops,
      });
      expect(record.accuracy).toBeGreaterThanOrEqual(0);
      expect(record.accuracy).toBeLessThanOrEqual(1);
      return subnets;
    };
    expect(await derived()).toEqual(await derived());
  });

  it('repeats data, init and the first 20 losses for a seed, and differs for another seed', async () => {
    const again = await loadDataset(teaching(3, 7).dataset, 3, noMnist);
    const losses = async (seed: number): Promise<number[]> => {
      const { events, data } = await run(teaching(seed, 7));
      if (seed === 3) expect(data).toEqual(again);
      return ofType(events, 'step')
        .slice(0, 20)
        .flatMap((e) => [e.trainLoss, e.alphaLoss]);
    };
    const first = await losses(3);
    expect(first).toHaveLength(40);
    expect(await losses(3)).toEqual(first);
    expect(await losses(4)).not.toEqual(first);
  });

  it('pauses on a non-finite loss, naming the step; resuming goes on and stop ends the run', async () => {
    const before = tf.memory().numTensors;
    const statuses: Extract<RunEvent, { type: 'status' }>[] = [];
    const { status } = await run(teaching(1, 3, { weightLr: 1e30 }), (e, control) => {
      if (e.type !== 'status') return;
      statuses.push(e);
      if (e.status !== 'paused') return;
      expect(control.state()).toBe('paused');
      // Resume after the first pause, stop after the second.
      if (statuses.filter((s) => s.status === 'paused').length === 1)
        setTimeout(() => control.resume(), 0);
      else setTimeout(() => control.stop(), 0);
    });
    expect(status).toBe('stopped');
    const [paused, running, pausedAgain, stopped] = statuses;
    expect(paused?.message).toMatch(
      new RegExp(
        `^Step ${paused?.step} produced a non-finite loss \\((training|validation) loss (NaN|Infinity)\\); the run is paused\\.`,
      ),
    );
    expect(running?.status).toBe('running');
    expect(pausedAgain?.status).toBe('paused');
    expect(pausedAgain?.step).toBe((paused?.step ?? 0) + 1);
    expect(stopped?.status).toBe('stopped');
    expect(tf.memory().numTensors).toBe(before);
  });

  it('does not report "running" when a single step is taken after a non-finite loss', async () => {
    const statuses: Extract<RunEvent, { type: 'status' }>[] = [];
    const { status } = await run(teaching(1, 3, { weightLr: 1e30 }), (e, control) => {
      if (e.type !== 'status') return;
      statuses.push(e);
      if (e.status !== 'paused') return;
      // One single step after the first pause, stop after the second.
      if (statuses.filter((s) => s.status === 'paused').length === 1)
        setTimeout(() => control.stepOnce(), 0);
      else setTimeout(() => control.stop(), 0);
    });
    expect(status).toBe('stopped');
    expect(statuses.map((s) => s.status)).toEqual(['paused', 'paused', 'stopped']);
  });

  it('stays paused after a non-finite loss on the last step until resumed or stopped', async () => {
    const spec = teaching(1, 1, { weightLr: 1e30 });
    const data = await loadDataset(spec.dataset, spec.seed, noMnist);
    // Two steps in all: the first step's losses are finite, the second's are not.
    const twoSteps = teaching(1, 1, { weightLr: 1e30, batchSize: Math.ceil(data.train.count / 2) });
    const before = tf.memory().numTensors;
    const { status, events } = await run(twoSteps, (e, control) => {
      if (e.type === 'status' && e.status === 'paused') setTimeout(() => control.stop(), 0);
    });
    expect(ofType(events, 'status').map((s) => [s.status, s.step])).toEqual([
      ['paused', 2],
      ['stopped', 2],
    ]);
    expect(status).toBe('stopped');
    expect(ofType(events, 'finished')).toHaveLength(0);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('stops before the first step when asked', async () => {
    const control = createRunControl();
    control.stop();
    const spec = teaching(1, 1);
    const data = await loadDataset(spec.dataset, spec.seed, noMnist);
    const events: RunEvent[] = [];
    expect(await runExperiment(spec, data, control, (e) => events.push(e))).toBe('stopped');
    expect(ofType(events, 'step')).toHaveLength(0);
    expect(events[events.length - 1]).toMatchObject({ type: 'status', status: 'stopped', step: 0 });
  });

  it('reports a failure as an event instead of throwing', async () => {
    const spec = teaching(1, 1);
    const bad: ExperimentSpec = {
      ...spec,
      space: { ...spec.space, macro: { ...spec.space.macro, reduction: 'cell' } },
    };
    const { status, events } = await run(bad);
    expect(status).toBe('failed');
    expect(events[events.length - 1]).toMatchObject({ type: 'status', status: 'failed', step: 0 });
  });
});
