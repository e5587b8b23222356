import { describe, expect, it } from 'vitest';
import { seriesPoints } from '../core/series/downsample';
import { scriptedStore, tick } from './scripted-client.testkit';

const setup = scriptedStore;

describe('studio store', () => {
  it('opens on a valid default experiment without starting a worker', () => {
    const { store, clients } = setup();
    const s = store.getState();
    expect(s.spec.space.preset).toBe(s.preset);
    expect(s.run.status).toBe('idle');
    expect(clients).toHaveLength(0);
  });

  it('resets to the defaults of a preset and dataset combination', () => {
    const { store } = setup();
    const s = store.getState();
    s.setStrategyNumber('weightLr', 0.5);
    s.setSeed(7);
    expect(store.getState().spec.strategy.weightLr).toBe(0.5);
    s.setPreset('darts');
    const darts = store.getState();
    expect(darts.preset).toBe('darts');
    expect(darts.spec.space.preset).toBe('darts');
    expect(darts.spec.strategy.weightLr).not.toBe(0.5);
    expect(darts.spec.seed).toBe(7);
    const other = darts.spec.dataset.id;
    s.setPreset('teaching');
    expect(store.getState().spec.dataset.id).not.toBe(other);
  });

  it('runs the edited spec on the chosen backend and folds its events', async () => {
    const { store, clients } = setup();
    const s = store.getState();
    s.setBackendChoice('cpu');
    s.setStrategyNumber('epochs', 1);
    const done = s.startRun();
    await tick();
    const client = clients[0];
    expect(client?.negotiated).toEqual(['cpu']);
    expect(client?.specs[0]?.strategy.epochs).toBe(1);
    expect(store.getState().run.report?.backend).toBe('cpu');
    client?.send([
      {
        type: 'step',
        step: 1,
        epoch: 0,
        trainLoss: 0.7,
        trainAcc: 0.5,
        alphaLoss: 0.69,
        elapsedMs: 10,
      },
    ]);
    expect(seriesPoints(store.getState().run.steps)).toHaveLength(1);
    store.getState().pauseRun();
    expect(store.getState().run.status).toBe('paused');
    store.getState().stepRun();
    store.getState().resumeRun();
    expect(client?.calls).toEqual(['pause', 'step', 'resume']);
    store.getState().stopRun();
    await done;
    expect(store.getState().run.status).toBe('stopped');
    expect(store.getState().run.messages.at(-1)?.message).toBe('Stopped at step 1.');
  });

  it('refuses to run while a hyper-parameter is invalid', async () => {
    const { store, clients } = setup();
    store.getState().setStrategyNumber('weightLr', -1);
    await store.getState().startRun();
    expect(clients).toHaveLength(0);
    expect(store.getState().run.status).toBe('idle');
  });

  it('shows a worker that keeps dying as an error and stays usable', async () => {
    const { store, clients } = setup();
    const first = store.getState().startRun();
    // The run is carried on twice in a fresh worker, then given up.
    for (let i = 0; i < 3; i++) {
      await tick();
      clients[0]?.crash('The engine worker crashed: out of memory.');
    }
    await first;
    expect(store.getState().run.status).toBe('failed');
    expect(store.getState().run.error).toContain('out of memory');
    const second = store.getState().startRun();
    await tick();
    expect(store.getState().run.error).toBeNull();
    expect(store.getState().run.status).toBe('running');
    expect(clients[0]?.negotiated).toEqual(['auto', 'auto', 'auto', 'auto']);
    clients[0]?.end('finished');
    await second;
  });
});
