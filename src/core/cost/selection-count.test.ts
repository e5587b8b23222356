import { describe, expect, it } from 'vitest';
import { presetSpace } from '../search-space/presets';
import { selectionCount } from './selection-count';

describe('selectionCount', () => {
  it('counts a per-edge cell: one decision per edge, every op a candidate', () => {
    // Teaching: 6 edges of 5 ops (none included): 6 decisions of 1 + 5 passes, 6 rounds.
    expect(selectionCount(presetSpace('teaching'))).toEqual({
      opDecisions: 6,
      nodeDecisions: 0,
      passes: 36,
      opRounds: 6,
      nodeRounds: 0,
    });
  });

  it('counts top-k cells: edge decisions over non-none ops, then nodes with more than k inputs', () => {
    // DARTS: per cell 14 edges of 7 non-none ops, and nodes n1, n2, n3 with 3, 4 and 5 inputs.
    expect(selectionCount(presetSpace('darts'))).toEqual({
      opDecisions: 28,
      nodeDecisions: 6,
      passes: 2 * (14 * 8 + 4 + 5 + 6),
      opRounds: 14,
      nodeRounds: 3,
    });
  });

  it('skips an edge that offers only none in a top-k cell', () => {
    const space = presetSpace('darts');
    const edges = space.normal.edges.map((e, i) =>
      i === 0 ? { ...e, ops: ['none' as const] } : e,
    );
    const c = selectionCount({ ...space, normal: { ...space.normal, edges }, reduce: null });
    expect(c.opDecisions).toBe(13);
    expect(c.opRounds).toBe(13);
  });
});
