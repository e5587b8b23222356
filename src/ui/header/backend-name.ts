/** The backend badge's words: the backend, and on wasm its threads with the reason they are limited. */
import type { BackendReport, WasmThreads } from '../../core/run/protocol';

/** "2 threads", "1 thread: the page is not cross-origin isolated". */
export function describeThreads(t: WasmThreads): string {
  const n = `${t.count} thread${t.count === 1 ? '' : 's'}`;
  return t.limit === null ? n : `${n}: ${t.limit}`;
}

/** "webgpu", "wasm, 2 threads", "wasm, 1 thread: the page is not cross-origin isolated". */
export function backendName(report: Pick<BackendReport, 'backend' | 'threads'>): string {
  return report.threads === undefined
    ? report.backend
    : `${report.backend}, ${describeThreads(report.threads)}`;
}
