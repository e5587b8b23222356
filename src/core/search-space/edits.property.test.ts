import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createHistory, pushHistory, redo, undo } from '../history';
import {
  applyCellChange,
  emptyCell,
  NOT_YET_RUNNABLE,
  opsForDomain,
  type CellChange,
} from './edits';
import { OP_NAMES, type OpName } from './ops';
import { PRESET_NAMES, PRESETS, presetSpace } from './presets';
import type { CellSpec, DeriveRule } from './types';
import { validateCell } from './validate';

/** A change drawn as indices; `resolve` turns it into a change against the current cell. */
interface Draw {
  readonly kind: CellChange['kind'];
  readonly a: number;
  readonly b: number;
  readonly ops: readonly OpName[] | null;
  readonly count: number;
  readonly output: 'last' | 'concat';
  readonly derive: DeriveRule;
}

const KINDS: CellChange['kind'][] = [
  'add-node',
  'remove-node',
  'connect',
  'connect',
  'connect',
  'disconnect',
  'set-ops',
  'set-inputs',
  'set-output',
  'set-derive',
];

/** Changes as indices for a `domain` cell. */
const drawArb = (domain: 'image' | 'vector'): fc.Arbitrary<Draw> =>
  fc.record({
    kind: fc.constantFrom(...KINDS),
    a: fc.nat(12),
    b: fc.nat(12),
    // Mostly sets of ops either domain can use; sometimes any ops (wrong-domain, duplicated or none);
    // null means "use the default op set".
    ops: fc.oneof(
      { weight: 3, arbitrary: fc.subarray(opsForDomain(domain), { minLength: 1, maxLength: 4 }) },
      { weight: 1, arbitrary: fc.array(fc.constantFrom(...OP_NAMES), { maxLength: 4 }) },
      { weight: 2, arbitrary: fc.constant(null) },
    ),
    count: fc.constantFrom(1, 2, 3),
    output: fc.constantFrom('last' as const, 'concat' as const),
    derive: fc.oneof(
      fc.constant<DeriveRule>({ rule: 'per-edge' }),
      fc
        .oneof(fc.integer({ min: -1, max: 4 }), fc.constant(1.5))
        .map((k): DeriveRule => ({ rule: 'top-k', k })),
    ),
  });

/** Picks an element by index, with one extra slot for an id the cell does not have. */
function pick(ids: readonly string[], i: number, ghost: string): string {
  return ids[i % (ids.length + 1)] ?? ghost;
}

function resolve(cell: CellSpec, d: Draw): CellChange {
  const all = [...cell.inputs, ...cell.nodes];
  const edges = cell.edges.map((e) => e.id);
  switch (d.kind) {
    case 'add-node':
      return { kind: 'add-node' };
    case 'remove-node':
      return { kind: 'remove-node', node: pick(all, d.a, 'ghost') };
    case 'connect': {
      const from = pick(all, d.a, 'ghost');
      const to = pick(all, d.b, 'ghost');
      return d.ops === null
        ? { kind: 'connect', from, to }
        : { kind: 'connect', from, to, ops: d.ops };
    }
    case 'disconnect':
      return { kind: 'disconnect', edge: pick(edges, d.a, 'e99') };
    case 'set-ops':
      return { kind: 'set-ops', edge: pick(edges, d.a, 'e99'), ops: d.ops ?? [] };
    case 'set-inputs':
      return { kind: 'set-inputs', count: d.count as 1 | 2 };
    case 'set-output':
      return { kind: 'set-output', output: d.output };
    case 'set-derive':
      return { kind: 'set-derive', derive: d.derive };
  }
}

/** Every start: each preset's cells and the empty cells of both domains, with their domain. */
const STARTS: { name: string; cell: CellSpec; domain: 'image' | 'vector' }[] = [
  ...PRESET_NAMES.map((name) => ({
    name,
    cell: presetSpace(name).normal,
    domain: PRESETS[name].domain,
  })),
  ...(['image', 'vector'] as const).flatMap((domain) =>
    ([1, 2] as const).map((n) => ({
      name: `empty ${domain} ${n}`,
      cell: emptyCell(domain, n),
      domain,
    })),
  ),
];

/** Applies the drawn changes, keeping the accepted ones; returns every state reached, the start first. */
function run(start: CellSpec, domain: 'image' | 'vector', draws: readonly Draw[]): CellSpec[] {
  const states = [start];
  let cell = start;
  for (const d of draws) {
    const outcome = applyCellChange(cell, resolve(cell, d), domain);
    if (!outcome.ok) continue;
    expect(outcome.problems).toEqual(validateCell(outcome.cell, domain));
    cell = outcome.cell;
    states.push(cell);
  }
  return states;
}

describe('cell edits, properties', () => {
  it.each(STARTS)(
    'accepted changes from $name never leave a structural problem',
    ({ cell, domain }) => {
      let accepted = 0;
      fc.assert(
        fc.property(fc.array(drawArb(domain), { minLength: 10, maxLength: 40 }), (draws) => {
          const states = run(cell, domain, draws);
          accepted += states.length - 1;
          for (const state of states.slice(1)) {
            const structural = validateCell(state, domain).filter(
              (p) => !NOT_YET_RUNNABLE.includes(p.code),
            );
            expect(structural).toEqual([]);
          }
        }),
        { numRuns: 150 },
      );
      // The generator must exercise the editor, not only produce refusals: about 7 accepted
      // changes a run is typical, 3 a run is far below what any seed gives.
      expect(accepted).toBeGreaterThan(3 * 150);
    },
  );

  it.each(STARTS)(
    'undo restores every earlier cell from $name exactly, and redo replays',
    ({ cell, domain }) => {
      fc.assert(
        fc.property(fc.array(drawArb(domain), { maxLength: 30 }), (draws) => {
          const states = run(cell, domain, draws);
          const snapshots = states.map((s) => structuredClone(s));
          let h = createHistory(states[0] as CellSpec);
          for (const s of states.slice(1)) h = pushHistory(h, s);
          for (let i = states.length - 1; i > 0; i--) {
            expect(h.present).toEqual(snapshots[i]);
            h = undo(h);
          }
          expect(h.present).toEqual(snapshots[0]);
          expect(undo(h)).toBe(h);
          for (let i = 1; i < states.length; i++) {
            h = redo(h);
            expect(h.present).toEqual(snapshots[i]);
          }
          expect(redo(h)).toBe(h);
        }),
        { numRuns: 100 },
      );
    },
  );
});
