/** A run in Node with the studio's engine: backend, data, the search itself, and its events folded into the run state the studio keeps. */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { loadDataset } from '../core/data/load';
import type { UploadedExamples } from '../core/data/upload/types';
import type { ExperimentSpec } from '../core/experiment/spec';
import type { RunControl } from '../core/run/control';
import { beginRun, foldEvents } from '../core/run/fold';
import type { RunEvent, RunStatus } from '../core/run/protocol';
import { initialRunState, type RunState } from '../core/run/state';
import { initNodeBackend } from '../engine/node-backend';
import { runExperiment } from '../engine/runner';

/** The backends a headless run can use (tfjs-node is not available; wasm is the fast one). */
export type HeadlessBackend = 'wasm' | 'cpu';

/** The packed MNIST digits `npm run prepare-data` writes (the `cli` script runs it first). */
export const MNIST_FILE = fileURLToPath(new URL('../../public/data/mnist.bin', import.meta.url));

/** Reads the packed digits, or says how to make them. */
export async function readMnist(): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(MNIST_FILE));
  } catch {
    throw new Error(`${MNIST_FILE} is missing; run \`npm run prepare-data\` to make it.`);
  }
}

/** How a headless run ended and the run state its events folded into. */
export interface HeadlessResult {
  readonly status: RunStatus;
  readonly state: RunState;
}

/**
 * A headless run has nobody to resume it: when it pauses itself (a non-finite loss), it is
 * stopped, so the command ends (status 'stopped', the pause's message kept) instead of waiting.
 */
export function stopWhenPaused(control: RunControl): (e: RunEvent) => void {
  return (e) => {
    if (e.type === 'status' && e.status === 'paused') control.stop();
  };
}

/**
 * Runs `spec` to its end on `backend`, passing every event to `onEvent` as it happens and folding
 * it into the run state (the same fold the studio uses, so the run file is the one the studio
 * would export). `upload` holds the examples of an uploaded dataset's file (parsed by the caller).
 * `control` stops it (a run that pauses itself is stopped: stopWhenPaused). Never throws for a failed run: a failure is the
 * status 'failed' with its message in the state.
 */
export async function runHeadless(
  spec: ExperimentSpec,
  backend: HeadlessBackend,
  control: RunControl,
  onEvent: (e: RunEvent) => void,
  upload?: UploadedExamples,
): Promise<HeadlessResult> {
  let state = beginRun(initialRunState(), spec);
  const stopOnPause = stopWhenPaused(control);
  const take = (e: RunEvent): void => {
    state = foldEvents(state, [e]);
    onEvent(e);
    stopOnPause(e);
  };
  try {
    await initNodeBackend(backend);
    take({
      type: 'backend',
      report: { backend, choice: backend, reason: 'chosen on the command line', probes: [] },
    });
    const readUpload = upload === undefined ? undefined : () => Promise.resolve(upload);
    const data = await loadDataset(spec.dataset, spec.seed, readMnist, readUpload);
    const status = await runExperiment(spec, data, control, take);
    return { status, state };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    take({ type: 'status', status: 'failed', step: 0, message });
    return { status: 'failed', state };
  }
}
