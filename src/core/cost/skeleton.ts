/**
 * The macro skeleton priced as the engine builds it (src/engine/network.ts and blocks.ts): the
 * fixed layers (stem, cell-input preprocessing, residual reductions, head) summed into one cost,
 * and the place of every cell (role, width, resolution) so the searched ops can be priced apart.
 */
import type { InputShape } from '../experiment/spec';
import type { CellRole, MacroSpec } from '../search-space/types';
import type { OpCost } from './op-cost';

/** One cell of the network: its role, node width, input resolution, and whether it reduces. */
export interface CellPlacement {
  readonly role: CellRole;
  /** Channels of every node of the cell (features for vector data). */
  readonly channels: number;
  /** Resolution of the cell inputs after preprocessing (1 x 1 for vectors); a reduction cell's nodes work at half of it. */
  readonly height: number;
  readonly width: number;
  /** True for a reduction cell: edges leaving its inputs have stride 2. */
  readonly reduction: boolean;
}

/** What the skeleton needs to know of a cell: how many inputs it takes and how many nodes form its output. */
export interface CellPorts {
  readonly inputs: number;
  readonly outputs: number;
}

/** The priced fixed layers and the cells in network order. */
export interface Skeleton {
  readonly fixed: OpCost;
  readonly cells: readonly CellPlacement[];
}

interface FeatureShape {
  readonly h: number;
  readonly w: number;
  readonly c: number;
}

/** Adds costs. */
export function addCost(a: OpCost, b: OpCost): OpCost {
  return { params: a.params + b.params, flops: a.flops + b.flops };
}

/** BatchNorm scale and shift, counted only when affine. */
function bn(c: number, affine: boolean): number {
  return affine ? 2 * c : 0;
}

/** Stem: images a 3x3 conv (no bias) + affine BN; vectors a dense layer with bias (+ ReLU). */
function stemCost(input: InputShape, cout: number): OpCost {
  if (input.kind === 'vector') {
    return { params: input.features * cout + cout, flops: input.features * cout };
  }
  const weights = 9 * input.channels * cout;
  return { params: weights + 2 * cout, flops: input.height * input.width * weights };
}

/**
 * Brings a cell input to the cell's shape, only when they differ: ReLU-dense (vectors),
 * ReLU-Conv1x1-BN at the same resolution, FactorizedReduce (C_in * C_out weights, BN) from twice it.
 */
function preprocessCost(
  from: FeatureShape,
  to: FeatureShape,
  domain: 'image' | 'vector',
  affine: boolean,
): OpCost {
  if (from.h === to.h && from.w === to.w && from.c === to.c) return { params: 0, flops: 0 };
  const weights = from.c * to.c;
  if (domain === 'vector') return { params: weights + to.c, flops: weights };
  const sameSize = from.h === to.h && from.w === to.w;
  const halved = Math.ceil(from.h / 2) === to.h && Math.ceil(from.w / 2) === to.w;
  if (!sameSize && !halved) {
    throw new Error(
      `A ${from.h}x${from.w} cell input cannot feed a cell working at ${to.h}x${to.w}.`,
    );
  }
  return { params: weights + bn(to.c, affine), flops: to.h * to.w * weights };
}

/** NAS-Bench-201 residual reduction: ReLU-Conv3x3(s2)-BN, ReLU-Conv3x3-BN (affine), shortcut 2x2 avg pool + Conv1x1. */
function residualCost(from: FeatureShape, cout: number): OpCost {
  const cin = from.c;
  const weights = 9 * cin * cout + 9 * cout * cout + cin * cout;
  const pixels = Math.ceil(from.h / 2) * Math.ceil(from.w / 2);
  return { params: weights + 4 * cout, flops: pixels * weights };
}

/** Head: (images) global average pool, after residual reductions first BN (affine) + ReLU; then a linear layer. */
function headCost(cin: number, classes: number, residual: boolean): OpCost {
  return { params: cin * classes + classes + (residual ? 2 * cin : 0), flops: cin * classes };
}

/**
 * Walks the macro skeleton as buildNetwork does: stem to channels * stemMultiplier (vectors:
 * channels); `stages` stages of `cellsPerStage` normal cells; before every stage but the first the
 * channels double through a reduction cell or a residual block; a cell with n inputs takes the
 * outputs of the previous n blocks (the stem standing in for missing ones), each preprocessed when
 * its shape differs (quark0/darts always preprocesses; the engine, followed here, skips it when the
 * shapes match, which never happens in the DARTS networks, whose cells output 4x their width).
 * `affine` says whether preprocessing BN has scale and shift (stand-alone subnets) or not (search
 * supernet). Throws when the skeleton cannot be built (validateSpace
 * explains why): vector inputs with a reduction, or a reduction cell the space lacks.
 */
export function walkSkeleton(
  macro: MacroSpec,
  input: InputShape,
  classes: number,
  ports: Partial<Record<CellRole, CellPorts>>,
  affine: boolean,
): Skeleton {
  const domain = input.kind;
  if (domain === 'vector' && macro.reduction !== 'none') {
    throw new Error(`Vector inputs need reduction 'none', got '${macro.reduction}'.`);
  }
  const stemC = domain === 'image' ? macro.channels * macro.stemMultiplier : macro.channels;
  const shapes: FeatureShape[] = [
    input.kind === 'image'
      ? { h: input.height, w: input.width, c: stemC }
      : { h: 1, w: 1, c: stemC },
  ];
  let fixed = stemCost(input, stemC);
  const cells: CellPlacement[] = [];
  const last = (): FeatureShape => shapes[shapes.length - 1] as FeatureShape;

  const addCell = (role: CellRole, channels: number): void => {
    const port = ports[role];
    if (!port) throw new Error(`The network needs a ${role} cell, but none was given.`);
    const target: FeatureShape = { h: last().h, w: last().w, c: channels };
    for (let j = 0; j < port.inputs; j++) {
      const from = shapes[Math.max(0, shapes.length - port.inputs + j)] as FeatureShape;
      fixed = addCost(fixed, preprocessCost(from, target, domain, affine));
    }
    const reduction = role === 'reduce';
    cells.push({ role, channels, height: target.h, width: target.w, reduction });
    const h = reduction ? Math.ceil(target.h / 2) : target.h;
    const w = reduction ? Math.ceil(target.w / 2) : target.w;
    shapes.push({ h, w, c: channels * port.outputs });
  };

  let channels = macro.channels;
  for (let stage = 0; stage < macro.stages; stage++) {
    if (stage > 0 && macro.reduction === 'cell') {
      channels *= 2;
      addCell('reduce', channels);
    } else if (stage > 0 && macro.reduction === 'residual') {
      channels *= 2;
      const from = last();
      fixed = addCost(fixed, residualCost(from, channels));
      shapes.push({ h: Math.ceil(from.h / 2), w: Math.ceil(from.w / 2), c: channels });
    }
    for (let i = 0; i < macro.cellsPerStage; i++) addCell('normal', channels);
  }
  const residualHead = domain === 'image' && macro.reduction === 'residual';
  fixed = addCost(fixed, headCost(last().c, classes, residualHead));
  return { fixed, cells };
}
