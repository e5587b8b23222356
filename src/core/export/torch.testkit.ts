/** Test helper: builds exported PyTorch files in real PyTorch (Debian's python3-torch) with torch-check.py. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The interpreter that has torch: Debian's, whatever python3 comes first on PATH. */
export const TORCH_PYTHON = '/usr/bin/python3';

const HARNESS = join(__dirname, 'torch-check.py');

/** One exported file to check: its Python source, the batch of the forward pass and SGD steps, and whether to run its main block. */
export interface TorchCase {
  readonly name: string;
  readonly source: string;
  readonly batch: number;
  readonly steps: number;
  readonly main?: boolean;
}

/** What torch-check.py reports for a case that built (see its docstring). */
export interface TorchReport {
  readonly name: string;
  readonly params: number;
  readonly expected: number;
  readonly macs: number;
  readonly output: number[];
  /** Numbers, or the text of a non-finite loss. */
  readonly losses: (number | string)[];
  readonly change: number;
  readonly built: Record<string, number>;
  readonly main?: string;
}

type RawReport = TorchReport | { readonly name: string; readonly error: string };

/**
 * Writes every case to a temporary .py file and checks them all in one PyTorch process. Throws,
 * saying how to install it, when torch cannot be imported; a case that failed to build or run
 * is returned as an Error carrying Python's traceback.
 */
export function runInTorch(cases: readonly TorchCase[]): Map<string, TorchReport | Error> {
  const dir = mkdtempSync(join(tmpdir(), 'nas-torch-'));
  const input = cases.map((c, i) => {
    const path = join(dir, `network_${i}.py`);
    writeFileSync(path, c.source);
    return { name: c.name, path, batch: c.batch, steps: c.steps, main: c.main ?? false };
  });
  const r = spawnSync(TORCH_PYTHON, [HARNESS], {
    input: JSON.stringify(input),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
  });
  if (r.error || r.status !== 0)
    throw new Error(
      `The PyTorch export checks need ${TORCH_PYTHON} with torch (npm test installs Debian's python3-torch with scripts/ensure-torch.mjs): ${r.error?.message ?? r.stderr}`,
    );
  const reports = JSON.parse(r.stdout) as RawReport[];
  return new Map(
    reports.map((rep) => [
      rep.name,
      'error' in rep ? new Error(`${rep.name} failed in PyTorch:\n${rep.error}`) : rep,
    ]),
  );
}
