/** The search-space composer: an undoable history of composer states kept in step with the spec's space. */
import type { StateCreator } from 'zustand';
import {
  canRedo,
  canUndo,
  createHistory,
  pushHistory,
  redo,
  undo,
  type History,
} from '../core/history';
import type { ExperimentSpec } from '../core/experiment/spec';
import type { Problem } from '../core/problems';
import { applySpaceChange, type ComposerState, type SpaceChange } from '../core/search-space/edits';
import type { OpName } from '../core/search-space/ops';
import type { CellRole, SearchSpaceSpec } from '../core/search-space/types';
import { defaultOpsOf, emptySpace, specDomain, toggleOp } from './composer-logic';
import { layoutCell, placeNewNodes, type NodePositions, type XY } from './composer-layout';
import type { StudioState } from './studio-state';

/** Node positions of both cells, keyed by node id. */
export type CellPositions = Readonly<Record<CellRole, NodePositions>>;

/** The composer half of the studio state. */
export interface ComposerSlice {
  /** Undoable composer states; `composer.present.space` is always `spec.space`. */
  readonly composer: History<ComposerState>;
  /** The cell shown on the canvas. */
  readonly composerRole: CellRole;
  /** Candidate ops every newly drawn edge gets. */
  readonly defaultOps: readonly OpName[];
  /** Why the last change was refused, until the next change succeeds or it is dismissed. */
  readonly composerMessage: string | null;
  /** Canvas positions (UI state, not part of the space or its history). */
  readonly positions: CellPositions;
  /** Counts whole-space loads (preset, empty cell), so the canvas can fit a new space into view. */
  readonly composerEpoch: number;
  /** Applies a change; on refusal keeps everything and shows the reason. Returns whether it applied. */
  changeSpace(change: SpaceChange): boolean;
  /** Replaces the space with an empty 1-input cell of the dataset's domain (undoable). */
  loadEmptyCell(): void;
  undoComposer(): void;
  redoComposer(): void;
  setComposerRole(role: CellRole): void;
  /** Adds or removes one op of the default set. */
  toggleDefaultOp(op: OpName): void;
  /** Records where the user dragged a node. */
  moveNode(role: CellRole, node: string, at: XY): void;
  /** Lays the shown cell out again (dagre, left to right), forgetting dragged positions. */
  autoLayout(): void;
  dismissComposerMessage(): void;
}

/** The composer fields for a freshly loaded space: a new history, the space's op set as default, laid-out nodes. */
export function composerFor(
  space: SearchSpaceSpec,
  spec: ExperimentSpec,
): Pick<
  ComposerSlice,
  'composer' | 'composerRole' | 'defaultOps' | 'composerMessage' | 'positions'
> {
  return {
    composer: createHistory<ComposerState>({ space, tied: false }),
    composerRole: 'normal',
    defaultOps: defaultOpsOf(space, specDomain(spec)),
    composerMessage: null,
    positions: placeAll(space, { normal: {}, reduce: {} }),
  };
}

/** Every node of both cells placed, existing positions kept. */
export function placeAll(space: SearchSpaceSpec, positions: CellPositions): CellPositions {
  return {
    normal: placeNewNodes(space.normal, positions.normal),
    reduce: space.reduce ? placeNewNodes(space.reduce, positions.reduce) : positions.reduce,
  };
}

/** The role to show for a space: the reduction cell only while the space has one. */
function roleFor(space: SearchSpaceSpec, role: CellRole): CellRole {
  return role === 'reduce' && space.reduce !== null ? 'reduce' : 'normal';
}

/**
 * The studio fields after `change`, or the refusal reason. Pure: the slice's `changeSpace` and the
 * tests both use it.
 */
export function changedStudio(
  s: Pick<StudioState, 'spec' | 'composer' | 'positions' | 'composerRole'>,
  change: SpaceChange,
):
  | {
      ok: true;
      fields: Pick<StudioState, 'spec' | 'composer' | 'positions' | 'composerRole'>;
      problems: Problem[];
    }
  | { ok: false; reason: string } {
  const outcome = applySpaceChange(s.composer.present, change, specDomain(s.spec));
  if (!outcome.ok) return outcome;
  const space = outcome.state.space;
  return {
    ok: true,
    problems: outcome.problems,
    fields: {
      spec: { ...s.spec, space },
      composer: pushHistory(s.composer, outcome.state),
      positions: placeAll(space, s.positions),
      composerRole: roleFor(space, s.composerRole),
    },
  };
}

/** Moves the history one step (undo or redo) and the spec's space with it. */
function stepped(
  s: Pick<StudioState, 'spec' | 'composer' | 'positions' | 'composerRole'>,
  composer: History<ComposerState>,
): Pick<StudioState, 'spec' | 'composer' | 'positions' | 'composerRole' | 'composerMessage'> {
  const space = composer.present.space;
  return {
    composer,
    spec: { ...s.spec, space },
    positions: placeAll(space, s.positions),
    composerRole: roleFor(space, s.composerRole),
    composerMessage: null,
  };
}

/** Builds the composer slice; the experiment slice's spec must exist before it is read. */
export function createComposerSlice(
  initialSpec: ExperimentSpec,
): StateCreator<StudioState, [], [], ComposerSlice> {
  return (set, get) => {
    const changeSpace = (change: SpaceChange): boolean => {
      const next = changedStudio(get(), change);
      if (!next.ok) {
        set({ composerMessage: next.reason });
        return false;
      }
      set({ ...next.fields, composerMessage: null });
      return true;
    };
    return {
      ...composerFor(initialSpec.space, initialSpec),
      composerEpoch: 0,
      changeSpace,
      loadEmptyCell: () => {
        const { spec } = get();
        const domain = specDomain(spec);
        if (changeSpace({ kind: 'replace', space: emptySpace(spec.space, domain) })) {
          set((s) => ({
            defaultOps: defaultOpsOf(s.spec.space, domain),
            composerEpoch: s.composerEpoch + 1,
            positions: placeAll(s.spec.space, { normal: {}, reduce: {} }),
          }));
        }
      },
      undoComposer: () => {
        const s = get();
        if (canUndo(s.composer)) set(stepped(s, undo(s.composer)));
      },
      redoComposer: () => {
        const s = get();
        if (canRedo(s.composer)) set(stepped(s, redo(s.composer)));
      },
      setComposerRole: (role) => set((s) => ({ composerRole: roleFor(s.spec.space, role) })),
      toggleDefaultOp: (op) => set((s) => ({ defaultOps: toggleOp(s.defaultOps, op) })),
      moveNode: (role, node, at) =>
        set((s) => ({
          positions: { ...s.positions, [role]: { ...s.positions[role], [node]: at } },
        })),
      autoLayout: () =>
        set((s) => {
          const cell = s.composerRole === 'reduce' ? s.spec.space.reduce : s.spec.space.normal;
          if (!cell) return {};
          return { positions: { ...s.positions, [s.composerRole]: layoutCell(cell) } };
        }),
      dismissComposerMessage: () => set({ composerMessage: null }),
    };
  };
}
