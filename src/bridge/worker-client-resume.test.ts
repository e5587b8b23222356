import { afterEach, describe, expect, it } from 'vitest';
import type { ExperimentSpec } from '../core/experiment/spec';
import { CHECKPOINT_VERSION, type RunCheckpoint } from '../core/run/checkpoint';
import { fakeApi, fakeClient, terminateFakeWorkers } from './fake-worker.testkit';

const spec = { version: 1, name: 'test', seed: 1 } as unknown as ExperimentSpec;

/** A DARTS checkpoint after one epoch, with one weight of each kind. */
const checkpoint: RunCheckpoint = {
  version: CHECKPOINT_VERSION,
  strategy: 'darts',
  step: 4,
  epoch: 1,
  activeMs: 120,
  weights: [{ shape: [2, 2], values: Float32Array.from([1, 2, 3, 4]) }],
  alphas: [{ shape: [1, 3], values: Float32Array.from([0.1, -0.2, 0.3]) }],
  velocity: [{ shape: [2, 2], values: Float32Array.from([0, 0.5, 0, -0.5]) }],
  adamM: [{ shape: [1, 3], values: Float32Array.from([0.01, 0.02, 0.03]) }],
  adamS: [{ shape: [1, 3], values: Float32Array.from([1e-4, 2e-4, 3e-4]) }],
  adamT: 4,
  trials: [],
  latency: null,
};

afterEach(terminateFakeWorkers);

describe('createWorkerClient start with a checkpoint', () => {
  it('passes the checkpoint to the worker intact, and nothing for a fresh run', async () => {
    const received: (RunCheckpoint | undefined)[] = [];
    const { c } = fakeClient(() => ({
      ...fakeApi(async () => 'finished'),
      startRun: async (_spec, _sink, resume) => {
        received.push(resume);
        return 'finished';
      },
    }));
    expect(await c.start(spec, () => undefined, checkpoint)).toBe('finished');
    expect(await c.start(spec, () => undefined)).toBe('finished');
    expect(received).toHaveLength(2);
    const [resumed, fresh] = received;
    expect(resumed).toEqual(checkpoint);
    expect(resumed?.weights[0]?.values).toBeInstanceOf(Float32Array);
    // Cloned, not moved: the page keeps its stored checkpoint usable.
    expect(checkpoint.weights[0]?.values).toEqual(Float32Array.from([1, 2, 3, 4]));
    expect(fresh).toBeUndefined();
    c.dispose();
  });
});
