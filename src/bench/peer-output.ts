/** Reading the PyTorch peer's output (scripts/bench-peer.py) and comparing the studio with it. */
import { z } from 'zod';
import type { PeerResult, PeerRun } from './protocol';

const runSchema = z.object({
  threads: z.number().int().positive(),
  msPerStep: z.number().positive(),
  samples: z.array(z.number().nonnegative()).min(1),
  warmupMs: z.array(z.number().nonnegative()),
});

const outputSchema = z.object({
  torch: z.string(),
  params: z.number().int().nonnegative(),
  runs: z.array(runSchema).optional(),
});

/** What the peer script prints: torch's version, its network's weight count and, unless --count, one run per thread count. */
export interface PeerOutput {
  readonly torch: string;
  readonly params: number;
  readonly runs: readonly PeerRun[];
}

/** Parses the peer's stdout (one JSON object, possibly after other lines); throws saying what is wrong. */
export function parsePeerOutput(stdout: string): PeerOutput {
  const line = stdout
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('{'))
    .at(-1);
  if (line === undefined)
    throw new Error(
      `the PyTorch peer printed no JSON object (it printed: ${stdout.trim().slice(0, 200) || 'nothing'})`,
    );
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    throw new Error(`the PyTorch peer printed a line that is not JSON: ${line.slice(0, 200)}`);
  }
  const parsed = outputSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    throw new Error(
      `the PyTorch peer's output is not as expected${where}: ${issue?.message ?? 'unknown problem'}`,
    );
  }
  return { torch: parsed.data.torch, params: parsed.data.params, runs: parsed.data.runs ?? [] };
}

/**
 * The peer's result checked against the studio's supernet: ok only when both count the same weights,
 * so the comparison is of the same network; failed when the counts differ or the studio's is unknown.
 */
export function checkedPeer(output: PeerOutput, studioParams: number | null): PeerResult {
  const base = { torch: output.torch, params: output.params, studioParams, runs: output.runs };
  const counts = `peer ${output.params.toLocaleString('en-US')} weights, studio ${
    studioParams === null ? 'unknown' : studioParams.toLocaleString('en-US')
  }`;
  if (studioParams === null)
    return {
      ...base,
      status: 'failed',
      note: `no backend built the studio's supernet, so the peer's network could not be checked against it (${counts})`,
    };
  if (output.params !== studioParams)
    return {
      ...base,
      status: 'failed',
      note: `the peer's network is not the studio's: ${counts}`,
    };
  return { ...base, status: 'ok', note: `torch ${output.torch}; ${counts} (same)` };
}

/**
 * The studio's speed relative to the peer: peer ms / studio ms (0.5 means the studio takes twice as
 * long); null when either is missing or not positive.
 */
export function peerRelativeSpeed(studioMs: number | null, peerMs: number | null): number | null {
  if (studioMs === null || peerMs === null || !(studioMs > 0) || !(peerMs > 0)) return null;
  return peerMs / studioMs;
}

/** A peer-relative speed as printed: "0.22x", "1.5x", "12x"; "-" when unknown. */
export function formatRelativeSpeed(speed: number | null): string {
  if (speed === null || !Number.isFinite(speed)) return '-';
  if (speed >= 10) return `${Math.round(speed)}x`;
  if (speed >= 1) return `${speed.toFixed(1)}x`;
  if (speed >= 0.01) return `${speed.toFixed(2)}x`;
  return `${speed.toPrecision(1)}x`;
}
