/**
 * Runs the PyTorch peer (scripts/bench-peer.py) with Debian's /usr/bin/python3 when it can import
 * torch: the benchmark step in PyTorch on the CPU at 1 and 2 threads (and every core, when more),
 * checked to be the studio's network by its weight count.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { checkedPeer, parsePeerOutput } from './peer-output';
import type { PeerResult } from './protocol';

/** The interpreter the peer runs in: Debian's, which `apt-get install python3-torch` serves. */
export const PEER_PYTHON = '/usr/bin/python3';

/** How to get the peer, as the table says when it is missing. */
export const PEER_INSTALL_HINT =
  "install Debian's PyTorch to compare: sudo apt-get install python3-torch";

/** The peer script, relative to the repository root. */
export const PEER_SCRIPT = join('scripts', 'bench-peer.py');

/** The whole peer run's limit; a slower peer becomes a failed row. */
const PEER_TIMEOUT_S = 300;

/** Thread counts the peer is timed at: 1, 2 and all of `cores` when there are more. */
export function peerThreads(cores: number): number[] {
  return [...new Set([1, 2, Math.max(1, Math.floor(cores))])].sort((a, b) => a - b);
}

/** A peer result with nothing measured. */
function unmeasured(status: 'skipped' | 'failed', note: string): PeerResult {
  return { status, torch: null, params: null, studioParams: null, runs: [], note };
}

/** Why the peer cannot run here (no interpreter, no torch), or null when it can. */
export function peerUnavailable(): string | null {
  if (!existsSync(PEER_PYTHON)) return `no ${PEER_PYTHON}; ${PEER_INSTALL_HINT}`;
  const probe = spawnSync(PEER_PYTHON, ['-c', 'import torch'], {
    stdio: 'ignore',
    timeout: 120_000,
  });
  if (probe.status !== 0) return `${PEER_PYTHON} cannot import torch; ${PEER_INSTALL_HINT}`;
  return null;
}

/** Output of one peer process. */
interface PeerProcess {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
}

/** Runs the peer script with `args`; never rejects. */
function runScript(root: string, args: readonly string[], timeoutMs: number): Promise<PeerProcess> {
  return new Promise((resolve) => {
    const child = spawn(PEER_PYTHON, [join(root, PEER_SCRIPT), ...args], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill();
    }, timeoutMs);
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', (err) => {
      clearTimeout(timer);
      resolve({ code: null, stdout, stderr: stderr || err.message, timedOut });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, timedOut });
    });
  });
}

/** The last non-empty line of `text`, or a fallback. */
function lastLine(text: string, fallback: string): string {
  return (
    text
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '')
      .at(-1) ?? fallback
  );
}

/** Options of one peer run: thread counts and the warm-up / repeat plan. */
export interface PeerPlan {
  readonly threads: readonly number[];
  readonly warmups: number;
  readonly repeats: number;
  /** A thread count whose last warm-up took longer than this gets `slowRepeats` timed steps. */
  readonly slowMs: number;
  readonly slowRepeats: number;
}

/** Ten timed steps after two warm-ups (three when a warm-up took over 2 s: a busy machine). */
export const PEER_PLAN: Omit<PeerPlan, 'threads'> = {
  warmups: 2,
  repeats: 10,
  slowMs: 2000,
  slowRepeats: 3,
};

/**
 * Times the peer and checks it against `studioParams` (the studio supernet's weight count). Skipped
 * when the peer cannot run here; failed when it errs, times out or builds another network.
 */
export async function runPeer(
  root: string,
  studioParams: number | null,
  plan: PeerPlan,
  progress: (text: string) => void,
): Promise<PeerResult> {
  const why = peerUnavailable();
  if (why !== null) return unmeasured('skipped', `skipped: ${why}`);
  progress(`pytorch: timing the peer at ${plan.threads.join(', ')} thread(s)`);
  const r = await runScript(
    root,
    [
      '--threads',
      plan.threads.join(','),
      '--warmups',
      String(plan.warmups),
      '--repeats',
      String(plan.repeats),
      '--slow-ms',
      String(plan.slowMs),
      '--slow-repeats',
      String(plan.slowRepeats),
    ],
    PEER_TIMEOUT_S * 1000,
  );
  if (r.timedOut) return unmeasured('failed', `the PyTorch peer took over ${PEER_TIMEOUT_S} s`);
  if (r.code !== 0)
    return unmeasured(
      'failed',
      `the PyTorch peer failed: ${lastLine(r.stderr, `exit status ${r.code ?? 'unknown'}`)}`,
    );
  try {
    return checkedPeer(parsePeerOutput(r.stdout), studioParams);
  } catch (err) {
    return unmeasured('failed', err instanceof Error ? err.message : String(err));
  }
}

/** The peer network's weight count (`--count`); throws with the peer's message when it cannot run. */
export async function peerParamCount(root: string): Promise<number> {
  const r = await runScript(root, ['--count'], 120_000);
  if (r.code !== 0 || r.timedOut)
    throw new Error(
      `${PEER_SCRIPT} --count failed: ${lastLine(r.stderr, r.timedOut ? 'timed out' : 'no message')}`,
    );
  return parsePeerOutput(r.stdout).params;
}
