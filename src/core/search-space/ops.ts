/**
 * The op registry: every primitive a cell edge can carry, as data. Engines and cost models
 * look ops up by name; the UI shows `label` and `description`; `src/core/cost/op-cost.ts` holds
 * the params/FLOPs formula of each op kind.
 */

/** Which input an op accepts: feature maps (image), feature vectors (vector), or either. */
export type OpDomain = 'image' | 'vector' | 'any';

/** What an op computes, so engines and the cost model can build or price it generically. */
export type OpKind = 'zero' | 'identity' | 'pool' | 'conv' | 'sep_conv' | 'dil_conv' | 'dense';

/** One registry entry. `kernel`, `dilation`, `pool` and `activation` apply to the matching kinds. */
export interface OpDef {
  readonly kind: OpKind;
  readonly domain: OpDomain;
  readonly label: string;
  readonly description: string;
  readonly kernel?: number;
  readonly dilation?: number;
  readonly pool?: 'max' | 'avg';
  readonly activation?: 'relu' | 'tanh' | 'sigmoid';
}

/** The registry. Names follow DARTS and NAS-Bench-201 so genotypes print as the papers do. */
export const OPS = {
  none: {
    kind: 'zero',
    domain: 'any',
    label: 'zero',
    description: 'Outputs zeros: the edge is cut. Free. DARTS never picks it for a genotype.',
  },
  skip_connect: {
    kind: 'identity',
    domain: 'any',
    label: 'skip',
    description:
      'Identity (a factorized 1x1 reduce when the edge halves resolution). No parameters.',
  },
  max_pool_3x3: {
    kind: 'pool',
    domain: 'image',
    pool: 'max',
    kernel: 3,
    label: 'max pool 3x3',
    description: 'Max over each 3x3 window. No parameters; 9 comparisons per output value.',
  },
  avg_pool_3x3: {
    kind: 'pool',
    domain: 'image',
    pool: 'avg',
    kernel: 3,
    label: 'avg pool 3x3',
    description: 'Mean over each 3x3 window. No parameters; 9 additions per output value.',
  },
  nor_conv_1x1: {
    kind: 'conv',
    domain: 'image',
    kernel: 1,
    label: 'conv 1x1',
    description: 'ReLU, 1x1 convolution, BatchNorm. C*C weights: mixes channels per pixel.',
  },
  nor_conv_3x3: {
    kind: 'conv',
    domain: 'image',
    kernel: 3,
    label: 'conv 3x3',
    description: 'ReLU, 3x3 convolution, BatchNorm. 9*C*C weights: the classic building block.',
  },
  sep_conv_3x3: {
    kind: 'sep_conv',
    domain: 'image',
    kernel: 3,
    label: 'sep conv 3x3',
    description:
      'Two rounds of ReLU, 3x3 depthwise + 1x1 pointwise convolution, BatchNorm. Cheap per weight.',
  },
  sep_conv_5x5: {
    kind: 'sep_conv',
    domain: 'image',
    kernel: 5,
    label: 'sep conv 5x5',
    description: 'Like sep conv 3x3 with 5x5 depthwise filters: wider view, a little more cost.',
  },
  dil_conv_3x3: {
    kind: 'dil_conv',
    domain: 'image',
    kernel: 3,
    dilation: 2,
    label: 'dil conv 3x3',
    description: 'ReLU, 3x3 depthwise convolution with dilation 2, 1x1 pointwise, BatchNorm.',
  },
  dil_conv_5x5: {
    kind: 'dil_conv',
    domain: 'image',
    kernel: 5,
    dilation: 2,
    label: 'dil conv 5x5',
    description: 'ReLU, 5x5 depthwise convolution with dilation 2 (9x9 view), 1x1 pointwise, BN.',
  },
  dense_relu: {
    kind: 'dense',
    domain: 'vector',
    activation: 'relu',
    label: 'dense relu',
    description: 'Fully connected layer then ReLU. C*C+C parameters.',
  },
  dense_tanh: {
    kind: 'dense',
    domain: 'vector',
    activation: 'tanh',
    label: 'dense tanh',
    description: 'Fully connected layer then tanh: smooth, bounded features. C*C+C parameters.',
  },
  dense_sigmoid: {
    kind: 'dense',
    domain: 'vector',
    activation: 'sigmoid',
    label: 'dense sigmoid',
    description: 'Fully connected layer then sigmoid: saturates easily. C*C+C parameters.',
  },
} as const satisfies Record<string, OpDef>;

/** The name of a registered op. */
export type OpName = keyof typeof OPS;

/** Every registered op name, in registry order. */
export const OP_NAMES = Object.keys(OPS) as OpName[];

/** True when `name` is a registered op. */
export function isOpName(name: string): name is OpName {
  return Object.prototype.hasOwnProperty.call(OPS, name);
}

/** The registry entry for an op. */
export function opDef(name: OpName): OpDef {
  return OPS[name];
}
