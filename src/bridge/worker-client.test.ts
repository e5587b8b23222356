import { afterEach, describe, expect, it } from 'vitest';
import type { ExperimentSpec } from '../core/experiment/spec';
import type { EngineApi, EventSink, RunEvent, RunStatus } from '../core/run/protocol';
import { fakeApi, fakeClient, terminateFakeWorkers } from './fake-worker.testkit';
import { createWorkerClient } from './worker-client';

const spec = { version: 1, name: 'test', seed: 1 } as unknown as ExperimentSpec;
const step = (n: number): RunEvent => ({
  type: 'step',
  step: n,
  epoch: 0,
  trainLoss: 1,
  trainAcc: 0,
  alphaLoss: 1,
  elapsedMs: 0,
});
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

afterEach(terminateFakeWorkers);

const client = fakeClient;

/** A run that emits a step every 5 ms until stopped, then ends 'stopped'. */
const cooperative = (sink: EventSink, api: { stopped: () => boolean }): Promise<RunStatus> =>
  (async (): Promise<RunStatus> => {
    for (let i = 1; !api.stopped(); i++) {
      sink([step(i)]);
      await sleep(5);
    }
    return 'stopped';
  })();

describe('createWorkerClient', () => {
  it('negotiates, streams event batches and resolves with the run status', async () => {
    const { c } = client(() =>
      fakeApi(async (sink) => {
        // Like the worker: wait until the UI has taken each batch.
        await Promise.resolve(sink([step(1), step(2)]));
        await Promise.resolve(sink([step(3)]));
        return 'finished';
      }),
    );
    expect((await c.negotiate('webgpu')).choice).toBe('webgpu');
    const seen: RunEvent[] = [];
    expect(await c.start(spec, (events) => seen.push(...events))).toBe('finished');
    expect(seen).toEqual([step(1), step(2), step(3)]);
    c.dispose();
  });

  it('forwards pause, stepOnce and resume', async () => {
    const api = fakeApi(cooperative);
    const { c } = client(() => api);
    const done = c.start(spec, () => undefined);
    c.pause();
    c.stepOnce();
    c.resume();
    c.stop();
    expect(await done).toBe('stopped');
    expect(api.calls).toEqual(['pause', 'stepOnce', 'resume', 'stop']);
  });

  it('stops a cooperative run without terminating its worker', async () => {
    const { c, spawned } = client(() => fakeApi(cooperative));
    const done = c.start(spec, () => undefined);
    await sleep(20);
    c.stop();
    expect(await done).toBe('stopped');
    await sleep(120);
    expect(spawned).toHaveLength(1);
    expect(spawned[0]?.terminated).toBe(false);
  });

  it('terminates a worker stuck mid-step after the grace period and starts a fresh one next time', async () => {
    let spawns = 0;
    const { c, spawned } = client(() => {
      spawns += 1;
      return spawns === 1
        ? fakeApi(() => new Promise<RunStatus>(() => undefined))
        : fakeApi(async () => 'finished');
    });
    const seen: RunEvent[] = [];
    const crashes: string[] = [];
    c.onCrash((m) => crashes.push(m));
    const done = c.start(spec, (events) => seen.push(...events));
    await sleep(10);
    const t0 = performance.now();
    c.stop();
    expect(await done).toBe('stopped');
    expect(performance.now() - t0).toBeGreaterThanOrEqual(70);
    expect(spawned[0]?.terminated).toBe(true);
    expect(seen.at(-1)).toMatchObject({
      type: 'status',
      status: 'stopped',
      message: expect.stringContaining('did not finish within 0.1 s'),
    });
    expect(crashes).toEqual([]);
    expect(await c.start(spec, () => undefined)).toBe('finished');
    expect(spawned).toHaveLength(2);
  });

  it('reports a worker error event as a crash, fails the pending run and rejects pending calls', async () => {
    const hang = (): EngineApi => ({
      ...fakeApi(() => new Promise<RunStatus>(() => undefined)),
      negotiateBackend: () => new Promise(() => undefined),
    });
    const { c, spawned } = client(hang);
    const crashes: string[] = [];
    const unsubscribe = c.onCrash((m) => crashes.push(m));
    const seen: RunEvent[] = [];
    const done = c.start(spec, (events) => seen.push(...events));
    const negotiation = c.negotiate('auto');
    await sleep(10);
    spawned[0]?.fail('out of memory');
    expect(await done).toBe('failed');
    await expect(negotiation).rejects.toThrow('The engine worker crashed: out of memory.');
    expect(crashes).toEqual(['The engine worker crashed: out of memory.']);
    expect(seen).toEqual([
      {
        type: 'status',
        status: 'failed',
        step: 0,
        message: 'The engine worker crashed: out of memory.',
      },
    ]);
    expect(spawned[0]?.terminated).toBe(true);
    unsubscribe();
    const next = c.start(spec, () => undefined);
    await sleep(10);
    spawned[1]?.fail('again');
    expect(await next).toBe('failed');
    expect(crashes).toHaveLength(1);
  });

  it('explains an error event without a message (a worker that failed to load or ran out of memory)', async () => {
    const { c, spawned } = client(() => fakeApi(() => new Promise<RunStatus>(() => undefined)));
    const crashes: string[] = [];
    c.onCrash((m) => crashes.push(m));
    const done = c.start(spec, () => undefined);
    await sleep(10);
    spawned[0]?.errors.dispatchEvent(new Event('error'));
    expect(await done).toBe('failed');
    expect(crashes).toEqual([
      'The engine worker stopped without an error message: it may have failed to load or run out of memory.',
    ]);
  });

  it('treats a messageerror as a crash', async () => {
    const { c, spawned } = client(() => fakeApi(() => new Promise<RunStatus>(() => undefined)));
    const crashes: string[] = [];
    c.onCrash((m) => crashes.push(m));
    const done = c.start(spec, () => undefined);
    await sleep(10);
    spawned[0]?.errors.dispatchEvent(new Event('messageerror'));
    expect(await done).toBe('failed');
    expect(crashes[0]).toMatch(/could not be read/);
  });

  it('reports a rejected startRun as a crash and recovers with a fresh worker', async () => {
    let spawns = 0;
    const { c, spawned } = client(() => {
      spawns += 1;
      return fakeApi(async () => {
        if (spawns === 1) throw new Error('engine exploded');
        return 'finished';
      });
    });
    const crashes: string[] = [];
    c.onCrash((m) => crashes.push(m));
    const seen: RunEvent[] = [];
    expect(await c.start(spec, (events) => seen.push(...events))).toBe('failed');
    expect(crashes).toEqual(['The engine worker failed during the run: engine exploded.']);
    expect(seen.at(-1)).toMatchObject({ type: 'status', status: 'failed' });
    expect(spawned[0]?.terminated).toBe(true);
    expect(await c.start(spec, () => undefined)).toBe('finished');
  });

  it('replays the latest backend choice on a fresh worker before its first run', async () => {
    const apis: (EngineApi & { calls: string[] })[] = [];
    const { c, spawned } = client(() => {
      const api = fakeApi(async () => 'finished');
      const negotiate = api.negotiateBackend;
      api.negotiateBackend = async (choice) => (
        api.calls.push(`negotiate ${choice}`),
        negotiate(choice)
      );
      const startRun = api.startRun;
      api.startRun = async (sp, sink) => (api.calls.push('startRun'), startRun(sp, sink));
      apis.push(api);
      return api;
    });
    await c.negotiate('webgl');
    spawned[0]?.fail('lost');
    expect(await c.start(spec, () => undefined)).toBe('finished');
    expect(apis[0]?.calls).toEqual(['negotiate webgl']);
    expect(apis[1]?.calls).toEqual(['negotiate webgl', 'startRun']);
    expect(await c.start(spec, () => undefined)).toBe('finished');
    expect(apis[1]?.calls).toEqual(['negotiate webgl', 'startRun', 'startRun']);
  });

  it('refuses a second concurrent run and resolves the first as stopped on dispose', async () => {
    const { c, spawned } = client(() => fakeApi(() => new Promise<RunStatus>(() => undefined)));
    const first = c.start(spec, () => undefined);
    await expect(c.start(spec, () => undefined)).rejects.toThrow(/already in progress/);
    c.dispose();
    expect(await first).toBe('stopped');
    expect(spawned[0]?.terminated).toBe(true);
  });

  it('fails the run, and reports it, when no worker can be created', async () => {
    const c = createWorkerClient(() => {
      throw new Error('Workers are not supported');
    });
    const crashes: string[] = [];
    c.onCrash((m) => crashes.push(m));
    const seen: RunEvent[] = [];
    expect(await c.start(spec, (events) => seen.push(...events))).toBe('failed');
    expect(crashes).toEqual(['The engine worker could not be started: Workers are not supported.']);
    expect(seen).toHaveLength(1);
  });
});
