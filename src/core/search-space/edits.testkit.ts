/** Shared helpers of the cell-edit tests: apply a list of changes, unwrap outcomes, a small cell. */
import { applyCellChange, emptyCell, type CellChange, type ChangeOutcome } from './edits-cell';
import type { CellSpec } from './types';

/** Applies changes in order, failing the test on the first refusal. */
export function build(
  start: CellSpec,
  changes: readonly CellChange[],
  domain: 'image' | 'vector' = 'image',
): CellSpec {
  let cell = start;
  for (const change of changes) {
    const outcome = applyCellChange(cell, change, domain);
    if (!outcome.ok) throw new Error(`${change.kind} refused: ${outcome.reason}`);
    cell = outcome.cell;
  }
  return cell;
}

/** The reason of a refusal; throws when the change was accepted. */
export function reason(outcome: ChangeOutcome): string {
  if (outcome.ok) throw new Error('expected a refusal');
  return outcome.reason;
}

/** The accepted cell with its problems' codes and paths; throws on a refusal. */
export function accepted(outcome: ChangeOutcome): {
  cell: CellSpec;
  codes: string[];
  paths: string[];
} {
  if (!outcome.ok) throw new Error(`expected acceptance, got: ${outcome.reason}`);
  return {
    cell: outcome.cell,
    codes: outcome.problems.map((p) => p.code),
    paths: outcome.problems.map((p) => p.path),
  };
}

/** x → n0 → n1, plus x → n1: a small runnable 1-input image cell. */
export const small = (): CellSpec =>
  build(emptyCell('image', 1), [
    { kind: 'add-node' },
    { kind: 'add-node' },
    { kind: 'connect', from: 'x', to: 'n0', ops: ['skip_connect', 'nor_conv_3x3'] },
    { kind: 'connect', from: 'n0', to: 'n1', ops: ['nor_conv_1x1'] },
    { kind: 'connect', from: 'x', to: 'n1', ops: ['none', 'avg_pool_3x3'] },
  ]);
