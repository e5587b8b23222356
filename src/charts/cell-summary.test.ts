import { describe, expect, it } from 'vitest';
import { cellSummary } from './cell-summary';

describe('cellSummary', () => {
  it('lists every kept edge with its op and the output nodes', () => {
    expect(
      cellSummary({
        edges: [
          { from: 'c_{k-1}', to: '0', op: 'sep_conv_3x3' },
          { from: '0', to: '1', op: 'skip_connect' },
        ],
        concat: ['0', '1'],
      }),
    ).toMatch(
      /^2 kept edges: .+ from c_\{k-1\} to 0; .+ from 0 to 1\. Output: concatenation of nodes 0, 1\.$/,
    );
  });

  it('names a single output node', () => {
    expect(cellSummary({ edges: [], concat: ['3'] })).toBe('0 kept edges. Output: node 3.');
  });
});
