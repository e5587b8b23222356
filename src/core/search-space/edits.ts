/**
 * Edits of cells and search spaces as plain data, for the composer: `applyCellChange` for one cell,
 * `applySpaceChange` for the whole space (normal and reduction cells, tying, macro skeleton).
 */
export { applyCellChange, emptyCell, type CellChange, type ChangeOutcome } from './edits-cell';
export { defaultOpSet, NOT_YET_RUNNABLE, opsForDomain } from './edits-checks';
export {
  applySpaceChange,
  composerProblems,
  emptySpace,
  type ComposerState,
  type SpaceChange,
  type SpaceOutcome,
} from './edits-space';
