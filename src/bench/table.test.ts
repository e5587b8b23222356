import { describe, expect, it } from 'vitest';
import type { BenchRow } from './protocol';
import { formatTable } from './table';

const row = (over: Partial<BenchRow>): BenchRow => ({
  backend: 'wasm',
  runtime: 'node',
  status: 'ok',
  msPerStep: 505.2,
  samples: [505.2],
  warmupMs: [],
  note: '',
  ...over,
});

describe('formatTable', () => {
  it('aligns columns and derives steps per second', () => {
    const text = formatTable([
      row({ note: 'median of 5' }),
      row({ backend: 'webgpu', runtime: 'chromium', msPerStep: 21500, note: 'software adapter' }),
      row({ backend: 'cpu', status: 'skipped', msPerStep: null, note: 'pass --cpu' }),
      row({ backend: 'webgl', runtime: 'chromium', msPerStep: 42.25 }),
    ]);
    expect(text.split('\n')).toEqual([
      'backend  runtime   ms/step  steps/s  note',
      '-------  --------  -------  -------  ----------------',
      'wasm     node          505     1.98  median of 5',
      'webgpu   chromium   21,500    0.047  software adapter',
      'cpu      node            -        -  pass --cpu',
      'webgl    chromium     42.3     23.7',
    ]);
  });
});
