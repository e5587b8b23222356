/** Test helpers for the engine client: a comlink-backed fake Worker and a scriptable engine API. */
import * as Comlink from 'comlink';
import type { RunEstimate } from '../core/cost/run-estimate';
import type {
  BackendChoice,
  BackendName,
  EngineApi,
  EventSink,
  RunStatus,
  StandaloneOutcome,
  StandaloneProgress,
  StandaloneRequest,
} from '../core/run/protocol';
import type { EngineClient } from './types';
import { createWorkerClient, type WorkerLike } from './worker-client';

/** A worker stand-in: the API is exposed with comlink on the far end of a MessageChannel. */
export class FakeWorker implements WorkerLike {
  readonly channel = new MessageChannel();
  readonly errors = new EventTarget();
  terminated = false;
  constructor(api: EngineApi) {
    Comlink.expose(api, this.channel.port2);
  }
  postMessage(message: unknown, transfer?: Transferable[]): void {
    if (!this.terminated) this.channel.port1.postMessage(message, transfer ?? []);
  }
  addEventListener(type: string, listener: EventListenerOrEventListenerObject): void {
    if (type === 'message')
      this.channel.port1.addEventListener('message', listener as EventListener);
    else this.errors.addEventListener(type, listener);
  }
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject): void {
    if (type === 'message')
      this.channel.port1.removeEventListener('message', listener as EventListener);
    else this.errors.removeEventListener(type, listener);
  }
  start(): void {
    this.channel.port1.start();
  }
  terminate(): void {
    this.terminated = true;
    this.channel.port1.close();
    this.channel.port2.close();
  }
  /** Simulates an uncaught error inside the worker. */
  fail(message: string): void {
    const event = new Event('error');
    Object.assign(event, { message: `Uncaught Error: ${message}` });
    this.errors.dispatchEvent(event);
  }
}

/** How a scripted stand-alone training behaves, given the request, the progress callback and the stop flag. */
export type FakeTraining = (
  request: StandaloneRequest,
  onProgress: (p: StandaloneProgress) => void,
  api: { stopped: () => boolean },
) => Promise<StandaloneOutcome>;

/** A stand-alone training that reports steps 1..3 and finishes with a fixed score. */
export const quickTraining: FakeTraining = async (request, onProgress) => {
  for (let step = 1; step <= 3; step++)
    await Promise.resolve(onProgress({ key: request.key, step, totalSteps: 3 }));
  return {
    status: 'finished',
    score: {
      key: request.key,
      initialValidAcc: 0.5,
      validAcc: 0.9,
      testAcc: 0.85,
      trainLoss: 0.25,
      steps: 3,
      paramCount: 100,
      elapsedMs: 10,
    },
  };
};

/** An estimate as the worker returns one: 100 weight steps of 300 ms and 4,400 examples at 0.5 ms. */
export function sampleEstimate(backend: BackendName = 'wasm'): RunEstimate {
  return {
    backend,
    totalSeconds: 32.2,
    phases: { training: 30, evaluation: 2.2 },
    units: { weightStep: 100, supernetExample: 4400 },
    timings: { weightStep: 300, supernetExample: 0.5 },
    probeMs: 900,
  };
}

/** A scriptable engine: `run` decides how each startRun behaves, `train` each trainStandalone. */
export function fakeApi(
  run: (sink: EventSink, api: { stopped: () => boolean }) => Promise<RunStatus>,
  train: FakeTraining = quickTraining,
): EngineApi & { calls: string[] } {
  let stopped = false;
  const calls: string[] = [];
  return {
    calls,
    negotiateBackend: async (choice: BackendChoice) => ({
      backend: 'wasm',
      choice,
      reason: 'Using wasm.',
      probes: [],
    }),
    estimateRun: async (spec) => {
      calls.push(`estimateRun ${spec.name}`);
      return { status: 'estimated', estimate: sampleEstimate() };
    },
    cancelEstimate: () => void calls.push('cancelEstimate'),
    startRun: async (_spec, sink) => {
      stopped = false;
      return run(sink, { stopped: () => stopped });
    },
    trainStandalone: async (request, onProgress) => {
      stopped = false;
      calls.push(`trainStandalone ${request.key}`);
      return train(request, onProgress, { stopped: () => stopped });
    },
    exportStandaloneModel: async (key) => {
      calls.push(`exportStandaloneModel ${key}`);
      return { modelJson: '{}', weights: new ArrayBuffer(4) };
    },
    pause: () => void calls.push('pause'),
    resume: () => void calls.push('resume'),
    stepOnce: () => void calls.push('stepOnce'),
    stop: () => {
      calls.push('stop');
      stopped = true;
    },
  };
}

const spawnedWorkers: FakeWorker[] = [];

/** A client whose workers are FakeWorkers over `api()`; `spawned` lists them in order. */
export function fakeClient(
  api: () => EngineApi,
  graceMs = 80,
): { c: EngineClient; spawned: FakeWorker[] } {
  const spawned: FakeWorker[] = [];
  const c = createWorkerClient(
    () => {
      const w = new FakeWorker(api());
      spawned.push(w);
      spawnedWorkers.push(w);
      return w;
    },
    { graceMs },
  );
  return { c, spawned };
}

/** Terminates every FakeWorker fakeClient spawned so far (for afterEach). */
export function terminateFakeWorkers(): void {
  for (const w of spawnedWorkers.splice(0)) w.terminate();
}
