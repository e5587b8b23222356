import { describe, expect, it } from 'vitest';
import type { RunControl } from '../core/run/control';
import type { EngineParts } from './engine-api';
import { describeLoss } from './device-loss';
import {
  dropSink as sink,
  gatedRunner,
  setupEngine as setup,
  testSpec as spec,
} from './engine-parts.testkit';

/** A watch the test fires by hand; records whether it is still watched. */
function manualWatch() {
  const state: { onLost: ((message: string) => void) | null; watching: boolean } = {
    onLost: null,
    watching: false,
  };
  const watchBackendLoss: NonNullable<EngineParts['watchBackendLoss']> = (onLost) => {
    state.onLost = onLost;
    state.watching = true;
    return () => {
      state.watching = false;
    };
  };
  return { state, watchBackendLoss };
}

describe('createEngineApi when the backend device is lost', () => {
  it('ends the run with a backend-lost failure and sends nothing computed after the loss', async () => {
    const { state, watchBackendLoss } = manualWatch();
    const seen: { control?: RunControl } = {};
    const runner: EngineParts['run'] = async (s, d, control, emit) =>
      gatedRunner(1000, seen)(s, d, control, (e) => {
        emit(e);
        if (e.type === 'step' && e.step === 3)
          state.onLost?.('The WebGPU device was lost (it was destroyed)');
      });
    const { api, events } = setup(runner, { watchBackendLoss });
    expect(await api.startRun(spec, sink)).toBe('failed');
    expect(state.watching).toBe(false);
    expect(events.map((e) => e.type)).toEqual([
      'backend',
      'step',
      'step',
      'step',
      'backend-lost',
      'status',
    ]);
    const message = 'The WebGPU device was lost (it was destroyed) at step 3.';
    expect(events.at(-2)).toEqual({ type: 'backend-lost', backend: 'wasm', step: 3, message });
    expect(events.at(-1)).toEqual({ type: 'status', status: 'failed', step: 3, message });
  });

  it('turns a failure that the loss is told just after into a backend-lost failure', async () => {
    const { state, watchBackendLoss } = manualWatch();
    const runner: EngineParts['run'] = async (_s, _d, _control, emit) => {
      emit({
        type: 'step',
        step: 1,
        epoch: 1,
        trainLoss: 1,
        trainAcc: 0,
        alphaLoss: 1,
        elapsedMs: 0,
      });
      setTimeout(
        () => state.onLost?.('The WebGPU device was lost (the GPU or its driver dropped it)'),
        20,
      );
      throw new Error('Device is lost');
    };
    const { api, events } = setup(runner, { watchBackendLoss, lossGraceMs: 2000 });
    expect(await api.startRun(spec, sink)).toBe('failed');
    expect(events.map((e) => e.type)).toEqual(['backend', 'step', 'backend-lost', 'status']);
    expect(events.at(-1)).toMatchObject({
      status: 'failed',
      message: 'The WebGPU device was lost (the GPU or its driver dropped it) at step 1.',
    });
  });

  it('reports an ordinary failure as it is when the device stays', async () => {
    const { watchBackendLoss } = manualWatch();
    const runner: EngineParts['run'] = async () => {
      throw new Error('bad data');
    };
    const { api, events } = setup(runner, { watchBackendLoss, lossGraceMs: 10 });
    expect(await api.startRun(spec, sink)).toBe('failed');
    expect(events.map((e) => e.type)).toEqual(['backend', 'status']);
    expect(events.at(-1)).toMatchObject({
      status: 'failed',
      message: 'The run failed at step 0: bad data',
    });
  });

  it('keeps a run that finished before the loss finished', async () => {
    const { state, watchBackendLoss } = manualWatch();
    const runner: EngineParts['run'] = async (s, d, control, emit) => {
      const status = await gatedRunner(2)(s, d, control, emit);
      emit({
        type: 'finished',
        step: 2,
        genotype: { normal: { edges: [], concat: [] }, reduce: null },
        metrics: { trainAcc: 1, validAcc: 1, testAcc: 1, trainLoss: 0, validLoss: 0, testLoss: 0 },
        weights: {},
      });
      state.onLost?.('The WebGPU device was lost (it was destroyed)');
      return status;
    };
    const { api, events } = setup(runner, { watchBackendLoss });
    expect(await api.startRun(spec, sink)).toBe('finished');
    expect(events.at(-1)?.type).toBe('finished');
  });

  it('watches nothing on a backend without a device', async () => {
    const { api, events } = setup(gatedRunner(2), {
      watchBackendLoss: () => null,
      lossGraceMs: 60_000,
    });
    expect(await api.startRun(spec, sink)).toBe('finished');
    expect(events.map((e) => e.type)).toEqual(['backend', 'step', 'step']);
  });
});

describe('describeLoss', () => {
  it('says how a device was lost, with the browser message when there is one', () => {
    expect(describeLoss({ reason: 'destroyed', message: '' })).toBe(
      'The WebGPU device was lost (it was destroyed)',
    );
    expect(describeLoss({ reason: 'unknown', message: 'Device was lost.' })).toBe(
      'The WebGPU device was lost (the GPU or its driver dropped it: Device was lost)',
    );
  });
});
