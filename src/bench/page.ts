/** The bench page: runs the benchmark step on each requested backend, each in a fresh worker, and publishes the rows on window.nasBench. */
import { chooseWasmThreads, MAX_WASM_THREADS } from '../worker/threads';
import type { BackendName } from '../core/run/protocol';
import type { BenchRow, BenchWorkerMessage } from './protocol';
import { errorText, failedRow } from './rows';

const ALL: readonly BackendName[] = ['wasm', 'webgl', 'webgpu', 'cpu'];
const params = new URLSearchParams(location.search);
const requested = (params.get('backends') ?? 'wasm,webgl,webgpu').split(',');
const backends = ALL.filter((b) => requested.includes(b));
const timeoutMs = Number(params.get('timeout') ?? 300) * 1000;

const rows: BenchRow[] = [];
const log: string[] = [];
const out = document.getElementById('log');

function publish(done: boolean): void {
  window.nasBench = { done, rows: [...rows], log: [...log] };
}

function say(text: string): void {
  log.push(text);
  console.log(text);
  if (out) out.textContent = log.join('\n');
  publish(false);
}

/**
 * Runs one backend in a fresh worker; a hung or crashed worker becomes a failed row (`crashed` set)
 * that still carries the kernel counts when the counted step had ended.
 */
function measureOnce(
  backend: BackendName,
  threads?: number,
): Promise<{ row: BenchRow; crashed: boolean }> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./bench.worker.ts', import.meta.url), { type: 'module' });
    let counts: { kernels: number; programs: number | null } | null = null;
    const failed = (note: string): BenchRow => ({
      ...failedRow(backend, 'chromium', note),
      kernelsPerStep: counts?.kernels ?? null,
      programsPerStep: counts?.programs ?? null,
    });
    const finish = (row: BenchRow, crashed = false): void => {
      clearTimeout(timer);
      worker.terminate();
      resolve({ row, crashed });
    };
    const timer = setTimeout(
      () => finish(failed(`timed out after ${timeoutMs / 1000} s`)),
      timeoutMs,
    );
    worker.addEventListener('message', (event: MessageEvent<BenchWorkerMessage>) => {
      const message = event.data;
      if (message.type === 'progress') say(message.text);
      else if (message.type === 'counts') counts = message;
      else finish(message.row);
    });
    worker.addEventListener('error', (event) => {
      const where = event.filename ? ` (${event.filename}:${event.lineno})` : '';
      const what = event.message
        ? errorText(event.message)
        : 'it failed to load or died without a message';
      finish(failed(`worker crashed: ${what}${where}`), true);
    });
    worker.postMessage(threads === undefined ? { backend } : { backend, threads });
  });
}

/** Runs one backend; a worker that crashes (the GPU process can die under load) gets one retry in a fresh worker. */
async function measure(backend: BackendName, threads?: number): Promise<BenchRow> {
  const first = await measureOnce(backend, threads);
  if (!first.crashed) return first.row;
  say(`${backend}: ${first.row.note}; retrying once in a fresh worker`);
  const second = await measureOnce(backend, threads);
  return second.crashed ? { ...second.row, note: `${second.row.note} (twice)` } : second.row;
}

async function main(): Promise<void> {
  publish(false);
  for (const backend of backends) {
    say(`${backend}: starting`);
    const row = await measure(backend);
    rows.push(row);
    say(
      `${backend}: ${row.status}${row.msPerStep === null ? '' : `, ${row.msPerStep.toFixed(1)} ms/step`} ${row.note}`,
    );
    // The threaded build against one thread and against every core (up to the pool's size),
    // where the studio's own choice (every core but one) is neither.
    const cores = navigator.hardwareConcurrency;
    if (backend === 'wasm' && crossOriginIsolated && cores > 1) {
      const own = chooseWasmThreads({ cores, isolated: true }).count;
      for (const threads of [Math.min(cores, MAX_WASM_THREADS), 1]) {
        if (threads === own) continue;
        say(`wasm: again on ${threads} thread${threads === 1 ? '' : 's'}`);
        const forced = await measure('wasm', threads);
        rows.push(forced);
        say(`wasm, ${threads} thread(s): ${forced.status} ${forced.note}`);
      }
    }
  }
  publish(true);
}

void main();
