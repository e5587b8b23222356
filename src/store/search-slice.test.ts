import { describe, expect, it } from 'vitest';
import type { ExperimentSpec } from '../core/experiment/spec';
import type { RunStatus, SubnetRecord } from '../core/run/protocol';
import { checkpoint } from '../storage/history.testkit';
import { runBlockedReason } from './run-selectors';
import { runContext, searchPoints, standaloneKey } from './search-selectors';
import { scoreOf, scriptedStore, tick, type ScriptedClient } from './scripted-client.testkit';
import { dartsSpec, multiTrialSpec, record, sposSpec } from './search.testkit';

type Store = ReturnType<typeof scriptedStore>['store'];

/** Starts a run of `spec` that reports `records`; returns the client and a function that ends it. */
async function startWith(
  store: Store,
  clients: ScriptedClient[],
  spec: ExperimentSpec,
  records: readonly SubnetRecord[],
): Promise<{ client: ScriptedClient; end: (status: RunStatus) => Promise<void> }> {
  store.setState({ spec });
  const done = store.getState().startRun();
  await tick();
  const client = clients[0];
  if (!client) throw new Error('no client was made');
  client.send(records.map((r) => ({ type: 'subnet', record: r })));
  return {
    client,
    end: async (status) => {
      client.end(status);
      await done;
    },
  };
}

/** A store with a finished SPOS run of subnets a, b and c (run 1). */
async function searched(): Promise<{ store: Store; client: ScriptedClient }> {
  const { store, clients } = scriptedStore();
  const records = [record('a', 0.9, 300), record('b', 0.5, 100), record('c', 0.4, 50)];
  const { client, end } = await startWith(store, clients, sposSpec(1), records);
  await end('finished');
  return { store, client };
}

const keyOf = (genotypeKey: string): string => standaloneKey(runContext(sposSpec(1)), genotypeKey);

describe('search slice: archive', () => {
  it('archives a SPOS run and a DARTS run (its derived cell) when they end', async () => {
    const { store, clients } = scriptedStore();
    const { end } = await startWith(store, clients, sposSpec(1), [record('a', 0.9, 300)]);
    expect(store.getState().run.subnets).toHaveLength(1);
    expect(store.getState().search.archive).toEqual([]);
    await end('stopped');
    expect(store.getState().search.archive.map((a) => [a.runId, a.label])).toEqual([
      [1, 'SPOS + evolution · seed 1'],
    ]);
    const darts = await startWith(store, clients, dartsSpec(1), [record('d', 0.5, 10)]);
    await darts.end('finished');
    expect(store.getState().search.archive.map((a) => a.strategy)).toEqual(['spos', 'darts']);
    const points = searchPoints(store.getState().run, store.getState().search);
    expect(points.map((p) => p.id)).toEqual(['1:a', '2:d']);
  });

  it('archives a run whose worker kept crashing', async () => {
    const { store, clients } = scriptedStore();
    const { client } = await startWith(store, clients, multiTrialSpec(1), [record('a', 0.9, 300)]);
    client.send([
      { type: 'checkpoint', checkpoint: { ...checkpoint(1), strategy: 'multi-trial' } },
    ]);
    // Carried on from the checkpoint twice, then given up.
    for (let i = 0; i < 3; i++) {
      client.crash('The engine worker crashed: out of memory.');
      await tick();
    }
    expect(store.getState().run.status).toBe('failed');
    expect(store.getState().search.archive.map((a) => a.strategy)).toEqual(['multi-trial']);
  });

  it('keeps the selection of archived points a new run still plots, and clears others', async () => {
    const { store, client } = await searched();
    store.getState().selectPoint('1:a');
    store.getState().brushPoints(['1:a', '1:b']);
    store.setState({ spec: multiTrialSpec(2) });
    const second = store.getState().startRun();
    await tick();
    expect(store.getState().search).toMatchObject({ selected: '1:a', brushed: ['1:a', '1:b'] });
    client.end('finished');
    await second;
    store.setState({ spec: sposSpec(1, 'circles') });
    const third = store.getState().startRun();
    await tick();
    expect(store.getState().search).toMatchObject({ selected: null, brushed: [] });
    client.end('finished');
    await third;
  });

  it('sets the stand-alone epochs for each run until the user chooses them', async () => {
    const { store, clients } = scriptedStore();
    expect(store.getState().search.standaloneEpochs).toBe(300);
    const mnist = await startWith(store, clients, sposSpec(1, 'mnist'), []);
    expect(store.getState().search.standaloneEpochs).toBe(10);
    await mnist.end('finished');
    store.getState().setStandaloneEpochs(5);
    const spiral = await startWith(store, clients, sposSpec(1), []);
    expect(store.getState().search.standaloneEpochs).toBe(5);
    await spiral.end('finished');
  });
});

describe('search slice: view settings', () => {
  it('sets the axis, colours, comparison, selection and brush, and flips a sorted column', () => {
    const { store } = scriptedStore();
    const s = store.getState();
    s.setCostAxis('latencyMs');
    s.setColorBy('generation');
    s.setCompareRuns(false);
    s.selectPoint('1:a');
    s.brushPoints(['1:a', '1:b']);
    expect(store.getState().search).toMatchObject({
      costAxis: 'latencyMs',
      colorBy: 'generation',
      compareRuns: false,
      selected: '1:a',
      brushed: ['1:a', '1:b'],
    });
    s.brushPoints([]);
    s.selectPoint(null);
    expect(store.getState().search).toMatchObject({ selected: null, brushed: [] });
    expect(store.getState().search.sort).toEqual({ column: 'order', descending: false });
    s.sortSubnets('order');
    expect(store.getState().search.sort).toEqual({ column: 'order', descending: true });
    s.sortSubnets('accuracy');
    expect(store.getState().search.sort).toEqual({ column: 'accuracy', descending: true });
    s.sortSubnets('accuracy');
    s.sortSubnets('params');
    expect(store.getState().search.sort).toEqual({ column: 'params', descending: false });
    s.setStandaloneEpochs(Number.NaN);
    expect(store.getState().search.standaloneEpochs).toBeNaN();
  });
});

describe('search slice: stand-alone trainings', () => {
  it('trains the queue in order with the run spec and budget, reporting progress', async () => {
    const { store, client } = await searched();
    store.getState().setStandaloneEpochs(3);
    store.getState().trainStandalone(['1:b', '1:a', 'unknown', '1:b']);
    expect(store.getState().standaloneBusy).toBe(true);
    expect(store.getState().search.standalone[keyOf('a')]).toEqual({ state: 'queued', epochs: 3 });
    await tick();
    expect(client.trainingKey).toBe('b');
    const request = client.requests[0];
    const strategy = sposSpec(1).strategy;
    expect(request?.spec).toEqual(sposSpec(1));
    expect(request?.genotype).toEqual(record('b', 0, 0).genotype);
    expect(request?.budget).toEqual({
      epochs: 3,
      batchSize: strategy.batchSize,
      weightLr: strategy.weightLr,
      weightLrMin: strategy.weightLrMin,
      momentum: strategy.momentum,
      weightDecay: strategy.weightDecay,
      gradClip: strategy.gradClip,
    });
    expect(request?.calibrationBatches).toBe(4);
    client.progress(7, 40);
    expect(store.getState().search.standalone[keyOf('b')]).toEqual({
      state: 'training',
      epochs: 3,
      step: 7,
      totalSteps: 40,
    });
    client.endTraining({ status: 'finished', score: scoreOf('b', 0.8) });
    await tick();
    expect(store.getState().search.standalone[keyOf('b')]).toMatchObject({ state: 'done' });
    expect(client.trainingKey).toBe('a');
    expect(store.getState().standaloneBusy).toBe(true);
    client.endTraining({ status: 'finished', score: scoreOf('a', 0.9) });
    await tick();
    expect(store.getState().standaloneBusy).toBe(false);
    store.getState().trainStandalone(['1:a', '1:b', '1:c']);
    await tick();
    expect(client.calls.filter((c) => c.startsWith('train'))).toEqual([
      'train b',
      'train a',
      'train c',
    ]);
    client.endTraining({ status: 'finished', score: scoreOf('c', 0.3) });
    await tick();
  });

  it('reports a failed or rejected training and goes on with the queue', async () => {
    const { store, client } = await searched();
    store.getState().trainStandalone(['1:a', '1:b', '1:c']);
    await tick();
    client.endTraining({ status: 'failed', message: 'The loss became NaN.' });
    await tick();
    expect(store.getState().search.standalone[keyOf('a')]).toEqual({
      state: 'failed',
      epochs: 300,
      message: 'The loss became NaN.',
    });
    expect(client.trainingKey).toBe('b');
    client.rejectNextTraining('The engine worker is gone.');
    client.endTraining({ status: 'stopped', message: 'Stopped after step 3.' });
    await tick();
    await tick();
    const entries = store.getState().search.standalone;
    expect(entries[keyOf('b')]).toEqual({
      state: 'stopped',
      epochs: 300,
      message: 'Stopped after step 3.',
    });
    expect(entries[keyOf('c')]).toEqual({
      state: 'failed',
      epochs: 300,
      message: 'The stand-alone training failed: The engine worker is gone.',
    });
    expect(store.getState().standaloneBusy).toBe(false);
  });

  it('stops the current training and drops the queue on cancel, and can train it again later', async () => {
    const { store, client } = await searched();
    store.getState().trainStandalone(['1:a', '1:b', '1:c']);
    await tick();
    client.progress(2, 10);
    store.getState().cancelStandalone();
    await tick();
    const entries = store.getState().search.standalone;
    expect(entries[keyOf('a')]).toEqual({
      state: 'stopped',
      epochs: 300,
      message: 'The stand-alone training was stopped.',
    });
    expect(entries[keyOf('b')]).toBeUndefined();
    expect(entries[keyOf('c')]).toBeUndefined();
    expect(store.getState().standaloneBusy).toBe(false);
    expect(client.trainingKey).toBeNull();
    store.getState().trainStandalone(['1:a']);
    await tick();
    expect(client.trainingKey).toBe('a');
    client.endTraining({ status: 'finished', score: scoreOf('a', 0.7) });
    await tick();
  });

  it('refuses to train while a run is active, and refuses a run while a training is busy', async () => {
    const { store, clients } = scriptedStore();
    const { client, end } = await startWith(store, clients, sposSpec(1), [record('a', 0.9, 3)]);
    store.getState().trainStandalone(['1:a']);
    await tick();
    expect(client.requests).toHaveLength(0);
    expect(store.getState().search.standalone).toEqual({});
    await end('finished');
    expect(runBlockedReason(store.getState())).toBeNull();
    store.getState().trainStandalone(['1:a']);
    await tick();
    expect(store.getState().standaloneBusy).toBe(true);
    expect(runBlockedReason(store.getState())).toContain('stand-alone training is in progress');
    await store.getState().startRun();
    expect(client.specs).toHaveLength(1);
    expect(store.getState().run.runId).toBe(1);
    client.endTraining({ status: 'finished', score: scoreOf('a', 0.8) });
    await tick();
    expect(runBlockedReason(store.getState())).toBeNull();
    store.getState().setStandaloneEpochs(0);
    store.getState().trainStandalone(['1:a']);
    expect(store.getState().standaloneBusy).toBe(false);
  });
});
