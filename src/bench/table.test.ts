import { describe, expect, it } from 'vitest';
import type { BenchRow, PeerResult } from './protocol';
import { formatTable } from './table';

const row = (over: Partial<BenchRow>): BenchRow => ({
  backend: 'wasm',
  runtime: 'node',
  status: 'ok',
  msPerStep: 505.2,
  samples: [505.2],
  warmupMs: [],
  kernelsPerStep: 6274,
  programsPerStep: null,
  tensorsAlive: 412,
  bytesAlive: 3_412_000,
  paramCount: 395_866,
  note: '',
  ...over,
});

const peer = (over: Partial<PeerResult>): PeerResult => ({
  status: 'ok',
  torch: '1.13.0a0',
  params: 395_866,
  studioParams: 395_866,
  runs: [
    { threads: 1, msPerStep: 365, samples: [360, 365, 370], warmupMs: [500, 400] },
    { threads: 2, msPerStep: 202.1, samples: [202.1], warmupMs: [300, 250] },
  ],
  note: 'torch 1.13.0a0',
  ...over,
});

describe('formatTable', () => {
  it('aligns columns and derives steps per second, counts and MB alive', () => {
    const text = formatTable([
      row({ note: 'median of 5' }),
      row({
        backend: 'webgpu',
        runtime: 'chromium',
        msPerStep: 21500,
        programsPerStep: 5120,
        note: 'software adapter',
      }),
      row({
        backend: 'cpu',
        status: 'skipped',
        msPerStep: null,
        kernelsPerStep: null,
        tensorsAlive: null,
        bytesAlive: null,
        note: 'pass --cpu',
      }),
      row({ backend: 'webgl', runtime: 'chromium', msPerStep: 42.25 }),
    ]);
    expect(text.split('\n')).toEqual([
      'backend  runtime   ms/step  steps/s  kernels  GPU programs  tensors  MB alive  note',
      '-------  --------  -------  -------  -------  ------------  -------  --------  ----------------',
      'wasm     node          505     1.98    6,274             -      412       3.4  median of 5',
      'webgpu   chromium   21,500    0.047    6,274         5,120      412       3.4  software adapter',
      'cpu      node            -        -        -             -        -         -  pass --cpu',
      'webgl    chromium     42.3     23.7    6,274             -      412       3.4',
    ]);
  });

  it('adds the speed relative to the peer per thread count and the peer rows', () => {
    const text = formatTable([row({ msPerStep: 1000, note: 'median of 5' })], peer({}));
    expect(text.split('\n')).toEqual([
      'backend  runtime    ms/step  steps/s  kernels  GPU programs  tensors  MB alive  vs torch 1t  vs torch 2t  note',
      '-------  ---------  -------  -------  -------  ------------  -------  --------  -----------  -----------  ----------------------------------------------',
      'wasm     node         1,000     1.00    6,274             -      412       3.4        0.36x        0.20x  median of 5',
      'pytorch  1 thread       365     2.74        -             -        -         -            -            -  torch 1.13.0a0; median of 3 after 2 warm-up(s)',
      'pytorch  2 threads      202     4.95        -             -        -         -            -            -  torch 1.13.0a0; median of 1 after 2 warm-up(s)',
    ]);
  });

  it('says why the peer did not run and prints no ratio without a checked peer', () => {
    const skipped = formatTable(
      [row({})],
      peer({ status: 'skipped', runs: [], note: 'skipped: no torch' }),
    );
    expect(skipped).not.toContain('vs torch');
    expect(skipped.split('\n').at(-1)).toBe(
      'pytorch  cpu            -        -        -             -        -         -  skipped: no torch',
    );
    const mismatch = formatTable(
      [row({})],
      peer({ status: 'failed', params: 1, note: "the peer's network is not the studio's" }),
    );
    expect(mismatch).not.toContain('vs torch');
    expect(mismatch).toContain('pytorch  1 thread       365');
    expect(mismatch).toContain("the peer's network is not the studio's");
  });

  it('says when the peer ran slower on more threads (the cores were busy)', () => {
    const runs = [
      { threads: 1, msPerStep: 400, samples: [400], warmupMs: [] },
      { threads: 2, msPerStep: 4000, samples: [4000], warmupMs: [] },
    ];
    const lines = formatTable([row({})], peer({ runs })).split('\n');
    expect(lines.at(-2)).not.toContain('slower');
    expect(lines.at(-1)).toContain('slower than 1 thread: other processes hold the cores');
  });
});
