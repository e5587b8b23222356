/**
 * The derived network of a genotype laid out as the engine builds it (src/engine/network.ts,
 * blocks.ts, cell-module.ts): stem, cells with their preprocessing and input blocks, residual
 * reductions, head. Plain data that pytorch.ts prints as Python.
 */
import type { InputShape } from '../experiment/spec';
import { nodeIndex, outputNodes, reachable, topoOrder } from '../search-space/cell';
import type { OpName } from '../search-space/ops';
import type { CellRole, CellSpec, Genotype, SearchSpaceSpec } from '../search-space/types';
import { genotypePath } from '../strategies/path';

/** How one cell input is brought to the cell's shape: unchanged, ReLU-Conv1x1-BN, FactorizedReduce, or ReLU-Linear (vectors). */
export type PreprocessPlan =
  | { readonly kind: 'identity' }
  | {
      readonly kind: 'conv1x1' | 'factorized_reduce' | 'dense';
      readonly cin: number;
      readonly cout: number;
    };

/** One kept edge of a derived cell in DARTS node numbers: op, source node, target node. */
export interface GenePlan {
  readonly op: OpName;
  readonly from: number;
  readonly to: number;
}

/** One searched cell type, derived: input count, live nodes in run order, kept edges, output nodes. */
export interface CellGenesPlan {
  readonly inputs: number;
  readonly nodes: readonly number[];
  readonly edges: readonly GenePlan[];
  readonly outputs: readonly number[];
}

/** One block after the stem: a cell (reading earlier blocks' outputs) or a residual reduction block. */
export type BlockPlan =
  | {
      readonly kind: 'cell';
      readonly role: CellRole;
      readonly channels: number;
      readonly reduction: boolean;
      /** Indices into the list of block outputs (0 is the stem). */
      readonly inputs: readonly number[];
      readonly preprocess: readonly PreprocessPlan[];
      /** Input resolution after preprocessing. */
      readonly height: number;
      readonly width: number;
    }
  | { readonly kind: 'residual'; readonly cin: number; readonly cout: number };

/** The whole derived network. */
export interface NetworkPlan {
  readonly domain: 'image' | 'vector';
  readonly inputChannels: number;
  readonly stemChannels: number;
  readonly cells: Partial<Record<CellRole, CellGenesPlan>>;
  readonly blocks: readonly BlockPlan[];
  readonly headChannels: number;
  /** BatchNorm and ReLU before pooling (after residual reductions, as NAS-Bench-201). */
  readonly headBnRelu: boolean;
  readonly classes: number;
}

interface Shape {
  readonly h: number;
  readonly w: number;
  readonly c: number;
}

/** One cell type's kept edges (genotype ops other than `none`, into nodes that reach the output), in DARTS numbers. */
function cellGenes(cell: CellSpec, path: readonly (number | null)[]): CellGenesPlan {
  const index = nodeIndex(cell);
  const outputs = outputNodes(cell);
  const live = reachable(cell, outputs, true);
  const num = (id: string): number => index.get(id) ?? -1;
  const edges: GenePlan[] = [];
  cell.edges.forEach((e, i) => {
    const choice = path[i] ?? null;
    const op = choice === null ? undefined : e.ops[choice];
    if (op === undefined || op === 'none' || !live.has(e.to)) return;
    edges.push({ op, from: num(e.from), to: num(e.to) });
  });
  return {
    inputs: cell.inputs.length,
    nodes: topoOrder(cell)
      .filter((n) => live.has(n))
      .map(num),
    edges,
    outputs: outputs.map(num),
  };
}

/** Preprocessing of a cell input of shape `from` for a cell working at `to`, as blocks.ts chooses it. */
function preprocessPlan(from: Shape, to: Shape, domain: 'image' | 'vector'): PreprocessPlan {
  if (from.h === to.h && from.w === to.w && from.c === to.c) return { kind: 'identity' };
  if (domain === 'vector') return { kind: 'dense', cin: from.c, cout: to.c };
  if (from.h === to.h && from.w === to.w) return { kind: 'conv1x1', cin: from.c, cout: to.c };
  if (Math.ceil(from.h / 2) === to.h && Math.ceil(from.w / 2) === to.w)
    return { kind: 'factorized_reduce', cin: from.c, cout: to.c };
  throw new Error(
    `A ${from.h}x${from.w} cell input cannot feed a cell working at ${to.h}x${to.w}.`,
  );
}

/**
 * Lays out the stand-alone network of `genotype` in `space` for `input` and `classes`, exactly as
 * the engine's buildNetwork does for a genotype's space. Throws when the genotype does not fit the
 * space or the skeleton cannot be built for the input.
 */
export function networkPlan(
  space: SearchSpaceSpec,
  genotype: Genotype,
  input: InputShape,
  classes: number,
): NetworkPlan {
  const { macro } = space;
  const domain = input.kind;
  if (domain === 'vector' && macro.reduction !== 'none')
    throw new Error(`Vector inputs need reduction 'none', got '${macro.reduction}'.`);
  const path = genotypePath(space, genotype);
  const cells: Partial<Record<CellRole, CellGenesPlan>> = {
    normal: cellGenes(space.normal, path.normal),
  };
  if (space.reduce && path.reduce) cells.reduce = cellGenes(space.reduce, path.reduce);
  const stemC = domain === 'image' ? macro.channels * macro.stemMultiplier : macro.channels;
  const shapes: Shape[] = [
    input.kind === 'image'
      ? { h: input.height, w: input.width, c: stemC }
      : { h: 1, w: 1, c: stemC },
  ];
  const last = (): Shape => shapes[shapes.length - 1] as Shape;
  const blocks: BlockPlan[] = [];
  const addCell = (role: CellRole, channels: number): void => {
    const genes = cells[role];
    if (!genes) throw new Error(`The network needs a ${role} cell, but the genotype has none.`);
    const n = genes.inputs;
    const inputs = Array.from({ length: n }, (_, j) => Math.max(0, shapes.length - n + j));
    const to: Shape = { h: last().h, w: last().w, c: channels };
    const preprocess = inputs.map((i) => preprocessPlan(shapes[i] as Shape, to, domain));
    const reduction = role === 'reduce';
    blocks.push({
      kind: 'cell',
      role,
      channels,
      reduction,
      inputs,
      preprocess,
      height: to.h,
      width: to.w,
    });
    shapes.push({
      h: reduction ? Math.ceil(to.h / 2) : to.h,
      w: reduction ? Math.ceil(to.w / 2) : to.w,
      c: channels * genes.outputs.length,
    });
  };
  let channels = macro.channels;
  for (let stage = 0; stage < macro.stages; stage++) {
    if (stage > 0 && macro.reduction === 'cell') {
      channels *= 2;
      addCell('reduce', channels);
    } else if (stage > 0 && macro.reduction === 'residual') {
      channels *= 2;
      const from = last();
      blocks.push({ kind: 'residual', cin: from.c, cout: channels });
      shapes.push({ h: Math.ceil(from.h / 2), w: Math.ceil(from.w / 2), c: channels });
    }
    for (let i = 0; i < macro.cellsPerStage; i++) addCell('normal', channels);
  }
  return {
    domain,
    inputChannels: input.kind === 'image' ? input.channels : input.features,
    stemChannels: stemC,
    cells,
    blocks,
    headChannels: last().c,
    headBnRelu: domain === 'image' && macro.reduction === 'residual',
    classes,
  };
}
