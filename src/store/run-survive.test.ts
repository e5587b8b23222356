import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { RunCheckpoint } from '../core/run/checkpoint';
import { MAX_CARRY_ONS_IN_A_ROW } from '../core/run/recovery';
import type { RunEvent } from '../core/run/protocol';
import { seriesPoints } from '../core/series/downsample';
import { checkpoint as storedCheckpoint, readable } from '../storage/history.testkit';
import { browserHistoryAccess } from './history-access';
import { progressOf } from './run-selectors';
import { scriptedStore, tick, type ScriptedClient } from './scripted-client.testkit';

/** Two steps an epoch, three epochs. */
const STEPS_PER_EPOCH = 2;
const TOTAL = 6;

const started: RunEvent = {
  type: 'started',
  totalSteps: TOTAL,
  stepsPerEpoch: STEPS_PER_EPOCH,
  cells: {},
  trainCount: 8,
  validCount: 8,
  testCount: 4,
  paramCount: 10,
};

/** Step events `from`..`to`, each in its epoch (counted from 1). */
function steps(from: number, to: number): RunEvent[] {
  const out: RunEvent[] = [];
  for (let step = from; step <= to; step++)
    out.push({
      type: 'step',
      step,
      epoch: Math.ceil(step / STEPS_PER_EPOCH),
      trainLoss: 1 / step,
      trainAcc: 0.5,
      alphaLoss: 0.5,
      elapsedMs: step * 10,
    });
  return out;
}

/** The checkpoint after `epoch` epochs. */
function checkpointAt(epoch: number): RunCheckpoint {
  return { ...storedCheckpoint(epoch * STEPS_PER_EPOCH), epoch };
}

const finished: RunEvent = {
  type: 'finished',
  step: TOTAL,
  genotype: {
    normal: { edges: [{ from: 'x', to: 'h1', op: 'skip_connect' }], concat: ['h1'] },
    reduce: null,
  },
  metrics: {
    trainAcc: 0.9,
    validAcc: 0.8,
    testAcc: 0.7,
    trainLoss: 0.1,
    validLoss: 0.2,
    testLoss: 0.3,
  },
  weights: {},
};

/** Waits until `check` holds. */
async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`Timed out waiting for ${what}.`);
}

/** Starts a run on a scripted store and returns its client once the run has begun. */
async function startScripted(history?: ReturnType<typeof browserHistoryAccess>) {
  const { store, clients } = scriptedStore(history);
  const done = store.getState().startRun();
  await tick();
  const client = clients[0];
  if (!client) throw new Error('no client');
  return { store, client, done };
}

/** The run's engine sends its start, two epochs with their checkpoints, and one step of the third. */
function twoEpochsAndAStep(client: ScriptedClient): void {
  client.send([started, ...steps(1, 2), { type: 'checkpoint', checkpoint: checkpointAt(1) }]);
  client.send([...steps(3, 4), { type: 'checkpoint', checkpoint: checkpointAt(2) }]);
  client.send(steps(5, 5));
}

describe('a run survives its engine', () => {
  it('carries on from the last checkpoint in a fresh worker when the worker dies, and finishes like an uninterrupted run', async () => {
    const factory = new IDBFactory();
    const { store, client, done } = await startScripted(browserHistoryAccess(factory));
    twoEpochsAndAStep(client);
    client.crash('The engine worker crashed: out of memory.');
    await tick();
    // Carried on from the checkpoint after epoch 2, on the same backend choice, in the same run.
    expect(client.resumes).toHaveLength(2);
    expect(client.resumes[1]?.step).toBe(4);
    expect(client.negotiated).toEqual(['auto', 'auto']);
    let run = store.getState().run;
    expect(run.status).toBe('running');
    expect(run.error).toBeNull();
    expect(progressOf(run).done).toBe(4);
    expect(run.recoveries).toHaveLength(1);
    expect(run.recoveries[0]).toMatchObject({
      cause: 'worker',
      atStep: 5,
      from: { step: 4, epoch: 2 },
    });
    expect(run.recoveries[0]?.message).toBe(
      'The engine worker crashed: out of memory. It carried on in a fresh worker from its checkpoint at the end of epoch 2 (step 4); steps 5-5 are trained again.',
    );
    // The fresh worker sends the rest from the checkpoint on: the counters continue from step 5.
    client.send([
      started,
      {
        type: 'status',
        status: 'running',
        step: 4,
        message: 'Resumed from the checkpoint at step 4.',
      },
      ...steps(5, 6),
      finished,
    ]);
    client.end('finished');
    await done;
    run = store.getState().run;
    expect(run.status).toBe('finished');
    expect(run.result?.metrics.validAcc).toBe(0.8);
    expect(seriesPoints(run.steps).map((p) => p.step)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(progressOf(run)).toMatchObject({ done: TOTAL, total: TOTAL });
    expect(run.recoveries).toHaveLength(1);
    // One history row, finished at the full step count, the recovery kept in the saved run.
    await until(
      () => readable(store.getState().history.rows[0])?.status === 'finished',
      'the final save',
    );
    const rows = store.getState().history.rows;
    expect(rows).toHaveLength(1);
    expect(readable(rows[0])).toMatchObject({
      status: 'finished',
      step: TOTAL,
      totalSteps: TOTAL,
      bestAcc: 0.8,
    });
  });

  it('does not carry on a run the user stopped', async () => {
    const { store, client, done } = await startScripted();
    twoEpochsAndAStep(client);
    store.getState().stopRun();
    await done;
    expect(client.specs).toHaveLength(1);
    expect(store.getState().run.status).toBe('stopped');
    expect(store.getState().run.recoveries).toEqual([]);
  });

  it('does not carry on a run whose worker died after the user asked it to stop', async () => {
    const { store, client, done } = await startScripted();
    twoEpochsAndAStep(client);
    // A stop request that the worker never answers: it dies instead.
    const stop = client.stop.bind(client);
    client.stop = () => void client.calls.push('stop');
    store.getState().stopRun();
    client.crash('The engine worker crashed: out of memory.');
    client.stop = stop;
    await done;
    expect(client.specs).toHaveLength(1);
    expect(store.getState().run.status).toBe('failed');
    expect(store.getState().run.error).toContain('out of memory');
  });

  it('does not carry on a run that failed with an ordinary error', async () => {
    const { store, client, done } = await startScripted();
    client.send([started, ...steps(1, 2), { type: 'checkpoint', checkpoint: checkpointAt(1) }]);
    client.send([
      { type: 'status', status: 'failed', step: 2, message: 'The run failed at step 2: bad data.' },
    ]);
    client.end('failed');
    await done;
    expect(client.specs).toHaveLength(1);
    const run = store.getState().run;
    expect(run.status).toBe('failed');
    expect(run.messages.at(-1)?.message).toBe('The run failed at step 2: bad data.');
    expect(run.recoveries).toEqual([]);
  });

  it('gives up with a message after dying again and again without a new checkpoint', async () => {
    const { store, client, done } = await startScripted();
    twoEpochsAndAStep(client);
    for (let i = 0; i <= MAX_CARRY_ONS_IN_A_ROW; i++) {
      client.crash('The engine worker crashed: out of memory.');
      await tick();
    }
    await done;
    expect(client.specs).toHaveLength(MAX_CARRY_ONS_IN_A_ROW + 1);
    const run = store.getState().run;
    expect(run.status).toBe('failed');
    expect(run.recoveries).toHaveLength(MAX_CARRY_ONS_IN_A_ROW);
    const message =
      'The engine worker crashed: out of memory. The run was not carried on again: its engine died 3 times in a row before reaching a new checkpoint.';
    expect(run.error).toBe(message);
    expect(run.messages.at(-1)?.message).toBe(message);
  });

  it('counts deaths in a row only: a new checkpoint between two deaths starts the count again', async () => {
    const { store, client, done } = await startScripted();
    twoEpochsAndAStep(client);
    client.crash('The engine worker crashed.');
    await tick();
    client.crash('The engine worker crashed.');
    await tick();
    client.send([started, ...steps(5, 6), { type: 'checkpoint', checkpoint: checkpointAt(3) }]);
    client.crash('The engine worker crashed.');
    await tick();
    expect(store.getState().run.status).toBe('running');
    expect(client.resumes.at(-1)?.step).toBe(6);
    client.send([started, finished]);
    client.end('finished');
    await done;
    expect(store.getState().run.status).toBe('finished');
    expect(store.getState().run.recoveries).toHaveLength(3);
  });

  it('starts over from the beginning when the worker dies before the first checkpoint', async () => {
    const { store, client, done } = await startScripted();
    client.send([started, ...steps(1, 1)]);
    client.crash('The engine worker crashed.');
    await tick();
    expect(client.resumes).toEqual([undefined, undefined]);
    const run = store.getState().run;
    expect(run.status).toBe('running');
    expect(run.started).toBeNull();
    expect(seriesPoints(run.steps)).toEqual([]);
    expect(run.recoveries[0]).toMatchObject({ from: null, atStep: 1 });
    expect(run.recoveries[0]?.message).toBe(
      'The engine worker crashed. It had no checkpoint yet, so it started over in a fresh worker.',
    );
    client.send([started, ...steps(1, 6), finished]);
    client.end('finished');
    await done;
    expect(store.getState().run.status).toBe('finished');
    expect(progressOf(store.getState().run).done).toBe(TOTAL);
  });

  it('carries on on wasm in a fresh worker when the GPU device is lost', async () => {
    const { store, client, done } = await startScripted();
    store.getState().setBackendChoice('webgpu');
    twoEpochsAndAStep(client);
    const lost = 'The WebGPU device was lost (it was destroyed) at step 5.';
    client.send([
      { type: 'backend-lost', backend: 'webgpu', step: 5, message: lost },
      { type: 'status', status: 'failed', step: 5, message: lost },
    ]);
    client.end('failed');
    await tick();
    expect(client.calls).toContain('dispose');
    expect(client.negotiated.at(-1)).toBe('wasm');
    expect(client.resumes.at(-1)?.step).toBe(4);
    const run = store.getState().run;
    expect(run.status).toBe('running');
    expect(run.report?.backend).toBe('wasm');
    expect(run.recoveries[0]).toMatchObject({
      cause: 'device',
      backend: 'wasm',
      from: { step: 4, epoch: 2 },
    });
    expect(run.recoveries[0]?.message).toBe(
      `${lost} It carried on in a fresh worker on wasm from its checkpoint at the end of epoch 2 (step 4); steps 5-5 are trained again.`,
    );
    client.send([started, ...steps(5, 6), finished]);
    client.end('finished');
    await done;
    expect(store.getState().run.status).toBe('finished');
  });

  it('carries a paused run on paused', async () => {
    const { store, client, done } = await startScripted();
    twoEpochsAndAStep(client);
    store.getState().pauseRun();
    client.crash('The engine worker crashed.');
    await tick();
    expect(client.calls).toEqual(['pause', 'pause']);
    expect(store.getState().run.status).toBe('paused');
    client.send([
      started,
      {
        type: 'status',
        status: 'running',
        step: 4,
        message: 'Resumed from the checkpoint at step 4.',
      },
    ]);
    expect(store.getState().run.status).toBe('paused');
    store.getState().resumeRun();
    client.send([...steps(5, 6), finished]);
    client.end('finished');
    await done;
    expect(store.getState().run.status).toBe('finished');
  });
});
