import { afterEach, describe, expect, it } from 'vitest';
import type { ExperimentSpec } from '../core/experiment/spec';
import type { EngineApi, StandaloneRequest } from '../core/run/protocol';
import { fakeApi, fakeClient, terminateFakeWorkers } from './fake-worker.testkit';
import { NO_TRAINED_WORKER } from './model-export';

const spec = { version: 1, name: 'test', seed: 1 } as unknown as ExperimentSpec;
const request = { spec, key: 'subnet-a' } as unknown as StandaloneRequest;
const never = (): Promise<never> => new Promise(() => undefined);

afterEach(terminateFakeWorkers);

describe('createWorkerClient: exportStandaloneModel', () => {
  it('answers without starting a worker when none is running: a new one has trained nothing', async () => {
    const { c, spawned } = fakeClient(() => fakeApi(never));
    expect(await c.exportStandaloneModel('subnet-a@x')).toEqual({ problem: NO_TRAINED_WORKER });
    expect(spawned).toHaveLength(0);
  });

  it('asks the worker that trained the subnet for its files, by the score key', async () => {
    const api = fakeApi(never);
    const { c } = fakeClient(() => api);
    const outcome = await c.trainStandalone(request, () => undefined);
    expect(outcome.status).toBe('finished');
    const files = await c.exportStandaloneModel('subnet-a@x');
    expect(files).toMatchObject({ modelJson: '{}' });
    expect(api.calls).toEqual(['trainStandalone subnet-a', 'exportStandaloneModel subnet-a@x']);
  });

  it('passes on the problem the worker names', async () => {
    const api: EngineApi = {
      ...fakeApi(never),
      exportStandaloneModel: async () => ({ problem: 'Kept no more.' }),
    };
    const { c } = fakeClient(() => api);
    await c.trainStandalone(request, () => undefined);
    expect(await c.exportStandaloneModel('k')).toEqual({ problem: 'Kept no more.' });
  });

  it('turns a worker that dies during the export into a problem', async () => {
    const api: EngineApi = { ...fakeApi(never), exportStandaloneModel: never };
    const { c, spawned } = fakeClient(() => api);
    await c.trainStandalone(request, () => undefined);
    const pending = c.exportStandaloneModel('k');
    await new Promise((r) => setTimeout(r, 10));
    spawned[0]?.fail('out of memory');
    expect(await pending).toEqual({
      problem:
        'The tfjs model could not be fetched from the engine worker: The engine worker crashed: out of memory.',
    });
  });
});
