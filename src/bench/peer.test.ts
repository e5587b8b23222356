import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { initNodeBackend } from '../engine/node-backend';
import { PEER_PYTHON, PEER_SCRIPT, peerParamCount, peerUnavailable } from './peer';
import { parsePeerOutput } from './peer-output';
import { createBenchWorkload } from './workload';

const root = join(__dirname, '..', '..');
/** Why the PyTorch peer cannot run here (npm test installs it with scripts/ensure-torch.mjs), or null. */
const missing = peerUnavailable();

describe('the PyTorch peer (scripts/bench-peer.py)', () => {
  beforeAll(async () => {
    await initNodeBackend('cpu');
  });

  it("builds a network with the studio benchmark supernet's weight count", async (ctx) => {
    if (missing !== null) ctx.skip(`PyTorch peer not checked: ${missing}`);
    const workload = await createBenchWorkload();
    const studio = workload.paramCount;
    workload.dispose();
    expect(await peerParamCount(root)).toBe(studio);
  }, 120_000);

  it('takes a timed step and reports it in the form the bench reads', (ctx) => {
    if (missing !== null) ctx.skip(`PyTorch peer not checked: ${missing}`);
    const r = spawnSync(
      PEER_PYTHON,
      [
        join(root, PEER_SCRIPT),
        '--threads',
        '1',
        '--warmups',
        '1',
        '--repeats',
        '1',
        '--slow-repeats',
        '1',
      ],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = parsePeerOutput(r.stdout);
    expect(out.runs).toHaveLength(1);
    expect(out.runs[0]?.threads).toBe(1);
    expect(out.runs[0]?.samples).toHaveLength(1);
    expect(out.runs[0]?.warmupMs).toHaveLength(1);
  }, 120_000);
});
