/** The Node half of the benchmark: the workload on tfjs wasm (and cpu on request) in this process. */
import type { BackendName } from '../core/run/protocol';
import { initNodeBackend } from '../engine/node-backend';
import { benchBackend } from './measure';
import type { BenchRow } from './protocol';
import { errorText, failedRow, skippedRow } from './rows';

/** Measures the wanted ones of wasm and cpu; cpu only `withCpu` (a step takes ~2 minutes here), else it is a skipped row. */
export async function runNodeHalf(
  wanted: (b: BackendName) => boolean,
  withCpu: boolean,
  progress: (text: string) => void,
): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const backend of ['wasm', 'cpu'] as const satisfies readonly BackendName[]) {
    if (!wanted(backend)) continue;
    if (backend === 'cpu' && !withCpu) {
      rows.push(
        skippedRow(
          'cpu',
          'node',
          'skipped: a cpu step takes ~2 minutes in Node (126 s measured); pass --cpu to include it',
        ),
      );
      continue;
    }
    try {
      await initNodeBackend(backend);
    } catch (err) {
      rows.push(failedRow(backend, 'node', `could not start: ${errorText(err)}`));
      continue;
    }
    progress(`${backend} (node): building the benchmark supernet`);
    rows.push(await benchBackend(backend, 'node', progress));
  }
  return rows;
}
