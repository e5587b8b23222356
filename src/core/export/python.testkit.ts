/** Test helpers for generated Python: python3 -m py_compile, and a run under the shape-only torch stand-in. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const STUB = join(__dirname, 'torch-stub');

/** What the stand-in run of an exported file reports. */
export interface StubRun {
  readonly params: number;
  readonly expected: number;
  readonly output: number[];
  readonly built: Record<string, number>;
}

/** Throws, saying python3 is needed, when it cannot be run. */
export function requirePython(): void {
  const r = spawnSync('python3', ['--version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0)
    throw new Error(
      'python3 is needed to check the PyTorch export (scripts/ensure-chromium.mjs installs it with apt-get).',
    );
}

/** Writes `source` to a temporary .py file and returns its path. */
export function writePython(source: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'nas-export-')), 'network.py');
  writeFileSync(path, source);
  return path;
}

/** Runs `python3 -m py_compile` on the file; returns stderr when it fails, else null. */
export function compileError(path: string): string | null {
  requirePython();
  const r = spawnSync('python3', ['-m', 'py_compile', path], { encoding: 'utf8' });
  return r.status === 0 ? null : r.stderr || 'py_compile failed';
}

/** Builds `Network()` from the file under the torch stand-in and runs a batch of 2 through it. */
export function runUnderStub(path: string): StubRun {
  requirePython();
  const r = spawnSync('python3', [join(STUB, 'harness.py'), path], {
    encoding: 'utf8',
    env: { ...process.env, PYTHONPATH: STUB, PYTHONDONTWRITEBYTECODE: '1' },
  });
  if (r.status !== 0) throw new Error(`The exported network failed to run:\n${r.stderr}`);
  return JSON.parse(r.stdout) as StubRun;
}
