import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/random';
import { deriveGenotype } from '../../core/search-space/derive';
import { presetSpace } from '../../core/search-space/presets';
import type { CellAlphas, CellSpec } from '../../core/search-space/types';
import {
  emptyState,
  opCandidates,
  rankByHarm,
  selectedGenotype,
  selectionRounds,
  type RoleState,
} from './plan';

const darts = presetSpace('darts');
const nb201 = presetSpace('nb201');

describe('selectionRounds', () => {
  it('DARTS: 14 rounds fixing one edge of each cell (none never a candidate), then 3 node rounds', () => {
    const rounds = selectionRounds(darts, createRng(1));
    expect(rounds).toHaveLength(17);
    for (const round of rounds.slice(0, 14)) {
      expect(round.map((s) => [s.kind, s.role])).toEqual([
        ['op', 'normal'],
        ['op', 'reduce'],
      ]);
      for (const s of round)
        if (s.kind === 'op') expect(s.candidates).toEqual([1, 2, 3, 4, 5, 6, 7]);
    }
    for (const role of ['normal', 'reduce'] as const) {
      const edges = rounds
        .flat()
        .flatMap((s) => (s.kind === 'op' && s.role === role ? [s.edge] : []));
      expect([...edges].sort((a, b) => a - b)).toEqual(Array.from({ length: 14 }, (_, i) => i));
      expect(edges).not.toEqual([...edges].sort((a, b) => a - b));
      const nodes = rounds.slice(14).flatMap((r) => r.filter((s) => s.role === role));
      // n0 has exactly 2 inputs: nothing to decide there.
      expect(
        nodes.map((s) => (s.kind === 'node' ? [s.node, s.edges.length, s.k] : [])).sort(),
      ).toEqual([
        ['n1', 3, 2],
        ['n2', 4, 2],
        ['n3', 5, 2],
      ]);
    }
  });

  it('NAS-Bench-201: one op round per edge over all 5 ops, none included, and no node rounds', () => {
    const rounds = selectionRounds(nb201, createRng(2));
    expect(rounds).toHaveLength(6);
    for (const round of rounds) {
      expect(round).toHaveLength(1);
      const [s] = round;
      expect(s?.kind === 'op' && s.candidates).toEqual([0, 1, 2, 3, 4]);
    }
  });

  it('repeats its order for a seed and changes it for another', () => {
    const order = (seed: number) => JSON.stringify(selectionRounds(darts, createRng(seed)));
    expect(order(3)).toBe(order(3));
    expect(order(4)).not.toBe(order(3));
  });

  it('leaves out edges that offer only none in a top-k cell', () => {
    const cell: CellSpec = {
      ...darts.normal,
      edges: darts.normal.edges.map((e) => (e.id === 'e4' ? { ...e, ops: ['none'] } : e)),
    };
    expect(opCandidates(cell, 4)).toEqual([]);
    const rounds = selectionRounds({ ...darts, normal: cell }, createRng(1));
    const normal = rounds.flat().filter((s) => s.role === 'normal');
    expect(normal.some((s) => s.kind === 'op' && s.edge === 4)).toBe(false);
    // n1 keeps e2, e3 and e4 as inputs only if usable: with e4 unusable it has exactly 2.
    expect(normal.some((s) => s.kind === 'node' && s.node === 'n1')).toBe(false);
  });
});

describe('rankByHarm', () => {
  it('ranks lowest accuracy first, then highest loss, then listed order; NaN counts as worst', () => {
    const s = (acc: number, loss: number) => ({ acc, loss });
    expect(rankByHarm([s(0.9, 0.3), s(0.5, 0.2), s(0.5, 0.4), s(0.9, 0.3)])).toEqual([2, 1, 0, 3]);
    expect(rankByHarm([s(0.2, 1), s(Number.NaN, 0), s(0.2, Number.NaN)])).toEqual([1, 2, 0]);
  });
});

describe('selectedGenotype', () => {
  /** Decisions on the DARTS normal cell: op `op` on every edge, node inputs from `keep`. */
  function decided(op: number, keep: Record<string, string[]>): RoleState {
    const cell = darts.normal;
    return {
      ops: cell.edges.map(() => op),
      dropped: cell.edges.map((e) => (keep[e.to] ? !(keep[e.to] ?? []).includes(e.id) : false)),
    };
  }

  it('matches the shape core derives from one-hot weights with the same choices', () => {
    const keep = { n1: ['e2', 'e4'], n2: ['e6', 'e8'], n3: ['e9', 'e13'] };
    const normal = decided(4, keep);
    const reduce = decided(1, keep);
    const g = selectedGenotype(darts, { normal, reduce });
    const oneHot = (s: RoleState): CellAlphas =>
      darts.normal.edges.map((_, i) =>
        Array.from({ length: 8 }, (_, o) => (!s.dropped[i] && s.ops[i] === o ? 1 : 0)),
      );
    expect(g).toEqual(deriveGenotype(darts, { normal: oneHot(normal), reduce: oneHot(reduce) }));
    expect(g.normal.edges.map((e) => `${e.from}>${e.to}:${e.op}`)).toEqual([
      'c0>n0:sep_conv_3x3',
      'c1>n0:sep_conv_3x3',
      'c0>n1:sep_conv_3x3',
      'n0>n1:sep_conv_3x3',
      'c1>n2:sep_conv_3x3',
      'n1>n2:sep_conv_3x3',
      'c0>n3:sep_conv_3x3',
      'n2>n3:sep_conv_3x3',
    ]);
    expect(g.reduce?.edges.every((e) => e.op === 'max_pool_3x3')).toBe(true);
    expect(g.normal.concat).toEqual(['n0', 'n1', 'n2', 'n3']);
  });

  it('throws while a kept edge has no op', () => {
    const state = emptyState(nb201);
    expect(() => selectedGenotype(nb201, state)).toThrow(
      /Edge e0 of the normal cell has no op yet/,
    );
    state.normal?.ops.fill(0);
    expect(selectedGenotype(nb201, state).normal.edges.map((e) => e.op)).toEqual(
      Array.from({ length: 6 }, () => 'none'),
    );
  });
});
