/** The engine worker: exposes the EngineApi over comlink; events go out in throttled batches with their alpha buffers transferred. */
import * as Comlink from 'comlink';
import { loadDataset } from '../core/data/load';
import type { EventSink } from '../core/run/protocol';
import { runExperiment } from '../engine/runner';
import { negotiateBackend } from './backend';
import { createEngineApi } from './engine-api';

let mnist: Promise<Uint8Array> | null = null;

/** The packed MNIST digits (public/data/mnist.bin), fetched once per worker. */
function readMnist(): Promise<Uint8Array> {
  mnist ??= (async () => {
    const url = new URL('data/mnist.bin', self.location.origin + import.meta.env.BASE_URL);
    const response = await fetch(url);
    if (!response.ok)
      throw new Error(
        `the MNIST digits could not be loaded from ${url.pathname} (HTTP ${response.status})`,
      );
    return new Uint8Array(await response.arrayBuffer());
  })();
  mnist.catch(() => {
    mnist = null;
  });
  return mnist;
}

/** The sink as comlink delivers it: a remote function, releasable. */
type RemoteSink = EventSink & Partial<Comlink.ProxyMethods>;

const api = createEngineApi({
  negotiate: negotiateBackend,
  loadData: (spec) => loadDataset(spec.dataset, spec.seed, readMnist),
  run: runExperiment,
  deliver: async (sink, events, transfer) => {
    await sink(Comlink.transfer(events, transfer));
  },
  release: (sink) => {
    const release = (sink as RemoteSink)[Comlink.releaseProxy];
    if (typeof release === 'function') release();
  },
});

// A rejection nobody handled is rethrown as an uncaught error, which reaches the Worker object's
// 'error' event on the UI side: the client then reports the crash instead of waiting forever.
self.addEventListener('unhandledrejection', (event: PromiseRejectionEvent) => {
  const reason: unknown = event.reason;
  setTimeout(() => {
    throw reason instanceof Error ? reason : new Error(String(reason));
  });
});

Comlink.expose(api);
