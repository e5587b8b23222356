/** Validation of cells and search spaces: every problem as a plain sentence with a stable code. */
import { checkNumber, pushCheck } from '../checks';
import type { InputShape } from '../experiment/spec';
import { withPathPrefix, type Problem } from '../problems';
import { findCycle, incomingEdges, outputNodes, reachable } from './cell';
import { edgeProblems, idProblems } from './validate-edges';
import type { CellSpec, SearchSpaceSpec } from './types';

/** The allowed macro skeleton ranges (whole numbers, inclusive). */
export const MACRO_LIMITS = {
  channels: { integer: true, min: 1, max: 256 },
  stemMultiplier: { integer: true, min: 1, max: 4 },
  stages: { integer: true, min: 1, max: 4 },
  cellsPerStage: { integer: true, min: 1, max: 8 },
} as const;

const MACRO_LABELS: Record<keyof typeof MACRO_LIMITS, string> = {
  channels: 'Channels',
  stemMultiplier: 'Stem multiplier',
  stages: 'Stages',
  cellsPerStage: 'Cells per stage',
};

/** Input count, intermediate node count and the derive rule's k. */
function shapeProblems(cell: CellSpec): Problem[] {
  const out: Problem[] = [];
  if (cell.inputs.length < 1 || cell.inputs.length > 2) {
    out.push({
      path: 'inputs',
      code: 'input-count',
      message: `A cell needs 1 or 2 input nodes (got ${cell.inputs.length}).`,
    });
  }
  if (cell.nodes.length === 0) {
    out.push({
      path: 'nodes',
      code: 'no-nodes',
      message: 'A cell needs at least one intermediate node (got none).',
    });
  }
  if (cell.derive.rule === 'top-k') {
    const p = checkNumber('derive.k', 'Top-k (edges kept per node)', cell.derive.k, {
      integer: true,
      min: 1,
    });
    if (p) out.push({ ...p, code: 'top-k' });
  }
  return out;
}

/** Cycles, nodes with no input, unreachable nodes, dead ends, and nodes that can only ever see zeros. */
function graphProblems(cell: CellSpec): Problem[] {
  const out: Problem[] = [];
  const cycle = findCycle(cell);
  if (cycle) {
    const first = cell.edges.find((e) => e.from === cycle[0] && e.to === cycle[1]);
    out.push({
      path: first ? `edges.${first.id}` : 'edges',
      code: 'cycle',
      message: `Edges ${cycle.join(' → ')} form a cycle; a cell must be acyclic.`,
    });
  }
  const fromInputs = reachable(cell, cell.inputs);
  const output = cell.output === 'last' ? outputNodes(cell)[0] : undefined;
  const toOutput = output === undefined ? null : reachable(cell, [output], true);
  for (const node of new Set(cell.nodes)) {
    const path = `nodes.${node}`;
    const incoming = incomingEdges(cell, node);
    if (incoming.length === 0) {
      out.push({
        path,
        code: 'no-incoming-edge',
        message: `Node ${node} has no incoming edge; connect it to an input or an earlier node.`,
      });
    } else if (!fromInputs.has(node)) {
      out.push({
        path,
        code: 'unreachable-node',
        message: `Node ${node} cannot be reached from any input node, so it never gets data.`,
      });
    } else if (incoming.every((e) => e.ops.length > 0 && e.ops.every((op) => op === 'none'))) {
      out.push({
        path,
        code: 'zero-only-node',
        message: `Every edge into node ${node} offers only the none op, so ${node} always outputs zeros.`,
      });
    }
    if (toOutput && !toOutput.has(node)) {
      out.push({
        path,
        code: 'dead-end-node',
        message: `Node ${node} does not lead to the output node ${output}, so its result is never used.`,
      });
    }
  }
  return out;
}

/**
 * Every problem of one cell for a space over `domain` inputs. Paths are relative to the cell
 * ('edges.e3', 'nodes.n2', 'inputs', 'derive.k'); validateSpace prefixes them with 'space.normal' or 'space.reduce'.
 */
export function validateCell(cell: CellSpec, domain: 'image' | 'vector'): Problem[] {
  return [
    ...shapeProblems(cell),
    ...idProblems(cell),
    ...edgeProblems(cell, domain),
    ...graphProblems(cell),
  ];
}

/** Macro ranges, the reduction mode against the input kind, and whether images survive the reductions. */
function macroProblems(space: SearchSpaceSpec, input: InputShape): Problem[] {
  const out: Problem[] = [];
  const m = space.macro;
  for (const key of Object.keys(MACRO_LIMITS) as (keyof typeof MACRO_LIMITS)[]) {
    pushCheck(out, `space.macro.${key}`, MACRO_LABELS[key], m[key], MACRO_LIMITS[key]);
  }
  if (m.reduction === 'cell' && space.reduce === null) {
    out.push({
      path: 'space.reduce',
      code: 'missing-reduce-cell',
      message: "Reduction 'cell' needs a reduction cell, but the space has none.",
    });
  }
  if (m.reduction !== 'cell' && space.reduce !== null) {
    out.push({
      path: 'space.reduce',
      code: 'unused-reduce-cell',
      message: `A reduction cell is only used with reduction 'cell' (got '${m.reduction}'); remove it or switch the reduction to 'cell'.`,
    });
  }
  if (input.kind === 'vector' && m.reduction !== 'none') {
    out.push({
      path: 'space.macro.reduction',
      code: 'reduction-kind',
      message: `Feature-vector inputs have no resolution to reduce: the reduction must be 'none' (got '${m.reduction}').`,
    });
  }
  if (input.kind === 'image' && m.reduction === 'none') {
    out.push({
      path: 'space.macro.reduction',
      code: 'reduction-kind',
      message: "Image inputs need a reduction between stages: 'cell' or 'residual' (got 'none').",
    });
  }
  if (input.kind === 'image' && Number.isInteger(m.stages) && m.stages >= 1) {
    const side = Math.min(input.height, input.width);
    if (side < 2 ** m.stages) {
      const reductions = m.stages - 1;
      out.push({
        path: 'space.macro.stages',
        code: 'input-too-small',
        message:
          `A ${input.height}x${input.width} input is too small for ${m.stages} stages: ${reductions} reduction${reductions === 1 ? '' : 's'} ` +
          `would leave the last stage less than 2x2 pixels. Use at most ${Math.max(1, Math.floor(Math.log2(side)))} stage(s) or a larger image.`,
      });
    }
  }
  return out;
}

/** Every problem of a search space for the given input: both cells (paths 'space.normal...', 'space.reduce...') and the macro skeleton. */
export function validateSpace(space: SearchSpaceSpec, input: InputShape): Problem[] {
  const out = withPathPrefix('space.normal', validateCell(space.normal, input.kind));
  if (space.reduce)
    out.push(...withPathPrefix('space.reduce', validateCell(space.reduce, input.kind)));
  out.push(...macroProblems(space, input));
  return out;
}
