import { describe, expect, it } from 'vitest';
import type { ExperimentSpec } from '../core/experiment/spec';
import type { StandaloneProgress, StandaloneRequest } from '../core/run/protocol';
import type { EngineParts } from './engine-api';
import {
  dropSink,
  gatedRunner,
  setupEngine,
  testData,
  testScore,
  testSpec,
} from './engine-parts.testkit';

const request = (spec: ExperimentSpec = testSpec, key = 'subnet-a'): StandaloneRequest =>
  ({
    spec,
    key,
    genotype: { normal: { edges: [], concat: [] }, reduce: null },
    budget: { epochs: 1, batchSize: 8 },
    calibrationBatches: 2,
  }) as unknown as StandaloneRequest;

type Trainer = EngineParts['trainStandalone'];

/** A trainer that takes `total` steps, yielding before each and stopping (by throwing, as the engine does) when asked. */
const steppingTrainer =
  (total: number, beforeStep: (step: number) => void = () => undefined): Trainer =>
  async (req, _data, hooks) => {
    for (let step = 1; step <= total; step++) {
      await new Promise((r) => setTimeout(r, 1));
      if (hooks.shouldStop?.())
        throw new Error(`The stand-alone training was stopped after step ${step - 1}.`);
      beforeStep(step);
      hooks.onStep?.(step, total);
    }
    return testScore(req.key, total);
  };

/** Collects the progress reports a training delivers. */
function progressLog() {
  const seen: StandaloneProgress[] = [];
  return { seen, onProgress: (p: StandaloneProgress) => void seen.push(p) };
}

describe('createEngineApi: trainStandalone', () => {
  it('negotiates auto, loads the data, trains the request and resolves the score, then releases the callback', async () => {
    const received: { request?: StandaloneRequest; data?: unknown } = {};
    const { api, log } = setupEngine(gatedRunner(1), {
      trainStandalone: async (req, data, hooks) => {
        received.request = req;
        received.data = data;
        expect(hooks.shouldStop?.()).toBe(false);
        log.push('train');
        return testScore(req.key, 12);
      },
    });
    const req = request();
    const outcome = await api.trainStandalone(req, () => undefined);
    expect(outcome).toEqual({ status: 'finished', score: testScore('subnet-a', 12) });
    expect(received.request).toEqual(req);
    expect(received.data).toBe(testData);
    expect(log).toEqual(['negotiate auto', 'load', 'train', 'release']);
  });

  it('reports progress at most once per interval, always with the last step, before it resolves', async () => {
    let t = 0;
    const clock = { now: () => t, setTimer: () => 0, clearTimer: () => undefined };
    const { seen, onProgress } = progressLog();
    const order: string[] = [];
    const { api } = setupEngine(gatedRunner(1), {
      clock,
      progressIntervalMs: 100,
      trainStandalone: steppingTrainer(20, () => void (t += 30)),
    });
    const outcome = await api.trainStandalone(request(), (p) => {
      order.push(`progress ${p.step}`);
      onProgress(p);
    });
    order.push(outcome.status);
    // 30 ms a step: steps 1, 5, 9, 13 and 17 are at least 100 ms apart; step 20 is the last.
    expect(seen.map((p) => p.step)).toEqual([1, 5, 9, 13, 17, 20]);
    expect(seen.every((p) => p.key === 'subnet-a' && p.totalSteps === 20)).toBe(true);
    expect(order.at(-1)).toBe('finished');
  });

  it('delivers the last step even when it follows the previous report at once', async () => {
    const clock = { now: () => 0, setTimer: () => 0, clearTimer: () => undefined };
    const { seen, onProgress } = progressLog();
    const { api } = setupEngine(gatedRunner(1), { clock, trainStandalone: steppingTrainer(5) });
    await api.trainStandalone(request(), onProgress);
    expect(seen.map((p) => p.step)).toEqual([1, 5]);
  });

  it('stops a training in progress and resolves stopped with a plain message', async () => {
    const { api, log } = setupEngine(gatedRunner(1), {
      trainStandalone: steppingTrainer(1_000_000),
    });
    const { seen, onProgress } = progressLog();
    const done = api.trainStandalone(request(), onProgress);
    while (seen.length === 0) await new Promise((r) => setTimeout(r, 1));
    api.stop();
    const outcome = await done;
    expect(outcome.status).toBe('stopped');
    expect(outcome).toMatchObject({
      message: expect.stringMatching(/^The stand-alone training was stopped after step \d+\.$/),
    });
    expect(log.at(-1)).toBe('release');
  });

  it('refuses a stand-alone training while a run is in progress', async () => {
    const { api, log } = setupEngine(gatedRunner(1_000_000));
    const run = api.startRun(testSpec, dropSink);
    const outcome = await api.trainStandalone(request(), () => undefined);
    expect(outcome).toEqual({
      status: 'failed',
      message:
        'A run is in progress in this engine worker; stop it before training a subnet stand-alone.',
    });
    expect(log).not.toContain('train');
    api.stop();
    expect(await run).toBe('stopped');
  });

  it('refuses a run, a backend change and a second training while a stand-alone training is in progress', async () => {
    const { api, log } = setupEngine(gatedRunner(1), {
      trainStandalone: steppingTrainer(1_000_000),
    });
    const { seen, onProgress } = progressLog();
    const first = api.trainStandalone(request(), onProgress);
    while (seen.length === 0) await new Promise((r) => setTimeout(r, 1));
    await expect(api.startRun(testSpec, dropSink)).rejects.toThrow(
      /stand-alone training is in progress/,
    );
    await expect(api.negotiateBackend('cpu')).rejects.toThrow(
      /while a stand-alone training is in progress/,
    );
    expect(await api.trainStandalone(request(testSpec, 'subnet-b'), () => undefined)).toEqual({
      status: 'failed',
      message: 'Another stand-alone training is in progress in this engine worker; stop it first.',
    });
    api.stop();
    expect((await first).status).toBe('stopped');
    expect(log.filter((l) => l.startsWith('negotiate'))).toEqual(['negotiate auto']);
    // Once it is over, a run may start.
    expect(await api.startRun(testSpec, dropSink)).toBe('finished');
  });

  it('turns an error into a failed outcome naming the step and the cause', async () => {
    const { api, log } = setupEngine(gatedRunner(1), {
      trainStandalone: steppingTrainer(10, (step) => {
        if (step === 4) throw new Error('Kernel Foo not registered');
      }),
    });
    expect(await api.trainStandalone(request(), () => undefined)).toEqual({
      status: 'failed',
      message: 'The stand-alone training failed at step 3: Kernel Foo not registered',
    });
    expect(log.at(-1)).toBe('release');
    const noBackend = setupEngine(gatedRunner(1), {
      negotiate: async () => {
        throw new Error('No tfjs backend could run a training step');
      },
    });
    expect(await noBackend.api.trainStandalone(request(), () => undefined)).toEqual({
      status: 'failed',
      message:
        'The stand-alone training failed at step 0: No tfjs backend could run a training step',
    });
  });

  it('loads the data once for trainings of the same dataset and seed, again for another seed or after a failed load', async () => {
    let failNext = false;
    const { api, log } = setupEngine(gatedRunner(1), {
      loadData: async () => {
        log.push('load');
        if (failNext) {
          failNext = false;
          throw new Error('the MNIST digits could not be loaded');
        }
        return testData;
      },
    });
    await api.trainStandalone(request(testSpec, 'a'), () => undefined);
    await api.trainStandalone(request(testSpec, 'b'), () => undefined);
    expect(log.filter((l) => l === 'load')).toHaveLength(1);
    const reseeded = { ...testSpec, seed: 8 };
    failNext = true;
    expect((await api.trainStandalone(request(reseeded), () => undefined)).status).toBe('failed');
    expect((await api.trainStandalone(request(reseeded), () => undefined)).status).toBe('finished');
    expect(log.filter((l) => l === 'load')).toHaveLength(3);
  });

  it('reuses an explicitly negotiated backend and keeps the progress callback released when refused', async () => {
    const released: unknown[] = [];
    const { api, log } = setupEngine(gatedRunner(1_000_000), {
      release: (callback) => void released.push(callback),
    });
    await api.negotiateBackend('webgl');
    await api.trainStandalone(request(), () => undefined);
    expect(log.filter((l) => l.startsWith('negotiate'))).toEqual(['negotiate webgl']);
    const run = api.startRun(testSpec, dropSink);
    const refused = (): void => undefined;
    await api.trainStandalone(request(), refused);
    expect(released).toContain(refused);
    api.stop();
    await run;
  });
});
