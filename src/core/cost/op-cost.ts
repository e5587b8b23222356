/**
 * Params and FLOPs of one op, analytic, per op kind: the registry's formula hooks. FLOPs are
 * multiply-accumulates of convolutions and linear layers per example (the NAS-Bench-201
 * convention); pooling, BatchNorm and activations count as free. Shapes follow the reference
 * networks (quark0/darts `operations.py`, NAS-Bench-201), where an op keeps its channel count.
 */
import { OPS, type OpDef, type OpKind, type OpName } from '../search-space/ops';

/** Where an op sits: its channel count, input resolution, stride, and whether BatchNorm has scale and shift. */
export interface OpShape {
  readonly channels: number;
  /** Input height and width (1 for vector data). */
  readonly height: number;
  readonly width: number;
  readonly stride: 1 | 2;
  /** True in stand-alone networks; false in a DARTS search supernet (BN without affine). */
  readonly affine: boolean;
}

/** Trainable parameters (BN scale and shift included, running statistics not) and multiply-accumulates. */
export interface OpCost {
  readonly params: number;
  readonly flops: number;
}

/** Output side length of a kernel with "same"-style padding at `stride`. */
function out(side: number, stride: 1 | 2): number {
  return Math.ceil(side / stride);
}

function bn(c: number, affine: boolean): number {
  return affine ? 2 * c : 0;
}

type CostHook = (def: OpDef, s: OpShape) => OpCost;

const FREE: OpCost = { params: 0, flops: 0 };

/** One hook per op kind; each reads kernel and dilation from the registry entry. */
const COST_BY_KIND: Record<OpKind, CostHook> = {
  zero: () => FREE,
  pool: () => FREE,
  identity: (_def, s) => {
    if (s.stride === 1) return FREE;
    // FactorizedReduce: ReLU, two 1x1 stride-2 convs (on offset grids) to floor(C/2) and the
    // remaining ceil(C/2) channels, concat, BN: C*C weights in all, as the engine builds it.
    const c = s.channels;
    const pixels = out(s.height, 2) * out(s.width, 2);
    return { params: c * c + bn(c, s.affine), flops: pixels * c * c };
  },
  conv: (def, s) => {
    const k = def.kernel ?? 1;
    const c = s.channels;
    const pixels = out(s.height, s.stride) * out(s.width, s.stride);
    return { params: k * k * c * c + bn(c, s.affine), flops: pixels * k * k * c * c };
  },
  sep_conv: (def, s) => {
    // (ReLU, depthwise kxk at the stride, pointwise 1x1, BN) then the same again at stride 1.
    const k = def.kernel ?? 3;
    const c = s.channels;
    const pixels = out(s.height, s.stride) * out(s.width, s.stride);
    const perHalf = k * k * c + c * c;
    return { params: 2 * perHalf + 2 * bn(c, s.affine), flops: 2 * pixels * perHalf };
  },
  dil_conv: (def, s) => {
    const k = def.kernel ?? 3;
    const c = s.channels;
    const pixels = out(s.height, s.stride) * out(s.width, s.stride);
    const weights = k * k * c + c * c;
    return { params: weights + bn(c, s.affine), flops: pixels * weights };
  },
  dense: (_def, s) => ({
    params: s.channels * s.channels + s.channels,
    flops: s.channels * s.channels,
  }),
};

/** Params and FLOPs of op `name` at `shape`. */
export function opCost(name: OpName, shape: OpShape): OpCost {
  const def: OpDef = OPS[name];
  return COST_BY_KIND[def.kind](def, shape);
}
