/** Benchmark rows for backends that were not measured. */
import type { BackendName } from '../core/run/protocol';
import type { BenchRow, BenchRuntime } from './protocol';

/** A row with nothing measured. */
function emptyRow(
  backend: BackendName,
  runtime: BenchRuntime,
  status: 'skipped' | 'failed',
  note: string,
): BenchRow {
  return {
    backend,
    runtime,
    status,
    msPerStep: null,
    samples: [],
    warmupMs: [],
    kernelsPerStep: null,
    programsPerStep: null,
    tensorsAlive: null,
    bytesAlive: null,
    paramCount: null,
    note,
  };
}

/** A row for a backend left out on purpose, with the reason. */
export function skippedRow(backend: BackendName, runtime: BenchRuntime, note: string): BenchRow {
  return emptyRow(backend, runtime, 'skipped', note);
}

/** A row for a backend that failed, with what went wrong. */
export function failedRow(backend: BackendName, runtime: BenchRuntime, note: string): BenchRow {
  return emptyRow(backend, runtime, 'failed', note);
}

/** The message of anything thrown, on one line. */
export function errorText(err: unknown): string {
  return (
    (err instanceof Error ? err.message : String(err)).split('\n')[0]?.trim() || 'unknown error'
  );
}
