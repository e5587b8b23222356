/**
 * The macro skeleton as the engine builds it (src/engine/network.ts and blocks.ts), walked once:
 * the fixed layers (stem, cell-input preprocessing, residual reductions, head) as parts at their
 * input shapes, and the place of every cell (role, width, resolution). Params/FLOPs (network-cost.ts)
 * and latency keys (latency.ts) are both read off this one walk.
 */
import type { InputShape } from '../experiment/spec';
import { outputNodes } from '../search-space/cell';
import type {
  CellRole,
  CellSpec,
  Genotype,
  MacroSpec,
  SearchSpaceSpec,
} from '../search-space/types';
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

/**
 * The fixed (unsearched) layers, as the engine's blocks.ts builds them: the stem, cell-input
 * preprocessing (stride 1: ReLU-Conv1x1-BN or ReLU-dense; stride 2: FactorizedReduce), the
 * residual reduction block, and the head (global average pool + linear; `head_bn_relu` puts
 * BatchNorm and ReLU first, as after residual reductions).
 */
export type FixedPart = 'stem' | 'preprocess' | 'residual_block' | 'head' | 'head_bn_relu';

/** One fixed layer at its input shape (the stem sees the raw input; a head outputs the classes). */
export interface SkeletonPart {
  readonly kind: FixedPart;
  /** Input channels (features for vectors). */
  readonly channels: number;
  /** Output channels (classes for a head). */
  readonly outChannels: number;
  /** Input resolution (1 x 1 for vectors). */
  readonly height: number;
  readonly width: number;
  readonly stride: 1 | 2;
}

/** The network in order: its fixed layers and the place of every cell. */
export interface SkeletonLayout {
  readonly domain: 'image' | 'vector';
  readonly parts: readonly SkeletonPart[];
  readonly cells: readonly CellPlacement[];
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

const ROLES: readonly CellRole[] = ['normal', 'reduce'];

function cellOf(space: SearchSpaceSpec, role: CellRole): CellSpec | null {
  return role === 'normal' ? space.normal : space.reduce;
}

/** Inputs and output nodes of each cell of the space, as the supernet and derivation see them. */
export function spacePorts(space: SearchSpaceSpec): Partial<Record<CellRole, CellPorts>> {
  const ports: Partial<Record<CellRole, CellPorts>> = {};
  for (const role of ROLES) {
    const cell = cellOf(space, role);
    if (cell) ports[role] = { inputs: cell.inputs.length, outputs: outputNodes(cell).length };
  }
  return ports;
}

/** Inputs of each cell of the space and output width from the genotype's concat, for cells both have. */
export function genotypePorts(
  space: SearchSpaceSpec,
  genotype: Genotype,
): Partial<Record<CellRole, CellPorts>> {
  const genes = { normal: genotype.normal, reduce: genotype.reduce };
  const ports: Partial<Record<CellRole, CellPorts>> = {};
  for (const role of ROLES) {
    const cell = cellOf(space, role);
    const gene = genes[role];
    if (cell && gene) ports[role] = { inputs: cell.inputs.length, outputs: gene.concat.length };
  }
  return ports;
}

const half = (side: number): number => Math.ceil(side / 2);

/**
 * Walks the macro skeleton as buildNetwork does: stem to channels * stemMultiplier (vectors:
 * channels); `stages` stages of `cellsPerStage` normal cells; before every stage but the first the
 * channels double through a reduction cell or a residual block; a cell with n inputs takes the
 * outputs of the previous n blocks (the stem standing in for missing ones), each preprocessed when
 * its shape differs. One rule gives both papers' networks: quark0/darts always preprocesses, and in
 * its skeleton an input never has the cell's shape (the stem gives 3C, cells 4C); NAS-Bench-201's
 * cells never preprocess, and theirs always has it (C in, C out). A composed space where an input
 * already has the cell's shape (e.g. DARTS cells with stem multiplier 1) passes it through unchanged
 * where DARTS would apply ReLU-Conv1x1-BN.
 * Throws when the skeleton cannot be built (validateSpace explains why): vector inputs with a
 * reduction, a reduction cell the space lacks, or a cell input at a resolution it cannot take.
 */
export function skeletonLayout(
  macro: MacroSpec,
  input: InputShape,
  classes: number,
  ports: Partial<Record<CellRole, CellPorts>>,
): SkeletonLayout {
  const domain = input.kind;
  if (domain === 'vector' && macro.reduction !== 'none') {
    throw new Error(`Vector inputs need reduction 'none', got '${macro.reduction}'.`);
  }
  const stemC = domain === 'image' ? macro.channels * macro.stemMultiplier : macro.channels;
  const first: FeatureShape =
    input.kind === 'image'
      ? { h: input.height, w: input.width, c: input.channels }
      : { h: 1, w: 1, c: input.features };
  const parts: SkeletonPart[] = [];
  const part = (kind: FixedPart, from: FeatureShape, out: number, stride: 1 | 2): void => {
    parts.push({ kind, channels: from.c, outChannels: out, height: from.h, width: from.w, stride });
  };
  part('stem', first, stemC, 1);
  const shapes: FeatureShape[] = [{ h: first.h, w: first.w, c: stemC }];
  const cells: CellPlacement[] = [];
  const last = (): FeatureShape => shapes[shapes.length - 1] as FeatureShape;

  const addCell = (role: CellRole, channels: number): void => {
    const port = ports[role];
    if (!port) throw new Error(`The network needs a ${role} cell, but none was given.`);
    const to = last();
    for (let j = 0; j < port.inputs; j++) {
      const from = shapes[Math.max(0, shapes.length - port.inputs + j)] as FeatureShape;
      if (from.h === to.h && from.w === to.w && from.c === channels) continue;
      if (from.h === to.h && from.w === to.w) part('preprocess', from, channels, 1);
      else if (half(from.h) === to.h && half(from.w) === to.w)
        part('preprocess', from, channels, 2);
      else
        throw new Error(
          `A ${from.h}x${from.w} cell input cannot feed a cell working at ${to.h}x${to.w}.`,
        );
    }
    const reduction = role === 'reduce';
    cells.push({ role, channels, height: to.h, width: to.w, reduction });
    shapes.push({
      h: reduction ? half(to.h) : to.h,
      w: reduction ? half(to.w) : to.w,
      c: channels * port.outputs,
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
      part('residual_block', from, channels, 2);
      shapes.push({ h: half(from.h), w: half(from.w), c: channels });
    }
    for (let i = 0; i < macro.cellsPerStage; i++) addCell('normal', channels);
  }
  const bnHead = domain === 'image' && macro.reduction === 'residual';
  part(bnHead ? 'head_bn_relu' : 'head', last(), classes, 1);
  return { domain, parts, cells };
}

/**
 * Params and FLOPs of one fixed part. Stem: images a 3x3 conv (no bias) + affine BN, vectors a
 * dense layer with bias (+ ReLU). Preprocess: ReLU-dense (vectors), ReLU-Conv1x1-BN (stride 1) or
 * FactorizedReduce (stride 2: C_in * C_out weights, BN), BN affine only when `affine`. Residual
 * block (NAS-Bench-201): ReLU-Conv3x3(s2)-BN, ReLU-Conv3x3-BN (affine), shortcut 2x2 avg pool +
 * Conv1x1. Head: global average pool (+ affine BN and ReLU first for `head_bn_relu`), then linear.
 */
export function partCost(part: SkeletonPart, domain: 'image' | 'vector', affine: boolean): OpCost {
  const { channels: cin, outChannels: cout } = part;
  const outPixels =
    part.stride === 2 ? half(part.height) * half(part.width) : part.height * part.width;
  switch (part.kind) {
    case 'stem': {
      if (domain === 'vector') return { params: cin * cout + cout, flops: cin * cout };
      const weights = 9 * cin * cout;
      return { params: weights + 2 * cout, flops: outPixels * weights };
    }
    case 'preprocess': {
      const weights = cin * cout;
      if (domain === 'vector') return { params: weights + cout, flops: weights };
      return { params: weights + (affine ? 2 * cout : 0), flops: outPixels * weights };
    }
    case 'residual_block': {
      const weights = 9 * cin * cout + 9 * cout * cout + cin * cout;
      return { params: weights + 4 * cout, flops: outPixels * weights };
    }
    case 'head':
    case 'head_bn_relu': {
      const bn = part.kind === 'head_bn_relu' ? 2 * cin : 0;
      return { params: cin * cout + cout + bn, flops: cin * cout };
    }
  }
}

/**
 * The skeleton of `skeletonLayout` priced: the fixed parts summed into one cost, and the cells.
 * `affine` says whether preprocessing BN has scale and shift (stand-alone subnets) or not (search
 * supernet). Throws when the skeleton cannot be built.
 */
export function walkSkeleton(
  macro: MacroSpec,
  input: InputShape,
  classes: number,
  ports: Partial<Record<CellRole, CellPorts>>,
  affine: boolean,
): Skeleton {
  const { domain, parts, cells } = skeletonLayout(macro, input, classes, ports);
  let fixed: OpCost = { params: 0, flops: 0 };
  for (const p of parts) fixed = addCost(fixed, partCost(p, domain, affine));
  return { fixed, cells };
}
