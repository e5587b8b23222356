/**
 * A queue on this machine for the tests and the queue bench: a throw-away redis-server on a free
 * loopback port (no persistence, in a temporary directory; Debian's package is installed first
 * when missing), and worker processes of the real command line.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Queue } from 'bullmq';
import { parseQueueAddress, TRIAL_QUEUE } from './queue-config';
import type { TrialProgress } from './trial-worker';
import { probeQueue } from './reach';
import { freePort } from '../free-port';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** A running redis-server and how to stop it. */
export interface TestRedis {
  readonly url: string;
  stop(): Promise<void>;
}

/** Starts redis-server on a free loopback port without persistence; resolves once it answers. */
export async function startRedis(): Promise<TestRedis> {
  if (spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status !== 0)
    execFileSync(process.execPath, [join(ROOT, 'scripts/ensure-redis.mjs')], { stdio: 'inherit' });
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'nas-redis-'));
  const server = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { cwd: dir, stdio: 'ignore' },
  );
  const url = `redis://127.0.0.1:${port}`;
  const address = parseQueueAddress(url);
  if ('problem' in address) throw new Error(address.problem);
  for (let i = 0; ; i++) {
    if ((await probeQueue(address)) === null) break;
    if (i > 100 || server.exitCode !== null)
      throw new Error(`redis-server did not start on ${port}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        server.once('exit', () => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        });
        server.kill('SIGTERM');
      }),
  };
}

/** A worker process of `npm run cli -- worker` and the lines it printed. */
export interface TestWorker {
  readonly process: ChildProcess;
  /** `host:pid`, as the run file names it. */
  readonly name: string;
  readonly lines: string[];
  stop(): Promise<void>;
}

/** Stall detection a few seconds long, so a killed worker's trial is retried quickly. */
export const FAST_STALLS = { NAS_QUEUE_LOCK_MS: '4000', NAS_QUEUE_STALLED_MS: '1000' };

/** Runs the command line with `args` in a child process (tsx, from the repository root). */
export function cliProcess(args: readonly string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...FAST_STALLS },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Starts a worker on `url` and resolves once it waits for trials. */
export async function startWorker(url: string): Promise<TestWorker> {
  const child = cliProcess(['worker', '--queue', url]);
  const lines: string[] = [];
  await new Promise<void>((resolve, reject) => {
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      lines.push(...chunk.split('\n').filter((l) => l !== ''));
      if (lines.some((l) => l.includes('waiting for trials'))) resolve();
    });
    child.once('exit', (code) =>
      reject(new Error(`worker exited with ${code}: ${lines.join('\n')}`)),
    );
  });
  const ready = lines.find((l) => l.includes('waiting for trials')) ?? '';
  return {
    process: child,
    name: ready.slice(0, ready.indexOf(': waiting')),
    lines,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  };
}

/** A worker caught in the middle of a job, and that job's id. */
export interface BusyWorker {
  readonly worker: TestWorker;
  readonly jobId: string;
}

/**
 * The first of `workers` seen running a job past its first step on the queue at `url` (polled every
 * 50 ms for up to 30 s), so a test can kill it mid-job; throws when none is seen.
 */
export async function workerMidJob(
  url: string,
  workers: readonly TestWorker[],
): Promise<BusyWorker> {
  const queue = new Queue(TRIAL_QUEUE, { connection: { url } });
  try {
    for (let i = 0; i < 600; i++) {
      for (const job of await queue.getActive()) {
        const p = job.progress as Partial<TrialProgress>;
        if (typeof p !== 'object' || (p.step ?? 0) === 0) continue;
        const worker = workers.find((w) => w.name === p.worker);
        if (worker) return { worker, jobId: job.id ?? '' };
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    await queue.close();
  }
  throw new Error('no worker was seen in the middle of a job');
}
