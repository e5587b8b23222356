import { describe, expect, it } from 'vitest';
import {
  applySpaceChange,
  composerProblems,
  emptySpace,
  type ComposerState,
  type SpaceChange,
  type SpaceOutcome,
} from './edits-space';
import { presetSpace } from './presets';
import { spaceSize } from './size';

const darts = (tied = false): ComposerState => ({ space: presetSpace('darts'), tied });
const nb201 = (): ComposerState => ({ space: presetSpace('nb201'), tied: false });

function ok(outcome: SpaceOutcome): ComposerState {
  if (!outcome.ok) throw new Error(`expected acceptance, got: ${outcome.reason}`);
  return outcome.state;
}

function reason(outcome: SpaceOutcome): string {
  if (outcome.ok) throw new Error('expected a refusal');
  return outcome.reason;
}

const removeN3 = (role: 'normal' | 'reduce'): SpaceChange => ({
  kind: 'cell',
  role,
  change: { kind: 'remove-node', node: 'n3' },
});

describe('applySpaceChange: cells', () => {
  it('edits one cell when untied, and the space stops naming its preset', () => {
    const state = ok(applySpaceChange(darts(), removeN3('reduce'), 'image'));
    expect(state.space.reduce?.nodes).toEqual(['n0', 'n1', 'n2']);
    expect(state.space.normal).toEqual(presetSpace('darts').normal);
    expect(state.space.preset).toBeNull();
  });

  it('edits both cells when tied, whichever role the change names', () => {
    for (const role of ['normal', 'reduce'] as const) {
      const state = ok(applySpaceChange(darts(true), removeN3(role), 'image'));
      expect(state.space.normal.nodes).toEqual(['n0', 'n1', 'n2']);
      expect(state.space.reduce).toEqual(state.space.normal);
    }
  });

  it('reports problems with paths from the experiment root', () => {
    const outcome = applySpaceChange(
      nb201(),
      { kind: 'cell', role: 'normal', change: { kind: 'add-node' } },
      'image',
    );
    expect(outcome.ok && outcome.problems.map((p) => `${p.path}:${p.code}`)).toEqual([
      'space.normal.nodes.n1:dead-end-node',
      'space.normal.nodes.n2:dead-end-node',
      'space.normal.nodes.n3:dead-end-node',
      'space.normal.nodes.n4:no-incoming-edge',
    ]);
    expect(outcome.ok && outcome.problems[3]?.message).toBe(
      'Node n4 has no incoming edge; connect it to an input or an earlier node.',
    );
  });

  it('passes on cell refusals and refuses editing a reduction cell the space lacks', () => {
    const cycle: SpaceChange = {
      kind: 'cell',
      role: 'normal',
      change: { kind: 'connect', from: 'n3', to: 'n1' },
    };
    expect(reason(applySpaceChange(nb201(), cycle, 'image'))).toBe(
      'n3 → n1 would close the cycle n1 → n3 → n1.',
    );
    expect(reason(applySpaceChange(nb201(), removeN3('reduce'), 'image'))).toBe(
      "This space has no reduction cell (its reduction is 'residual'); set the reduction to 'cell' to search one.",
    );
  });
});

describe('applySpaceChange: tie, macro, replace', () => {
  it('tying copies the normal cell over the reduction cell; untying keeps both', () => {
    const edited = ok(applySpaceChange(darts(), removeN3('normal'), 'image'));
    const tied = ok(applySpaceChange(edited, { kind: 'tie', tied: true }, 'image'));
    expect(tied.tied).toBe(true);
    expect(tied.space.reduce).toEqual(edited.space.normal);
    const untied = ok(applySpaceChange(tied, { kind: 'tie', tied: false }, 'image'));
    expect(untied).toEqual({ ...tied, tied: false });
  });

  it('patches the macro skeleton and adds or drops the reduction cell with the reduction', () => {
    const toCell = ok(
      applySpaceChange(nb201(), { kind: 'macro', patch: { reduction: 'cell' } }, 'image'),
    );
    expect(toCell.space.reduce).toEqual(toCell.space.normal);
    expect(spaceSize(toCell.space)).toBe(15_625n * 15_625n);
    const back = ok(
      applySpaceChange(
        toCell,
        { kind: 'macro', patch: { reduction: 'residual', channels: 8 } },
        'image',
      ),
    );
    expect(back.space.reduce).toBeNull();
    expect(back.space.macro).toMatchObject({ reduction: 'residual', channels: 8 });
    expect(back.space.preset).toBe('nb201');
  });

  it('refuses macro values out of range and reductions the domain cannot use', () => {
    const patch = (p: object, domain: 'image' | 'vector' = 'image') =>
      reason(applySpaceChange(nb201(), { kind: 'macro', patch: p }, domain));
    expect(patch({ channels: 0 })).toBe('Channels must be a whole number from 1 to 256 (got 0).');
    expect(patch({ stages: 2.5 })).toBe('Stages must be a whole number from 1 to 4 (got 2.5).');
    expect(patch({ reduction: 'none' })).toBe(
      "Image inputs need a reduction between stages: 'cell' or 'residual' (got 'none').",
    );
    expect(patch({ reduction: 'cell' }, 'vector')).toBe(
      "Feature-vector inputs have no resolution to reduce: the reduction must be 'none' (got 'cell').",
    );
    expect(patch({ width: 3 })).toBe('The macro skeleton has no field "width".');
  });

  it('loads an empty space, and refuses a space with a structural problem', () => {
    const macro = presetSpace('darts').macro;
    const empty = applySpaceChange(
      darts(true),
      { kind: 'replace', space: emptySpace('image', 2, macro) },
      'image',
    );
    expect(empty.ok && empty.state.space.reduce?.inputs).toEqual(['c0', 'c1']);
    expect(empty.ok && empty.problems.map((p) => `${p.path}:${p.code}`)).toEqual([
      'space.normal.nodes:no-nodes',
      'space.reduce.nodes:no-nodes',
    ]);
    const teaching = { kind: 'replace', space: presetSpace('teaching') } as const;
    expect(reason(applySpaceChange(darts(), teaching, 'image'))).toBe(
      'That space cannot be loaded: Edge e0 has op dense_relu, which works on feature vectors (2D points), but this space takes images.',
    );
  });

  it('stays tied after loading a space whose cells are equal, and unties otherwise', () => {
    const same = ok(
      applySpaceChange(darts(true), { kind: 'replace', space: presetSpace('darts') }, 'image'),
    );
    expect(same.tied).toBe(true);
    const edited = ok(applySpaceChange(darts(), removeN3('reduce'), 'image'));
    const loaded = ok(
      applySpaceChange(darts(true), { kind: 'replace', space: edited.space }, 'image'),
    );
    expect(loaded.tied).toBe(false);
    expect(loaded.space).toEqual(edited.space);
  });

  it('composerProblems finds nothing in the presets', () => {
    expect(composerProblems(presetSpace('darts'), 'image')).toEqual([]);
    expect(composerProblems(presetSpace('teaching'), 'vector')).toEqual([]);
  });
});
