import { afterEach, describe, expect, it } from 'vitest';
import type { ExperimentSpec } from '../core/experiment/spec';
import type {
  EngineApi,
  RunStatus,
  StandaloneOutcome,
  StandaloneProgress,
  StandaloneRequest,
} from '../core/run/protocol';
import {
  fakeApi,
  fakeClient,
  quickTraining,
  terminateFakeWorkers,
  type FakeTraining,
} from './fake-worker.testkit';
import { createWorkerClient } from './worker-client';

const spec = { version: 1, name: 'test', seed: 1 } as unknown as ExperimentSpec;
const request = (key = 'subnet-a'): StandaloneRequest =>
  ({
    spec,
    key,
    genotype: {
      normal: { edges: [{ from: 'x', to: 'h1', op: 'dense_relu' }], concat: ['h1'] },
      reduce: null,
    },
    budget: { epochs: 1, batchSize: 8 },
    calibrationBatches: 2,
  }) as unknown as StandaloneRequest;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const never = (): Promise<never> => new Promise(() => undefined);

afterEach(terminateFakeWorkers);

/** A training that reports a step every 5 ms until stopped, then ends 'stopped' as the engine does. */
const cooperative: FakeTraining = async (req, onProgress, api) => {
  let step = 0;
  while (!api.stopped()) {
    step += 1;
    await Promise.resolve(onProgress({ key: req.key, step, totalSteps: 1_000_000 }));
    await sleep(5);
  }
  return { status: 'stopped', message: `The stand-alone training was stopped after step ${step}.` };
};

describe('createWorkerClient: trainStandalone', () => {
  it('round-trips a training through the worker: the request goes in, progress and the score come back', async () => {
    const received: StandaloneRequest[] = [];
    const api = fakeApi(never, async (req, onProgress, stop) => {
      received.push(req);
      return quickTraining(req, onProgress, stop);
    });
    const { c } = fakeClient(() => api);
    const seen: StandaloneProgress[] = [];
    const outcome = await c.trainStandalone(request(), (p) => seen.push(p));
    expect(outcome).toMatchObject({
      status: 'finished',
      score: { key: 'subnet-a', validAcc: 0.9 },
    });
    expect(seen.map((p) => p.step)).toEqual([1, 2, 3]);
    expect(received).toEqual([request()]);
    expect(api.calls).toEqual(['trainStandalone subnet-a']);
  });

  it('stops a cooperative training without terminating its worker', async () => {
    const api = fakeApi(never, cooperative);
    const { c, spawned } = fakeClient(() => api);
    const done = c.trainStandalone(request(), () => undefined);
    await sleep(20);
    c.stop();
    expect(await done).toMatchObject({ status: 'stopped' });
    await sleep(120);
    expect(api.calls).toContain('stop');
    expect(spawned).toHaveLength(1);
    expect(spawned[0]?.terminated).toBe(false);
  });

  it('terminates a worker stuck mid-step after the grace period and trains on a fresh one next time', async () => {
    let spawns = 0;
    const { c, spawned } = fakeClient(() => {
      spawns += 1;
      return spawns === 1 ? fakeApi(never, never) : fakeApi(never);
    });
    const crashes: string[] = [];
    c.onCrash((m) => crashes.push(m));
    const seen: StandaloneProgress[] = [];
    const done = c.trainStandalone(request(), (p) => seen.push(p));
    await sleep(10);
    const t0 = performance.now();
    c.stop();
    const outcome = await done;
    expect(performance.now() - t0).toBeGreaterThanOrEqual(70);
    expect(outcome).toEqual({
      status: 'stopped',
      message:
        'Stopped: the training step in progress did not finish within 0.1 s, so the engine worker was shut down; a fresh one starts with the next training.',
    });
    expect(spawned[0]?.terminated).toBe(true);
    expect(crashes).toEqual([]);
    expect((await c.trainStandalone(request('b'), (p) => seen.push(p))).status).toBe('finished');
    expect(spawned).toHaveLength(2);
  });

  it('refuses a training while a run is in progress, and a run or a second training while a training is', async () => {
    const { c } = fakeClient(() =>
      fakeApi(
        (_sink, api) =>
          (async (): Promise<RunStatus> => {
            while (!api.stopped()) await sleep(5);
            return 'stopped';
          })(),
        cooperative,
      ),
    );
    const run = c.start(spec, () => undefined);
    expect(await c.trainStandalone(request(), () => undefined)).toEqual<StandaloneOutcome>({
      status: 'failed',
      message: 'A run is in progress; stop it before training a subnet stand-alone.',
    });
    c.stop();
    expect(await run).toBe('stopped');
    const training = c.trainStandalone(request(), () => undefined);
    await expect(c.start(spec, () => undefined)).rejects.toThrow(
      'A stand-alone training is in progress; stop it before starting a run.',
    );
    expect(await c.trainStandalone(request('b'), () => undefined)).toEqual<StandaloneOutcome>({
      status: 'failed',
      message: 'A stand-alone training is already in progress; stop it first.',
    });
    c.stop();
    expect((await training).status).toBe('stopped');
  });

  it('fails the training and reports a crash when the worker dies during it', async () => {
    const { c, spawned } = fakeClient(() => fakeApi(never, never));
    const crashes: string[] = [];
    c.onCrash((m) => crashes.push(m));
    const done = c.trainStandalone(request(), () => undefined);
    await sleep(10);
    spawned[0]?.fail('out of memory');
    expect(await done).toEqual({
      status: 'failed',
      message: 'The engine worker crashed: out of memory.',
    });
    expect(crashes).toEqual(['The engine worker crashed: out of memory.']);
    expect(spawned[0]?.terminated).toBe(true);
  });

  it('replays the latest backend choice on a fresh worker before its first training', async () => {
    const apis: (EngineApi & { calls: string[] })[] = [];
    const { c, spawned } = fakeClient(() => {
      const api = fakeApi(never);
      const negotiate = api.negotiateBackend;
      api.negotiateBackend = async (choice) => (
        api.calls.push(`negotiate ${choice}`),
        negotiate(choice)
      );
      apis.push(api);
      return api;
    });
    await c.negotiate('webgl');
    spawned[0]?.fail('lost');
    expect((await c.trainStandalone(request(), () => undefined)).status).toBe('finished');
    expect(apis[1]?.calls).toEqual(['negotiate webgl', 'trainStandalone subnet-a']);
  });

  it('fails the training, and reports it, when no worker can be created', async () => {
    const c = createWorkerClient(() => {
      throw new Error('Workers are not supported');
    });
    const crashes: string[] = [];
    c.onCrash((m) => crashes.push(m));
    const message = 'The engine worker could not be started: Workers are not supported.';
    expect(await c.trainStandalone(request(), () => undefined)).toEqual({
      status: 'failed',
      message,
    });
    expect(crashes).toEqual([message]);
  });
});
