import { describe, expect, it } from 'vitest';
import { formatDartsGenotype, formatNb201 } from './format';
import type { OpName } from './ops';
import { presetSpace } from './presets';
import type { CellGenotype } from './types';

const DARTS_NODES = ['c0', 'c1', 'n0', 'n1', 'n2', 'n3'];

/** A DARTS cell genotype from the paper's (op, input index) pairs, two per node in node order. */
function dartsCell(pairs: [OpName, number][]): CellGenotype {
  return {
    edges: pairs.map(([op, from], i) => ({
      op,
      from: DARTS_NODES[from] ?? '?',
      to: DARTS_NODES[2 + Math.floor(i / 2)] ?? '?',
    })),
    concat: ['n0', 'n1', 'n2', 'n3'],
  };
}

const DARTS_V2 = {
  normal: dartsCell([
    ['sep_conv_3x3', 0],
    ['sep_conv_3x3', 1],
    ['sep_conv_3x3', 0],
    ['sep_conv_3x3', 1],
    ['sep_conv_3x3', 1],
    ['skip_connect', 0],
    ['skip_connect', 0],
    ['dil_conv_3x3', 2],
  ]),
  reduce: dartsCell([
    ['max_pool_3x3', 0],
    ['max_pool_3x3', 1],
    ['skip_connect', 2],
    ['max_pool_3x3', 1],
    ['max_pool_3x3', 0],
    ['skip_connect', 2],
    ['skip_connect', 2],
    ['max_pool_3x3', 1],
  ]),
};

describe('formatDartsGenotype', () => {
  it('prints the published DARTS_V2 genotype exactly', () => {
    expect(formatDartsGenotype(presetSpace('darts'), DARTS_V2)).toBe(
      "Genotype(normal=[('sep_conv_3x3', 0), ('sep_conv_3x3', 1), ('sep_conv_3x3', 0), ('sep_conv_3x3', 1), " +
        "('sep_conv_3x3', 1), ('skip_connect', 0), ('skip_connect', 0), ('dil_conv_3x3', 2)], normal_concat=[2, 3, 4, 5], " +
        "reduce=[('max_pool_3x3', 0), ('max_pool_3x3', 1), ('skip_connect', 2), ('max_pool_3x3', 1), ('max_pool_3x3', 0), " +
        "('skip_connect', 2), ('skip_connect', 2), ('max_pool_3x3', 1)], reduce_concat=[2, 3, 4, 5])",
    );
  });

  it('groups edges by target node and prints an empty reduce cell for single-cell spaces', () => {
    const shuffled: CellGenotype = {
      ...DARTS_V2.normal,
      edges: [...DARTS_V2.normal.edges].reverse(),
    };
    const text = formatDartsGenotype(presetSpace('darts'), {
      normal: shuffled,
      reduce: DARTS_V2.reduce,
    });
    expect(
      text.startsWith(
        "Genotype(normal=[('sep_conv_3x3', 1), ('sep_conv_3x3', 0), ('sep_conv_3x3', 1), ('sep_conv_3x3', 0),",
      ),
    ).toBe(true);
    const nb = presetSpace('nb201');
    const g: CellGenotype = {
      edges: [{ from: 'n0', to: 'n1', op: 'skip_connect' }],
      concat: ['n3'],
    };
    expect(formatDartsGenotype(nb, { normal: g, reduce: null })).toBe(
      "Genotype(normal=[('skip_connect', 0)], normal_concat=[3], reduce=[], reduce_concat=[])",
    );
  });
});

describe('formatNb201', () => {
  it('prints the NAS-Bench-201 arch string, sources in order within each node', () => {
    const cell = presetSpace('nb201').normal;
    const g: CellGenotype = {
      edges: [
        { from: 'n0', to: 'n1', op: 'nor_conv_3x3' },
        { from: 'n1', to: 'n2', op: 'avg_pool_3x3' },
        { from: 'n0', to: 'n2', op: 'nor_conv_3x3' },
        { from: 'n0', to: 'n3', op: 'skip_connect' },
        { from: 'n1', to: 'n3', op: 'nor_conv_3x3' },
        { from: 'n2', to: 'n3', op: 'skip_connect' },
      ],
      concat: ['n3'],
    };
    expect(formatNb201(cell, g)).toBe(
      '|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|',
    );
  });

  it('is null for cells that are not NB201-style', () => {
    const darts = presetSpace('darts');
    expect(formatNb201(darts.normal, DARTS_V2.normal)).toBeNull();
    const oneInputTopK = {
      ...presetSpace('nb201').normal,
      derive: { rule: 'top-k', k: 2 } as const,
    };
    expect(formatNb201(oneInputTopK, { edges: [], concat: [] })).toBeNull();
  });
});
