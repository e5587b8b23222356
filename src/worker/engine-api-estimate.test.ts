import { describe, expect, it } from 'vitest';
import type { StandaloneRequest } from '../core/run/protocol';
import type { EngineParts } from './engine-api';
import {
  dropSink,
  gatedRunner,
  setupEngine,
  testData,
  testEstimate,
  testScore,
  testSpec,
} from './engine-parts.testkit';

/** An estimator that polls `shouldStop` every millisecond until stopped (then throws, as the probe does) or until `polls` ran out. */
const slowEstimator =
  (log: string[], polls = 10_000): EngineParts['estimate'] =>
  async (_spec, _data, shouldStop) => {
    log.push('estimate');
    for (let i = 0; i < polls; i++) {
      await new Promise((r) => setTimeout(r, 1));
      if (shouldStop()) {
        log.push('probe stopped');
        throw new Error('The run-time probe was stopped.');
      }
    }
    return testEstimate;
  };

describe('createEngineApi: estimateRun', () => {
  it('negotiates auto, loads the data and estimates on it', async () => {
    const seen: { data?: unknown } = {};
    const { api, log } = setupEngine(gatedRunner(1), {
      estimate: async (_spec, data, shouldStop) => {
        seen.data = data;
        expect(shouldStop()).toBe(false);
        return testEstimate;
      },
    });
    expect(await api.estimateRun(testSpec)).toEqual({
      status: 'estimated',
      estimate: testEstimate,
    });
    expect(log).toEqual(['negotiate auto', 'load']);
    expect(seen.data).toBe(testData);
  });

  it('is refused while a run or a stand-alone training is in progress', async () => {
    const { api } = setupEngine(gatedRunner(1_000_000));
    const run = api.startRun(testSpec, dropSink);
    await new Promise((r) => setTimeout(r, 5));
    const during = await api.estimateRun(testSpec);
    expect(during.status).toBe('refused');
    expect('message' in during && during.message).toMatch(/run is in progress/);
    api.stop();
    expect(await run).toBe('stopped');

    let release = (): void => undefined;
    const { api: other } = setupEngine(gatedRunner(1), {
      trainStandalone: (req) =>
        new Promise((resolve) => (release = () => resolve(testScore(req.key, 1)))),
    });
    const training = other.trainStandalone(
      { spec: testSpec, key: 'k' } as unknown as StandaloneRequest,
      () => undefined,
    );
    await new Promise((r) => setTimeout(r, 5));
    const busy = await other.estimateRun(testSpec);
    expect('message' in busy && busy.message).toMatch(/stand-alone training is in progress/);
    release();
    expect((await training).status).toBe('finished');
  });

  it('is stopped by a run that starts meanwhile, which waits for the probe to end', async () => {
    const log: string[] = [];
    const { api } = setupEngine(gatedRunner(1), { estimate: slowEstimator(log) });
    const estimate = api.estimateRun(testSpec);
    await new Promise((r) => setTimeout(r, 5));
    const run = api.startRun(testSpec, dropSink);
    expect(await estimate).toEqual({
      status: 'stopped',
      message: 'The estimate was stopped before it ended.',
    });
    expect(await run).toBe('finished');
    expect(log).toEqual(['estimate', 'probe stopped']);
  });

  it('is stopped by cancelEstimate; a second estimate meanwhile is refused', async () => {
    const log: string[] = [];
    const { api } = setupEngine(gatedRunner(1), { estimate: slowEstimator(log) });
    const first = api.estimateRun(testSpec);
    await new Promise((r) => setTimeout(r, 5));
    expect((await api.estimateRun(testSpec)).status).toBe('refused');
    api.cancelEstimate();
    expect((await first).status).toBe('stopped');
    expect(log).toEqual(['estimate', 'probe stopped']);
  });

  it('says why when the probe fails', async () => {
    const { api } = setupEngine(gatedRunner(1), {
      estimate: async () => {
        throw new Error("Kernel 'Conv2DBackpropFilter' not registered");
      },
    });
    expect(await api.estimateRun(testSpec)).toEqual({
      status: 'failed',
      message: "The run time could not be estimated: Kernel 'Conv2DBackpropFilter' not registered",
    });
  });
});
