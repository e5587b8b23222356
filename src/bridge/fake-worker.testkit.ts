/** Test helpers for the engine client: a comlink-backed fake Worker and a scriptable engine API. */
import * as Comlink from 'comlink';
import type { BackendChoice, EngineApi, EventSink, RunStatus } from '../core/run/protocol';
import type { WorkerLike } from './worker-client';

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

/** A scriptable engine: `run` decides how each startRun behaves. */
export function fakeApi(
  run: (sink: EventSink, api: { stopped: () => boolean }) => Promise<RunStatus>,
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
    startRun: async (_spec, sink) => {
      stopped = false;
      return run(sink, { stopped: () => stopped });
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
