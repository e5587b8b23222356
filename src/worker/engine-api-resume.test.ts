import { describe, expect, it } from 'vitest';
import { CHECKPOINT_VERSION, type RunCheckpoint } from '../core/run/checkpoint';
import type { EngineParts } from './engine-api';
import { dropSink, setupEngine, testData, testSpec } from './engine-parts.testkit';

/** A multi-trial checkpoint after its latency phase (no tensors, no trials yet). */
const checkpoint: RunCheckpoint = {
  version: CHECKPOINT_VERSION,
  strategy: 'multi-trial',
  step: 0,
  epoch: 0,
  activeMs: 0,
  weights: [],
  alphas: [],
  velocity: [],
  adamM: [],
  adamS: [],
  adamT: 0,
  trials: [],
  latency: null,
};

describe('createEngineApi startRun with a checkpoint', () => {
  it('hands the checkpoint to the run with the spec and data, and none to a fresh run', async () => {
    const calls: [unknown, unknown, RunCheckpoint | undefined][] = [];
    const run: EngineParts['run'] = async (spec, data, _control, emit, resume) => {
      calls.push([spec, data, resume]);
      emit({ type: 'checkpoint', checkpoint });
      return 'finished';
    };
    const { api, events } = setupEngine(run);
    expect(await api.startRun(testSpec, dropSink, checkpoint)).toBe('finished');
    expect(await api.startRun(testSpec, dropSink)).toBe('finished');
    expect(calls).toEqual([
      [testSpec, testData, checkpoint],
      [testSpec, testData, undefined],
    ]);
    expect(events.filter((e) => e.type === 'checkpoint')).toEqual([
      { type: 'checkpoint', checkpoint },
      { type: 'checkpoint', checkpoint },
    ]);
  });
});
