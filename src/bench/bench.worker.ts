/** The bench page's worker: sets one backend, times the benchmark step on it, posts progress and the row. */
import '../core/zod-jitless';
import { nativeThreads } from '../engine/kernels/native/instance';
import type { BackendName } from '../core/run/protocol';
import { inspectWebgpu } from '../worker/adapter';
import { forceWasmThreads, useBackend } from '../worker/backend';
import { SOFTWARE_ADAPTER_NOTE } from '../worker/negotiate';
import { benchBackend } from './measure';
import type { BenchRow, BenchWorkerMessage } from './protocol';
import { errorText, failedRow, skippedRow } from './rows';

function post(message: BenchWorkerMessage): void {
  self.postMessage(message);
}

/** The WebGL renderer string, when the browser reveals it. */
function webglRenderer(): string | null {
  try {
    const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
    if (gl === null) return null;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const name: unknown = gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER);
    return typeof name === 'string' ? name : null;
  } catch {
    return null;
  }
}

/** Sets the backend and says what runs it; null row when it is usable, else the row to report. */
async function prepare(backend: BackendName): Promise<{ row: BenchRow | null; device: string }> {
  let device = '';
  if (backend === 'webgpu') {
    const adapter = await inspectWebgpu(navigator.gpu);
    if (!adapter.available)
      return { row: skippedRow(backend, 'chromium', `no WebGPU adapter: ${adapter.why}`), device };
    device = adapter.software
      ? `${SOFTWARE_ADAPTER_NOTE} (${adapter.description})`
      : `adapter: ${adapter.description}`;
  }
  if (backend === 'webgl') device = webglRenderer() ?? '';
  try {
    await useBackend(backend);
  } catch (err) {
    const note = `could not start: ${errorText(err)}`;
    const optional = backend === 'webgl' || backend === 'webgpu';
    return {
      row: optional ? skippedRow(backend, 'chromium', note) : failedRow(backend, 'chromium', note),
      device,
    };
  }
  return { row: null, device };
}

/** What the page asks a fresh worker: a backend, and for wasm optionally a thread count other than the studio's. */
interface BenchRequest {
  readonly backend: BackendName;
  readonly threads?: number;
}

self.addEventListener('message', (event: MessageEvent<BenchRequest>) => {
  const { backend, threads } = event.data;
  void (async () => {
    try {
      // Before the backend starts: the studio's choice (every core under isolation) otherwise.
      if (backend === 'wasm' && threads !== undefined) forceWasmThreads(threads);
      const { row, device: what } = await prepare(backend);
      if (row) return post({ type: 'result', row });
      const count = backend === 'wasm' ? nativeThreads() : 0;
      const device =
        backend === 'wasm'
          ? `${count} thread${count === 1 ? '' : 's'}${threads === undefined ? '' : ' (forced)'}`
          : what;
      const measured = await benchBackend(
        backend,
        'chromium',
        (text) => post({ type: 'progress', text }),
        (counts) => post({ type: 'counts', ...counts }),
      );
      post({
        type: 'result',
        row: device ? { ...measured, note: `${measured.note}; ${device}` } : measured,
      });
    } catch (err) {
      post({ type: 'result', row: failedRow(backend, 'chromium', errorText(err)) });
    }
  })();
});
