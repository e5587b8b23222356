/** The live figures of a composed space: exact architecture counts and, once it can run, supernet and subnet costs. */
import {
  subnetRange,
  supernetCost,
  type CostRange,
  type NetworkCost,
} from '../core/cost/network-cost';
import { datasetInput } from '../core/data/load';
import type { ExperimentSpec } from '../core/experiment/spec';
import { cellSize, spaceSize } from '../core/search-space/size';
import { validateSpace } from '../core/search-space/validate';

/** What the composer shows about the space of `spec`. */
export interface SpaceFigures {
  /** Distinct architectures of the whole space. */
  readonly size: bigint;
  /** Per-cell counts when the reduction cell is searched separately (their product is `size`). */
  readonly cells: { readonly normal: bigint; readonly reduce: bigint } | null;
  /** Costs at the dataset's input size, or null while the space cannot run. */
  readonly cost: { readonly supernet: NetworkCost; readonly range: CostRange } | null;
  /** Why there are no costs (null when there are). */
  readonly costBlocked: string | null;
  /** The dataset's input and class count the costs assume. */
  readonly input: ReturnType<typeof datasetInput>;
}

/** Counts and costs of the space of `spec` on its dataset's input. */
export function spaceFigures(spec: ExperimentSpec): SpaceFigures {
  const space = spec.space;
  const input = datasetInput(spec.dataset);
  const problems = validateSpace(space, input.input);
  const cells = space.reduce
    ? { normal: cellSize(space.normal), reduce: cellSize(space.reduce) }
    : null;
  if (problems.length > 0) {
    const n = problems.length;
    return {
      size: spaceSize(space),
      cells,
      cost: null,
      costBlocked: `Costs appear once the space can run (${n} problem${n === 1 ? '' : 's'} left).`,
      input,
    };
  }
  return {
    size: spaceSize(space),
    cells,
    cost: {
      supernet: supernetCost(space, input.input, input.classes),
      range: subnetRange(space, input.input, input.classes),
    },
    costBlocked: null,
    input,
  };
}
