/** Builds the app when dist/ is stale or missing and serves it with `vite preview` on 127.0.0.1. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../cli/free-port';

/** Files and folders whose changes make a build stale. */
const SOURCES = [
  'src',
  'public',
  'index.html',
  'bench.html',
  'vite.config.ts',
  'package.json',
  'package-lock.json',
];

/** Newest modification time (ms) under `path`; 0 when missing. */
function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce(
    (max, name) => Math.max(max, newest(join(path, name))),
    stat.mtimeMs,
  );
}

/** Why dist/ must be rebuilt, or null when it is up to date. */
export function buildStaleness(root: string): string | null {
  const built = join(root, 'dist', 'bench.html');
  if (!existsSync(join(root, 'dist', 'index.html')) || !existsSync(built))
    return 'dist/ is missing or has no bench page';
  const builtAt = statSync(built).mtimeMs;
  const changed = SOURCES.find((s) => newest(join(root, s)) > builtAt);
  return changed === undefined ? null : `${changed} changed since the last build`;
}

/** Runs a Node script to completion, collecting its output; rejects with the output's tail on failure. */
function runNode(root: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${args.join(' ')} exited ${code}:\n${output.slice(-3000)}`)),
    );
  });
}

/** `vite build` when dist/ is stale or missing. */
export async function ensureBuild(root: string, progress: (text: string) => void): Promise<void> {
  const why = buildStaleness(root);
  if (why === null) return progress('dist/ is up to date');
  progress(`building the app (${why})`);
  const t0 = performance.now();
  await runNode(root, [
    join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
    'build',
    '--logLevel',
    'warn',
  ]);
  progress(`built in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}

/** A running preview server. */
export interface Preview {
  readonly url: string;
  close(): void;
}

/** Starts `vite preview` on a free port and waits until it answers. */
export async function startPreview(root: string): Promise<Preview> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [
      join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
      'preview',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--strictPort',
    ],
    { cwd: root, stdio: 'ignore' },
  );
  const url = `http://127.0.0.1:${port}`;
  const close = (): void => {
    if (child.exitCode === null) child.kill();
  };
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`vite preview exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/bench.html`);
      if (response.ok) return { url, close };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  close();
  throw new Error('vite preview did not answer within 30 s');
}
