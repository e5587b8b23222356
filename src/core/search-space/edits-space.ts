/**
 * Search-space edits for the composer: cell changes routed to the normal or reduction cell (both
 * when the cells are tied), tying, macro skeleton patches and loading a whole space. Pure data in,
 * pure data out; a refused change leaves the state as it was.
 */
import { checkNumber, shown } from '../checks';
import { withPathPrefix, type Problem } from '../problems';
import { applyCellChange, emptyCell, type CellChange } from './edits-cell';
import { defaultOpSet, NOT_YET_RUNNABLE } from './edits-checks';
import type { OpName } from './ops';
import type { CellRole, CellSpec, MacroSpec, SearchSpaceSpec } from './types';
import { MACRO_LIMITS, validateCell } from './validate';

/** One edit of a search space in the composer. */
export type SpaceChange =
  /** A cell edit; with tied cells it applies to both cells whichever role it names. */
  | { readonly kind: 'cell'; readonly role: CellRole; readonly change: CellChange }
  /** Ties the reduction cell to the normal cell (it becomes a copy of it) or unties them. */
  | { readonly kind: 'tie'; readonly tied: boolean }
  /** Changes fields of the macro skeleton; switching the reduction to or from 'cell' adds or drops the reduction cell. */
  | { readonly kind: 'macro'; readonly patch: Partial<MacroSpec> }
  /** Loads a whole space (a preset, or an empty space). */
  | { readonly kind: 'replace'; readonly space: SearchSpaceSpec };

/** What the composer edits: the space, and whether the reduction cell follows the normal cell. */
export interface ComposerState {
  readonly space: SearchSpaceSpec;
  readonly tied: boolean;
}

/** The result of a space change: the new state and what still keeps it from running, or a refusal with its reason. */
export type SpaceOutcome =
  | { readonly ok: true; readonly state: ComposerState; readonly problems: Problem[] }
  | { readonly ok: false; readonly reason: string };

const MACRO_LABELS: Record<keyof typeof MACRO_LIMITS, string> = {
  channels: 'Channels',
  stemMultiplier: 'Stem multiplier',
  stages: 'Stages',
  cellsPerStage: 'Cells per stage',
};

const REDUCTIONS: readonly MacroSpec['reduction'][] = ['cell', 'residual', 'none'];

/** Why `reduction` does not fit a `domain` space, or null when it does. */
function reductionRefusal(reduction: unknown, domain: 'image' | 'vector'): string | null {
  if (!REDUCTIONS.includes(reduction as MacroSpec['reduction'])) {
    return `The reduction must be 'cell', 'residual' or 'none' (got ${shown(reduction)}).`;
  }
  if (domain === 'vector' && reduction !== 'none') {
    return `Feature-vector inputs have no resolution to reduce: the reduction must be 'none' (got '${String(reduction)}').`;
  }
  if (domain === 'image' && reduction === 'none') {
    return "Image inputs need a reduction between stages: 'cell' or 'residual' (got 'none').";
  }
  return null;
}

/** Why a macro skeleton cannot be used, as problems (paths 'space.macro.<field>', 'space.reduce'). */
function macroProblems(space: SearchSpaceSpec, domain: 'image' | 'vector'): Problem[] {
  const out: Problem[] = [];
  for (const key of Object.keys(MACRO_LIMITS) as (keyof typeof MACRO_LIMITS)[]) {
    const p = checkNumber(
      `space.macro.${key}`,
      MACRO_LABELS[key],
      space.macro[key],
      MACRO_LIMITS[key],
    );
    if (p) out.push(p);
  }
  const reduction = reductionRefusal(space.macro.reduction, domain);
  if (reduction) {
    out.push({ path: 'space.macro.reduction', code: 'reduction-kind', message: reduction });
  }
  if (space.macro.reduction === 'cell' && space.reduce === null) {
    out.push({
      path: 'space.reduce',
      code: 'missing-reduce-cell',
      message: "Reduction 'cell' needs a reduction cell, but the space has none.",
    });
  }
  if (space.macro.reduction !== 'cell' && space.reduce !== null) {
    out.push({
      path: 'space.reduce',
      code: 'unused-reduce-cell',
      message: `A reduction cell is only used with reduction 'cell' (got '${space.macro.reduction}').`,
    });
  }
  return out;
}

/**
 * Every problem of a composed space that does not depend on the dataset's input size: both cells
 * (paths 'space.normal.…', 'space.reduce.…') and the macro skeleton's ranges and reduction mode.
 */
export function composerProblems(space: SearchSpaceSpec, domain: 'image' | 'vector'): Problem[] {
  const out = withPathPrefix('space.normal', validateCell(space.normal, domain));
  if (space.reduce) out.push(...withPathPrefix('space.reduce', validateCell(space.reduce, domain)));
  out.push(...macroProblems(space, domain));
  return out;
}

/** A space with empty cells (inputs only) around `macro`: a reduction cell too when the reduction is 'cell'. */
export function emptySpace(
  domain: 'image' | 'vector',
  inputs: 1 | 2,
  macro: MacroSpec,
): SearchSpaceSpec {
  const cell = emptyCell(domain, inputs);
  return { preset: null, normal: cell, reduce: macro.reduction === 'cell' ? cell : null, macro };
}

/** True when two cells are the same data. */
function sameCell(a: CellSpec, b: CellSpec): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** The space with new cells; it stops naming a preset once either cell differs from before. */
function withCells(
  space: SearchSpaceSpec,
  normal: CellSpec,
  reduce: CellSpec | null,
): SearchSpaceSpec {
  const same =
    sameCell(space.normal, normal) &&
    (space.reduce === null || reduce === null
      ? space.reduce === reduce
      : sameCell(space.reduce, reduce));
  return { ...space, preset: same ? space.preset : null, normal, reduce };
}

function cellChange(
  state: ComposerState,
  role: CellRole,
  change: CellChange,
  domain: 'image' | 'vector',
  defaultOps: readonly OpName[],
): ComposerState | string {
  const { space } = state;
  const target = role === 'normal' ? space.normal : space.reduce;
  if (target === null) {
    return `This space has no reduction cell (its reduction is '${space.macro.reduction}'); set the reduction to 'cell' to search one.`;
  }
  const outcome = applyCellChange(target, change, domain, defaultOps);
  if (!outcome.ok) return outcome.reason;
  const cell = outcome.cell;
  if (state.tied && space.reduce !== null) return { ...state, space: withCells(space, cell, cell) };
  return {
    ...state,
    space:
      role === 'normal'
        ? withCells(space, cell, space.reduce)
        : withCells(space, space.normal, cell),
  };
}

function macroChange(
  state: ComposerState,
  patch: Partial<MacroSpec>,
  domain: 'image' | 'vector',
): ComposerState | string {
  for (const [key, value] of Object.entries(patch)) {
    if (key === 'reduction') {
      const bad = reductionRefusal(value, domain);
      if (bad) return bad;
    } else if (Object.prototype.hasOwnProperty.call(MACRO_LIMITS, key)) {
      const k = key as keyof typeof MACRO_LIMITS;
      const p = checkNumber(`space.macro.${k}`, MACRO_LABELS[k], value, MACRO_LIMITS[k]);
      if (p) return p.message;
    } else {
      return `The macro skeleton has no field ${shown(key)}.`;
    }
  }
  const { space } = state;
  const macro: MacroSpec = { ...space.macro, ...patch };
  const reduce = macro.reduction === 'cell' ? (space.reduce ?? space.normal) : null;
  return { ...state, space: { ...space, macro, reduce } };
}

function replace(
  state: ComposerState,
  space: SearchSpaceSpec,
  domain: 'image' | 'vector',
): ComposerState | string {
  const wrong = composerProblems(space, domain).find((p) => !NOT_YET_RUNNABLE.includes(p.code));
  if (wrong) return `That space cannot be loaded: ${wrong.message}`;
  const tied = state.tied && space.reduce !== null && sameCell(space.normal, space.reduce);
  return { tied, space: tied ? { ...space, reduce: space.normal } : space };
}

function changedState(
  state: ComposerState,
  change: SpaceChange,
  domain: 'image' | 'vector',
  defaultOps: readonly OpName[],
): ComposerState | string {
  switch (change.kind) {
    case 'cell':
      return cellChange(state, change.role, change.change, domain, defaultOps);
    case 'tie': {
      const { space } = state;
      if (!change.tied || space.reduce === null) return { ...state, tied: change.tied };
      return { tied: true, space: withCells(space, space.normal, space.normal) };
    }
    case 'macro':
      return macroChange(state, change.patch, domain);
    case 'replace':
      return replace(state, change.space, domain);
    default:
      return `Unknown space change ${shown((change as { kind?: unknown }).kind)}.`;
  }
}

/**
 * Applies one change to the composer's state for a `domain` space. Cell changes are refused for the
 * reasons `applyCellChange` gives, and when they name a reduction cell the space does not have;
 * macro patches outside the skeleton's ranges or with a reduction the domain cannot use are refused;
 * a replacing space with a structural problem (anything beyond a not-yet-runnable node) is refused.
 * Tying copies the normal cell over the reduction cell. `problems` lists what still keeps the space
 * from running, with paths from the experiment root ('space.normal.nodes.n2').
 */
export function applySpaceChange(
  state: ComposerState,
  change: SpaceChange,
  domain: 'image' | 'vector',
  defaultOps: readonly OpName[] = defaultOpSet(domain),
): SpaceOutcome {
  const next = changedState(state, change, domain, defaultOps);
  if (typeof next === 'string') return { ok: false, reason: next };
  return { ok: true, state: next, problems: composerProblems(next.space, domain) };
}
