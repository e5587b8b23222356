import { afterEach, describe, expect, it } from 'vitest';
import type { ExperimentSpec } from '../core/experiment/spec';
import type { EngineApi, RunStatus } from '../core/run/protocol';
import { fakeApi, fakeClient, sampleEstimate, terminateFakeWorkers } from './fake-worker.testkit';
import { createWorkerClient } from './worker-client';

const spec = { version: 1, name: 'test', seed: 1 } as unknown as ExperimentSpec;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

afterEach(terminateFakeWorkers);

/** A fake engine that logs negotiations too. */
function loggingApi(): EngineApi & { calls: string[] } {
  const api = fakeApi(() => new Promise<RunStatus>(() => undefined));
  const negotiate = api.negotiateBackend;
  api.negotiateBackend = async (choice) => (
    api.calls.push(`negotiate ${choice}`),
    negotiate(choice)
  );
  return api;
}

describe('createWorkerClient: estimate', () => {
  it('asks the worker for the estimate, after replaying the backend choice on a fresh worker', async () => {
    const apis: (EngineApi & { calls: string[] })[] = [];
    const { c, spawned } = fakeClient(() => {
      const api = loggingApi();
      apis.push(api);
      return api;
    });
    await c.negotiate('webgl');
    spawned[0]?.fail('lost');
    expect(await c.estimate(spec)).toEqual({ status: 'estimated', estimate: sampleEstimate() });
    expect(apis[1]?.calls).toEqual(['negotiate webgl', 'estimateRun test']);
    expect(await c.estimate(spec)).toEqual({ status: 'estimated', estimate: sampleEstimate() });
    expect(apis[1]?.calls).toEqual(['negotiate webgl', 'estimateRun test', 'estimateRun test']);
  });

  it('is refused while a run is in progress, without asking the worker', async () => {
    const api = loggingApi();
    const { c } = fakeClient(() => api);
    void c.start(spec, () => undefined);
    await sleep(5);
    const outcome = await c.estimate(spec);
    expect(outcome).toEqual({
      status: 'refused',
      message: 'A run is in progress; the run time is estimated once it ends.',
    });
    expect(api.calls.filter((call) => call.startsWith('estimateRun'))).toEqual([]);
    c.dispose();
  });

  it('forwards a cancel to the worker', async () => {
    const api = loggingApi();
    const { c } = fakeClient(() => api);
    await c.estimate(spec);
    c.cancelEstimate();
    await sleep(5);
    expect(api.calls).toContain('cancelEstimate');
  });

  it('says so, without reporting a crash, when no worker can be started', async () => {
    const c = createWorkerClient(() => {
      throw new Error('Workers are disabled');
    });
    const crashes: string[] = [];
    c.onCrash((m) => crashes.push(m));
    expect(await c.estimate(spec)).toEqual({
      status: 'failed',
      message: 'The engine worker could not be started: Workers are disabled.',
    });
    expect(crashes).toEqual([]);
  });
});
