/** End-to-end timing of one subnet, to check how well the latency table's sum predicts it. */
import * as tf from '@tensorflow/tfjs';
import type { InputShape } from '../../core/experiment/spec';
import { createRng } from '../../core/random';
import type { CellSpec, Genotype, SearchSpaceSpec } from '../../core/search-space/types';
import { genotypePath, type CellPath } from '../../core/strategies/path';
import { buildNetwork } from '../network';
import { createParamStore } from '../params';
import type { MeasureOptions } from './measure';
import { timeMedian } from './timing';

/** The cell with each kept edge offering only its kept op and every other edge only `none` (no weights). */
function pathCell(cell: CellSpec, path: CellPath): CellSpec {
  return {
    ...cell,
    edges: cell.edges.map((e, i) => {
      const choice = path[i] ?? null;
      const op = choice === null ? undefined : e.ops[choice];
      return { ...e, ops: op === undefined ? ['none'] : [op] };
    }),
  };
}

/**
 * Median ms of one forward pass of the subnet `genotype` over `opts.batch` seeded examples, the
 * whole network end to end (stem to logits), with the engine's network builder running the
 * genotype's single path: only the kept ops are built and run. Weights and input are disposed here.
 */
export async function timeSubnet(
  space: SearchSpaceSpec,
  genotype: Genotype,
  input: InputShape,
  classes: number,
  opts: MeasureOptions,
): Promise<number> {
  const path = genotypePath(space, genotype);
  const subnet: SearchSpaceSpec = {
    ...space,
    normal: pathCell(space.normal, path.normal),
    reduce: space.reduce && path.reduce ? pathCell(space.reduce, path.reduce) : space.reduce,
  };
  const choices = {
    normal: path.normal.map((c) => (c === null ? null : 0)),
    reduce: path.reduce?.map((c) => (c === null ? null : 0)),
  };
  const rng = createRng(opts.seed);
  const params = createParamStore(rng);
  try {
    const net = buildNetwork(params, subnet, input, classes);
    const shape =
      input.kind === 'image'
        ? [opts.batch, input.height, input.width, input.channels]
        : [opts.batch, input.features];
    const values = Float32Array.from({ length: tf.util.sizeFromShape(shape) }, () => rng.normal());
    const x = tf.tensor(values, shape, 'float32');
    try {
      return await timeMedian(() => tf.tidy(() => net.forwardPath(x, choices)), opts);
    } finally {
      x.dispose();
    }
  } finally {
    params.dispose();
  }
}
