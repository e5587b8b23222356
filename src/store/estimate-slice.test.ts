import { afterEach, describe, expect, it } from 'vitest';
import type { RunEstimate } from '../core/cost/run-estimate';
import { startEstimateSync } from './estimate-sync';
import { scriptedStore, tick, type ScriptedClient } from './scripted-client.testkit';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** The debounce the tests run the sync with (ms), and a wait that outlasts it. */
const DELAY = 10;
const settle = (): Promise<void> => sleep(DELAY * 4);

const ESTIMATE: RunEstimate = {
  backend: 'wasm',
  totalSeconds: 130,
  phases: { training: 100, evaluation: 10, diagnostics: 20 },
  units: { weightStep: 800, alphaPass: 2400, supernetExample: 24360 },
  timings: { weightStep: 100, alphaPass: 5, supernetExample: 0.1 },
  probeMs: 1200,
};

const stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

/** A scripted store with the estimate sync started at DELAY. */
function setup() {
  const made = scriptedStore();
  stops.push(startEstimateSync(made.store, DELAY));
  return { ...made, client: (): ScriptedClient => made.clients[0] as ScriptedClient };
}

describe('estimate slice and sync', () => {
  it('estimates the opening experiment once edits have settled, and shows the result', async () => {
    const { store, client } = setup();
    expect(store.getState().estimate.state).toBe('none');
    await settle();
    expect(client().estimates).toEqual([store.getState().spec]);
    expect(store.getState().estimate).toMatchObject({ state: 'estimating' });
    client().endEstimate({ status: 'estimated', estimate: ESTIMATE });
    await tick();
    const view = store.getState().estimate;
    expect(view.state).toBe('ready');
    expect(view.state === 'ready' && view.estimate).toBe(ESTIMATE);
  });

  it('debounces a burst of edits into one estimate of the last spec, marking it stale at once', async () => {
    const { store, client } = setup();
    await settle();
    client().endEstimate({ status: 'estimated', estimate: ESTIMATE });
    await tick();
    for (const epochs of [10, 20, 30]) {
      store.getState().setStrategyNumber('epochs', epochs);
      expect(store.getState().estimate.state).toBe('estimating');
    }
    await settle();
    expect(client().estimates).toHaveLength(2);
    expect(client().estimates[1]?.strategy.epochs).toBe(30);
    store.getState().setBackendChoice('cpu');
    await settle();
    expect(client().estimates).toHaveLength(2);
    client().endEstimate({ status: 'estimated', estimate: ESTIMATE });
    await settle();
    // The backend change waited in the queue behind the epochs estimate, then was asked on cpu.
    expect(client().estimates).toHaveLength(3);
    expect(client().negotiated).toEqual(['auto', 'cpu']);
  });

  it('shows nothing and asks nothing while the spec has problems', async () => {
    const { store, clients } = setup();
    store.getState().setStrategyNumber('weightLr', -1);
    expect(store.getState().estimate.state).toBe('none');
    await settle();
    expect(clients).toHaveLength(0);
  });

  it('never estimates during a run: stops the one in progress and asks again once the run ends', async () => {
    const { store, client } = setup();
    await settle();
    expect(client().estimatePending).toBe(true);
    const run = store.getState().startRun();
    expect(client().calls).toContain('cancelEstimate');
    expect(store.getState().estimate.state).toBe('none');
    await tick();
    expect(client().specs).toHaveLength(1);
    store.getState().setStrategyNumber('epochs', 7);
    await settle();
    expect(store.getState().estimate.state).toBe('none');
    expect(client().estimates).toHaveLength(1);
    client().end('finished');
    await run;
    await settle();
    expect(client().estimates).toHaveLength(2);
    expect(client().estimates[1]?.strategy.epochs).toBe(7);
  });

  it('keeps a ready estimate of the spec being run, and does not ask again for it after the run', async () => {
    const { store, client } = setup();
    await settle();
    client().endEstimate({ status: 'estimated', estimate: ESTIMATE });
    await tick();
    const run = store.getState().startRun();
    expect(store.getState().estimate.state).toBe('ready');
    await tick();
    client().end('finished');
    await run;
    await settle();
    expect(client().estimates).toHaveLength(1);
    expect(store.getState().estimate.state).toBe('ready');
  });

  it('says why when the estimate failed', async () => {
    const { store, client } = setup();
    await settle();
    client().endEstimate({ status: 'failed', message: 'The run time could not be estimated: no.' });
    await tick();
    expect(store.getState().estimate).toMatchObject({
      state: 'failed',
      message: 'The run time could not be estimated: no.',
    });
  });
});
