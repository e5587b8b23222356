import { describe, expect, it } from 'vitest';
import type { RunControl } from '../core/run/control';
import type { RunStatus } from '../core/run/protocol';
import type { EngineParts } from './engine-api';
import {
  dropSink as sink,
  gatedRunner,
  setupEngine as setup,
  testReport as report,
  testSpec as spec,
} from './engine-parts.testkit';

type Runner = EngineParts['run'];

describe('createEngineApi', () => {
  it('negotiates auto before the first run, reports the backend first, then flushes and releases the sink', async () => {
    const { api, log, events } = setup(gatedRunner(3));
    expect(await api.startRun(spec, sink)).toBe('finished');
    expect(events.map((e) => e.type)).toEqual(['backend', 'step', 'step', 'step']);
    expect(log[0]).toBe('negotiate auto');
    expect(log.slice(-1)).toEqual(['release']);
    expect(log.at(-2)).toMatch(/^deliver /);
  });

  it('resolves only after the UI has taken every batch', async () => {
    const order: string[] = [];
    const { api } = setup(gatedRunner(2), {
      deliver: (_sink, batch) =>
        new Promise<void>((resolve) =>
          setTimeout(() => {
            order.push(`taken ${batch.length}`);
            resolve();
          }, 15),
        ),
    });
    const status = await api.startRun(spec, sink);
    order.push(status);
    expect(order.at(-1)).toBe('finished');
    expect(order.filter((o) => o.startsWith('taken')).length).toBeGreaterThanOrEqual(1);
  });

  it('reuses an explicitly negotiated backend', async () => {
    const { api, log, events } = setup(gatedRunner(1));
    expect((await api.negotiateBackend('webgl')).choice).toBe('webgl');
    await api.startRun(spec, sink);
    await api.startRun(spec, sink);
    expect(log.filter((l) => l.startsWith('negotiate'))).toEqual(['negotiate webgl']);
    expect(events[0]).toEqual({ type: 'backend', report: report('webgl') });
  });

  it('forwards pause, stepOnce, resume and stop to the run control', async () => {
    const seen: { control?: RunControl } = {};
    let stepsTaken = 0;
    const runner: Runner = async (s, d, control, emit) =>
      gatedRunner(1000, seen)(s, d, control, (e) => {
        stepsTaken += 1;
        emit(e);
      });
    const { api } = setup(runner);
    const done = api.startRun(spec, sink);
    while (seen.control === undefined) await new Promise((r) => setTimeout(r, 1));
    api.pause();
    expect(seen.control.state()).toBe('paused');
    await new Promise((r) => setTimeout(r, 20));
    const before = stepsTaken;
    api.stepOnce();
    await new Promise((r) => setTimeout(r, 20));
    expect(stepsTaken).toBe(before + 1);
    api.resume();
    expect(seen.control.state()).toBe('running');
    api.stop();
    expect(await done).toBe('stopped');
    expect(stepsTaken).toBeLessThan(1000);
  });

  it('refuses a second run or a backend change while a run is in progress', async () => {
    const { api } = setup(gatedRunner(1_000_000));
    const first = api.startRun(spec, sink);
    await expect(api.startRun(spec, sink)).rejects.toThrow(/already in progress/);
    await expect(api.negotiateBackend('cpu')).rejects.toThrow(/while a run is in progress/);
    api.stop();
    expect(await first).toBe('stopped');
  });

  it('turns a thrown runner error into a failed status naming the step', async () => {
    const runner: Runner = async (_s, _d, _c, emit) => {
      emit({
        type: 'step',
        step: 4,
        epoch: 0,
        trainLoss: 1,
        trainAcc: 0,
        alphaLoss: 1,
        elapsedMs: 0,
      });
      throw new Error('Kernel Foo not registered');
    };
    const { api, events, log } = setup(runner);
    expect(await api.startRun(spec, sink)).toBe<RunStatus>('failed');
    expect(events.at(-1)).toEqual({
      type: 'status',
      status: 'failed',
      step: 4,
      message: 'The run failed at step 4: Kernel Foo not registered',
    });
    expect(log.at(-1)).toBe('release');
  });

  it('fails cleanly when no backend or no data can be had', async () => {
    const noBackend = setup(gatedRunner(1), {
      negotiate: async () => {
        throw new Error('No tfjs backend could run a training step');
      },
    });
    expect(await noBackend.api.startRun(spec, sink)).toBe('failed');
    expect(noBackend.events).toEqual([
      {
        type: 'status',
        status: 'failed',
        step: 0,
        message: 'The run failed at step 0: No tfjs backend could run a training step',
      },
    ]);
    const noData = setup(gatedRunner(1), {
      loadData: async () => {
        throw new Error('the MNIST digits could not be loaded');
      },
    });
    expect(await noData.api.startRun(spec, sink)).toBe('failed');
    expect(noData.events.map((e) => e.type)).toEqual(['backend', 'status']);
  });
});
