import { describe, expect, it } from 'vitest';
import { deriveCell } from '../search-space/derive';
import { presetSpace } from '../search-space/presets';
import type { CellAlphas } from '../search-space/types';
import {
  collapseCounts,
  dartsEsEpoch,
  dartsPlusChecks,
  dartsPlusRule,
  isParameterFree,
  opRanking,
  sameRanking,
} from './collapse';

const nb201 = presetSpace('nb201').normal;
const darts = presetSpace('darts').normal;

/** Uniform rows for every edge of `cell`, with `lift` added to op `op` on the edges `edges`. */
function rows(
  cell: typeof nb201,
  lifts: readonly { edges: readonly number[]; op: string; by: number }[],
): CellAlphas {
  return cell.edges.map((edge, e) =>
    edge.ops.map((op) => {
      const n = edge.ops.length;
      const extra = lifts
        .filter((l) => l.op === op && l.edges.includes(e))
        .reduce((s, l) => s + l.by, 0);
      return 1 / n + extra;
    }),
  );
}

describe('collapse counts of a derived cell', () => {
  it('counts skip connections and parameter-free ops of a magnitude-derived DARTS cell', () => {
    // Edges 0, 1 feed node 2 (skip and max pool kept); edges 2-4 feed node 3 (skip on edge 2 and
    // one sep conv kept); sep conv everywhere else.
    const weights = rows(darts, [
      { edges: [0, 2], op: 'skip_connect', by: 0.5 },
      { edges: [1], op: 'max_pool_3x3', by: 0.4 },
      { edges: [3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13], op: 'sep_conv_3x3', by: 0.3 },
    ]);
    const cell = deriveCell(darts, weights);
    expect(cell.edges).toHaveLength(8);
    expect(collapseCounts(cell)).toEqual({ skip: 2, parameterFree: 3, ops: 8 });
  });

  it('counts none as parameter-free where a per-edge cell keeps it', () => {
    expect(isParameterFree('none')).toBe(true);
    expect(isParameterFree('avg_pool_3x3')).toBe(true);
    expect(isParameterFree('nor_conv_1x1')).toBe(false);
    const cell = deriveCell(
      nb201,
      rows(nb201, [
        { edges: [0, 1], op: 'skip_connect', by: 0.2 },
        { edges: [2], op: 'none', by: 0.2 },
        { edges: [3, 4, 5], op: 'nor_conv_3x3', by: 0.2 },
      ]),
    );
    expect(collapseCounts(cell)).toEqual({ skip: 2, parameterFree: 3, ops: 6 });
  });
});

describe('op rankings', () => {
  it('orders each edge’s ops other than none, strongest first, ties in op order', () => {
    const weights: CellAlphas = nb201.edges.map(() => [0.9, 0.1, 0.3, 0.3, 0.2]);
    // nb201 ops: none, skip_connect, nor_conv_1x1, nor_conv_3x3, avg_pool_3x3
    expect(opRanking(nb201, weights)[0]).toEqual([2, 3, 4, 1]);
  });

  it('tells a changed ranking from the same one', () => {
    const a = opRanking(nb201, rows(nb201, [{ edges: [0], op: 'skip_connect', by: 0.1 }]));
    const b = opRanking(nb201, rows(nb201, [{ edges: [0], op: 'skip_connect', by: 0.3 }]));
    const c = opRanking(nb201, rows(nb201, [{ edges: [0], op: 'avg_pool_3x3', by: 0.1 }]));
    expect(sameRanking(a, b)).toBe(true);
    expect(sameRanking(a, c)).toBe(false);
  });
});

describe('DARTS+ rules on scripted alphas', () => {
  it('fires the skip rule once the derived normal cell holds two skip connections', () => {
    const epochs = [
      rows(darts, [
        { edges: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13], op: 'sep_conv_3x3', by: 0.3 },
      ]),
      rows(darts, [
        { edges: [0], op: 'skip_connect', by: 0.6 },
        { edges: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13], op: 'sep_conv_3x3', by: 0.3 },
      ]),
      rows(darts, [
        { edges: [0, 5], op: 'skip_connect', by: 0.6 },
        { edges: [1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13], op: 'sep_conv_3x3', by: 0.3 },
      ]),
    ];
    const fired = epochs.map((w) =>
      dartsPlusRule(collapseCounts(deriveCell(darts, w)).skip, 0, 10),
    );
    expect(fired).toEqual([null, null, 'skip-connections']);
  });

  it('fires the ranking rule when the rankings hold for the set number of epochs', () => {
    const steady = rows(nb201, [{ edges: [0, 1, 2, 3, 4, 5], op: 'nor_conv_3x3', by: 0.2 }]);
    const moved = rows(nb201, [{ edges: [0, 1, 2, 3, 4, 5], op: 'nor_conv_1x1', by: 0.2 }]);
    const history = [moved, steady, steady, steady, steady];
    let stableFor = 0;
    let previous: number[][] | null = null;
    const fired: (string | null)[] = [];
    for (const w of history) {
      const ranking = opRanking(nb201, w);
      stableFor = previous !== null && sameRanking(previous, ranking) ? stableFor + 1 : 0;
      previous = ranking;
      const skips = collapseCounts(deriveCell(nb201, w)).skip;
      fired.push(dartsPlusRule(skips, stableFor, 3));
    }
    expect(fired).toEqual([null, null, null, null, 'stable-ranking']);
  });

  it('reads the derived cell only after the warm-up and once the alphas have left uniform', () => {
    expect(dartsPlusChecks(3, 0, 0.9)).toBe(true);
    expect(dartsPlusChecks(3, 0, 0.98)).toBe(true);
    expect(dartsPlusChecks(3, 0, 0.981)).toBe(false);
    expect(dartsPlusChecks(3, 0, null)).toBe(false);
    expect(dartsPlusChecks(2, 2, 0.5)).toBe(false);
  });

  it('checks the skip rule before the ranking rule', () => {
    expect(dartsPlusRule(2, 99, 3)).toBe('skip-connections');
    expect(dartsPlusRule(1, 2, 3)).toBeNull();
    expect(dartsPlusRule(1, 3, 3)).toBe('stable-ranking');
  });
});

describe('RobustDARTS early stop (DARTS-ES)', () => {
  it('stops at the first epoch whose eigenvalue grew by more than a third over 5 epochs', () => {
    expect(dartsEsEpoch([1, 1, 1, 1, 1, 1.3, 1.4])).toBe(6);
    expect(dartsEsEpoch([1, 1, 1, 1, 1, 1.3])).toBeNull();
    expect(dartsEsEpoch([null, 1, 1, 1, 1, 1, 2])).toBe(6);
    expect(dartsEsEpoch([null, null, null, null, null, 5, 9])).toBeNull();
  });
});
