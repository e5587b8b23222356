/**
 * The engine worker: exposes the EngineApi over comlink; events go out in throttled batches with
 * their alpha buffers transferred; after each negotiation the latency tables learn the device name;
 * run-time estimates come from one estimator that keeps its unit times; a run on WebGPU watches its
 * device and ends with a 'backend-lost' failure when the device is lost.
 */
import '../core/zod-jitless';
import * as Comlink from 'comlink';
import { loadDataset } from '../core/data/load';
import { examplesOfUpload } from '../core/data/upload/parse';
import type { UploadedExamples } from '../core/data/upload/types';
import type { UploadSpec } from '../core/experiment/spec';
import type { BackendChoice, BackendReport } from '../core/run/protocol';
import { createRunEstimator } from '../engine/estimate/run-estimator';
import { setLatencyDevice } from '../engine/latency/table-cache';
import { getDataFile } from '../storage/data-db';
import { runExperiment } from '../engine/runner';
import { negotiateBackend } from './backend';
import { deviceName } from './device';
import { listenForDeviceLossTest, watchDeviceLoss } from './device-loss';
import { createEngineApi, type EngineParts } from './engine-api';
import { exportSubnetModel, trainSubnet } from './standalone-task';

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

/** An uploaded dataset's examples, read from this browser's data store by content hash and parsed here, off the page's thread. */
async function readUpload(u: UploadSpec): Promise<UploadedExamples> {
  const file = await getDataFile(u.hash);
  if (file === null)
    throw new Error(
      `The data file ${u.name} is not in this browser; choose it again in the Dataset section.`,
    );
  const examples = await examplesOfUpload(u, file.bytes);
  if (!examples.ok) throw new Error(examples.problem);
  return examples.value;
}

/** A callback as comlink delivers it: a remote function, releasable. */
type RemoteCallback = Parameters<EngineParts['release']>[0] & Partial<Comlink.ProxyMethods>;

/** Negotiates the backend, then names its device for the latency lookup tables. */
async function negotiateAndNameDevice(choice: BackendChoice): Promise<BackendReport> {
  const report = await negotiateBackend(choice);
  setLatencyDevice(await deviceName(report.backend));
  return report;
}

/** This worker's run-time estimator: unit times it measured are kept for the worker's life. */
const estimator = createRunEstimator();

const api = createEngineApi({
  negotiate: negotiateAndNameDevice,
  loadData: (spec) => loadDataset(spec.dataset, spec.seed, readMnist, readUpload),
  run: runExperiment,
  trainStandalone: trainSubnet,
  estimate: (spec, data, shouldStop) => estimator.estimate(spec, data, shouldStop),
  exportStandaloneModel: exportSubnetModel,
  watchBackendLoss: watchDeviceLoss,
  deliver: async (sink, events, transfer) => {
    await sink(Comlink.transfer(events, transfer));
  },
  release: (callback) => {
    const release = (callback as RemoteCallback)[Comlink.releaseProxy];
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

listenForDeviceLossTest(self);

Comlink.expose(api);
