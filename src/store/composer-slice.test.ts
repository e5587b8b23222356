import { describe, expect, it } from 'vitest';
import type { EngineClient } from '../bridge/types';
import { spaceFigures } from './composer-figures';
import { opsForDomain, toggleOp } from './composer-logic';
import { layoutCell, placeNewNodes } from './composer-layout';
import { spaceProblems } from './composer-problems';
import { createStudioStore } from './studio-store';

const noClient = (): EngineClient => {
  throw new Error('no worker in these tests');
};

/** A studio on the NAS-Bench-201 preset with an empty 1-input cell and NB201's ops as the default set. */
function emptyNb201() {
  const store = createStudioStore(noClient);
  store.getState().setPreset('nb201');
  store.getState().loadEmptyCell();
  const s = store.getState();
  for (const op of opsForDomain('image')) {
    const want = ['none', 'skip_connect', 'nor_conv_1x1', 'nor_conv_3x3', 'avg_pool_3x3'].includes(
      op,
    );
    if (s.defaultOps.includes(op) !== want) store.getState().toggleDefaultOp(op);
  }
  return store;
}

const cell = (from: string, to: string) =>
  ({ kind: 'cell', role: 'normal', change: { kind: 'connect', from, to } }) as const;

describe('composer slice', () => {
  it('builds the NAS-Bench-201 cell from an empty cell and keeps the spec space in step', () => {
    const store = emptyNb201();
    expect(store.getState().spec.space.normal.nodes).toEqual([]);
    for (let i = 0; i < 3; i++)
      store.getState().changeSpace({ kind: 'cell', role: 'normal', change: { kind: 'add-node' } });
    for (const [from, to] of [
      ['x', 'n0'],
      ['x', 'n1'],
      ['x', 'n2'],
      ['n0', 'n1'],
      ['n0', 'n2'],
      ['n1', 'n2'],
    ] as const) {
      const op = {
        kind: 'cell',
        role: 'normal',
        change: { kind: 'connect', from, to, ops: store.getState().defaultOps },
      } as const;
      expect(store.getState().changeSpace(op)).toBe(true);
    }
    const s = store.getState();
    expect(s.spec.space).toBe(s.composer.present.space);
    expect(spaceFigures(s.spec).size).toBe(15625n);
    expect(spaceFigures(s.spec).cost?.supernet.params).toBeGreaterThan(0);
    expect(JSON.parse(JSON.stringify(s.spec)).space).toEqual(s.spec.space);
    expect(Object.keys(s.positions.normal).sort()).toEqual(['n0', 'n1', 'n2', 'x']);
  });

  it('refuses a cycle with its reason and keeps the space and history', () => {
    const store = emptyNb201();
    store.getState().changeSpace({ kind: 'cell', role: 'normal', change: { kind: 'add-node' } });
    store.getState().changeSpace({ kind: 'cell', role: 'normal', change: { kind: 'add-node' } });
    store.getState().changeSpace(cell('n0', 'n1'));
    const before = store.getState();
    expect(store.getState().changeSpace(cell('n1', 'n0'))).toBe(false);
    const after = store.getState();
    expect(after.composerMessage).toContain('cycle');
    expect(after.spec.space).toBe(before.spec.space);
    expect(after.composer).toBe(before.composer);
    store.getState().changeSpace({ kind: 'cell', role: 'normal', change: { kind: 'add-node' } });
    expect(store.getState().composerMessage).toBeNull();
  });

  it('undoes and redoes changes exactly, the spec following', () => {
    const store = emptyNb201();
    const empty = store.getState().spec.space;
    store.getState().changeSpace({ kind: 'cell', role: 'normal', change: { kind: 'add-node' } });
    const one = store.getState().spec.space;
    store.getState().undoComposer();
    expect(store.getState().spec.space).toEqual(empty);
    store.getState().redoComposer();
    expect(store.getState().spec.space).toEqual(one);
    store.getState().undoComposer();
    store.getState().undoComposer();
    expect(store.getState().spec.space.preset).toBe('nb201');
  });

  it('keeps the composed space when the dataset changes within its domain', () => {
    const store = createStudioStore(noClient);
    store
      .getState()
      .changeSpace({ kind: 'cell', role: 'normal', change: { kind: 'remove-node', node: 'h3' } });
    const composed = store.getState().spec.space;
    store.getState().setDataset('xor');
    expect(store.getState().spec.dataset.id).toBe('xor');
    expect(store.getState().spec.space).toBe(composed);
  });

  it('starts a fresh history when a preset changes the domain', () => {
    const store = createStudioStore(noClient);
    store.getState().setPreset('darts');
    const s = store.getState();
    expect(s.composer.past).toHaveLength(0);
    expect(s.defaultOps).toHaveLength(8);
    expect(Object.keys(s.positions.reduce)).toContain('c0');
  });
});

describe('composer helpers', () => {
  it('toggles ops in registry order', () => {
    expect(toggleOp(['skip_connect'], 'none')).toEqual(['none', 'skip_connect']);
    expect(toggleOp(['none', 'skip_connect'], 'none')).toEqual(['skip_connect']);
    expect(opsForDomain('vector')).not.toContain('nor_conv_3x3');
  });

  it('sorts space problems onto nodes, edges, cells and macro fields', () => {
    const grouped = spaceProblems([
      { path: 'space.normal.nodes.n2', code: 'no-incoming-edge', message: 'a' },
      { path: 'space.reduce.edges.e1.ops', code: 'empty-ops', message: 'b' },
      { path: 'space.normal.derive.k', code: 'top-k', message: 'c' },
      { path: 'space.macro.stages', code: 'input-too-small', message: 'd' },
      { path: 'space.reduce', code: 'missing-reduce-cell', message: 'e' },
      { path: 'strategy.weightLr', code: 'out-of-range', message: 'f' },
    ]);
    expect(grouped.normal.nodes.get('n2')?.[0]?.message).toBe('a');
    expect(grouped.reduce.edges.get('e1')?.[0]?.message).toBe('b');
    expect(grouped.normal.cell.map((p) => p.message)).toEqual(['c']);
    expect(grouped.macro.get('stages')?.[0]?.message).toBe('d');
    expect(grouped.other.map((p) => p.message)).toEqual(['e']);
    expect(grouped.all).toHaveLength(5);
  });

  it('lays a cell out left to right and places new nodes without moving placed ones', () => {
    const store = createStudioStore(noClient);
    const c = store.getState().spec.space.normal;
    const laid = layoutCell(c);
    expect((laid.x?.x ?? 0) < (laid.h3?.x ?? 0)).toBe(true);
    const placed = placeNewNodes(c, { x: { x: 500, y: 500 } });
    expect(placed.x).toEqual({ x: 500, y: 500 });
    expect(Object.keys(placed).sort()).toEqual(['h1', 'h2', 'h3', 'x']);
  });
});
