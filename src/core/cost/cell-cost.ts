/** Prices the searched ops of one cell type over every place the skeleton puts that cell. */
import { outputNodes, reachable } from '../search-space/cell';
import type { OpName } from '../search-space/ops';
import type { CellSpec } from '../search-space/types';
import { opCost, type OpCost } from './op-cost';
import type { CellPlacement } from './skeleton';

/**
 * Nodes whose value can reach the cell output (outputs included). Edges into any other node are
 * never built, as in the engine's cell module: they cannot change the output.
 */
export function liveNodes(cell: CellSpec): Set<string> {
  return reachable(cell, outputNodes(cell), true);
}

/**
 * Params and FLOPs of `op` on an edge of `cell` leaving node `from`, summed over `places` (the
 * placements of that cell). In a reduction cell an edge leaving an input has stride 2 and sees the
 * full input resolution; an edge between intermediate nodes works at the halved resolution.
 */
export function edgeOpCost(
  cell: CellSpec,
  from: string,
  op: OpName,
  places: readonly CellPlacement[],
  affine: boolean,
): OpCost {
  const fromInput = cell.inputs.includes(from);
  let params = 0;
  let flops = 0;
  for (const p of places) {
    const halved = p.reduction && !fromInput;
    const c = opCost(op, {
      channels: p.channels,
      height: halved ? Math.ceil(p.height / 2) : p.height,
      width: halved ? Math.ceil(p.width / 2) : p.width,
      stride: p.reduction && fromInput ? 2 : 1,
      affine,
    });
    params += c.params;
    flops += c.flops;
  }
  return { params, flops };
}
