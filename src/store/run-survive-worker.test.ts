import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeApi, fakeClient, terminateFakeWorkers } from '../bridge/fake-worker.testkit';
import type { RunCheckpoint } from '../core/run/checkpoint';
import type { EngineApi, EventSink, RunEvent, RunStatus } from '../core/run/protocol';
import { seriesPoints } from '../core/series/downsample';
import { checkpoint as storedCheckpoint } from '../storage/history.testkit';
import { browserHistoryAccess } from './history-access';
import { progressOf } from './run-selectors';
import { createStudioStore } from './studio-store';

afterEach(terminateFakeWorkers);

const TOTAL = 6;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** A scripted engine run of 6 steps, 2 an epoch, a checkpoint after each epoch; from `resume` when given. */
async function* engineRun(resume?: RunCheckpoint): AsyncGenerator<RunEvent[]> {
  yield [
    {
      type: 'started',
      totalSteps: TOTAL,
      stepsPerEpoch: 2,
      cells: {},
      trainCount: 8,
      validCount: 8,
      testCount: 4,
      paramCount: 10,
    },
  ];
  for (let step = (resume?.step ?? 0) + 1; step <= TOTAL; step++) {
    const epoch = Math.ceil(step / 2);
    const events: RunEvent[] = [
      {
        type: 'step',
        step,
        epoch,
        trainLoss: 1 / step,
        trainAcc: 0.5,
        alphaLoss: 0.5,
        elapsedMs: step,
      },
    ];
    if (step % 2 === 0)
      events.push({ type: 'checkpoint', checkpoint: { ...storedCheckpoint(step), epoch } });
    yield events;
  }
  yield [
    {
      type: 'finished',
      step: TOTAL,
      genotype: { normal: { edges: [], concat: [] }, reduce: null },
      metrics: {
        trainAcc: 1,
        validAcc: 0.75,
        testAcc: 0.5,
        trainLoss: 0,
        validLoss: 0,
        testLoss: 0,
      },
      weights: {},
    },
  ];
}

/**
 * An engine API whose run streams engineRun; with `hangAfter`, it stops sending after that step
 * and never ends (the test then kills its worker), else it runs to the end.
 */
function scriptedEngine(
  hangAfter: number | null,
  resumes: (RunCheckpoint | undefined)[],
): EngineApi {
  const base = fakeApi(async () => 'finished');
  return {
    ...base,
    startRun: async (_spec, sink: EventSink, resume): Promise<RunStatus> => {
      resumes.push(resume);
      for await (const events of engineRun(resume)) {
        await Promise.resolve(sink(events));
        const last = events.at(-1);
        if (hangAfter !== null && last?.type === 'step' && last.step >= hangAfter)
          return new Promise<RunStatus>(() => undefined);
      }
      return 'finished';
    },
  };
}

/** Waits until `check` holds. */
async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (check()) return;
    await sleep(5);
  }
  throw new Error(`Timed out waiting for ${what}.`);
}

describe('a run survives its engine worker (fake workers behind the real client)', () => {
  it('carries on from the last checkpoint in a fresh worker after its worker dies, and finishes', async () => {
    const resumes: (RunCheckpoint | undefined)[] = [];
    let spawns = 0;
    const { c, spawned } = fakeClient(() => scriptedEngine(spawns++ === 0 ? 5 : null, resumes));
    const store = createStudioStore(() => c, browserHistoryAccess(new IDBFactory()));
    const done = store.getState().startRun();
    await until(() => progressOf(store.getState().run).done === 5, 'step 5');
    spawned[0]?.fail('out of memory');
    await done;
    expect(spawned).toHaveLength(2);
    expect(spawned[0]?.terminated).toBe(true);
    expect(resumes.map((r) => r?.step)).toEqual([undefined, 4]);
    const run = store.getState().run;
    expect(run.status).toBe('finished');
    expect(run.error).toBeNull();
    expect(run.result?.metrics.validAcc).toBe(0.75);
    expect(seriesPoints(run.steps).map((p) => p.step)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(run.recoveries).toEqual([
      {
        cause: 'worker',
        atStep: 5,
        from: { step: 4, epoch: 2 },
        backend: 'auto',
        message:
          'The engine worker crashed: out of memory. It carried on in a fresh worker from its checkpoint at the end of epoch 2 (step 4); steps 5-5 are trained again.',
      },
    ]);
  });

  it('does not carry on a run the user stopped, even when its worker has to be shut down', async () => {
    const resumes: (RunCheckpoint | undefined)[] = [];
    const { c, spawned } = fakeClient(() => scriptedEngine(3, resumes), 40);
    const store = createStudioStore(() => c, browserHistoryAccess(new IDBFactory()));
    const done = store.getState().startRun();
    await until(() => progressOf(store.getState().run).done === 3, 'step 3');
    store.getState().stopRun();
    await done;
    expect(spawned).toHaveLength(1);
    expect(spawned[0]?.terminated).toBe(true);
    expect(resumes).toHaveLength(1);
    const run = store.getState().run;
    expect(run.status).toBe('stopped');
    expect(run.recoveries).toEqual([]);
    expect(run.messages.at(-1)?.message).toMatch(/did not finish within/);
  });

  it('gives up after the fresh workers die too, with a message', async () => {
    const resumes: (RunCheckpoint | undefined)[] = [];
    const { c, spawned } = fakeClient(() => scriptedEngine(5, resumes));
    const store = createStudioStore(() => c, browserHistoryAccess(new IDBFactory()));
    const done = store.getState().startRun();
    for (let i = 0; i < 3; i++) {
      await until(() => spawned.length === i + 1 && resumes.length === i + 1, `worker ${i + 1}`);
      await until(() => progressOf(store.getState().run).done === 5, 'step 5');
      spawned[i]?.fail('out of memory');
    }
    await done;
    expect(spawned).toHaveLength(3);
    expect(resumes.map((r) => r?.step)).toEqual([undefined, 4, 4]);
    const run = store.getState().run;
    expect(run.status).toBe('failed');
    expect(run.recoveries).toHaveLength(2);
    expect(run.error).toBe(
      'The engine worker crashed: out of memory. The run was not carried on again: its engine died 3 times in a row before reaching a new checkpoint.',
    );
  });
});
