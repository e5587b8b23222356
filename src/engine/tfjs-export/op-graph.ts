/**
 * The engine's ops and fixed blocks (image-ops.ts, primitives.ts, blocks.ts) as tf.layers, each
 * reading its trained weights in the order the engine created them.
 */
import * as tf from '@tensorflow/tfjs';
import type { PreprocessPlan } from '../../core/export/pytorch-plan';
import { opDef, type OpName } from '../../core/search-space/ops';
import { chain, type Apply, type GraphKit } from './graph-kit';
import {
  batchNormBlock,
  concatOf,
  convBlock,
  denseBlock,
  depthwiseBlock,
  dilatedSeparableBlock,
  poolBlock,
  reluBlock,
  sumOf,
} from './layer-kit';

/** ReLU, k x k convolution, BatchNorm (engine reluConvBn). */
export function reluConvBnGraph(
  kit: GraphKit,
  name: string,
  cin: number,
  cout: number,
  k: number,
  stride: number,
  affine: boolean,
): Apply {
  return chain(
    reluBlock(kit, name),
    convBlock(kit, name, k, cin, cout, stride),
    batchNormBlock(kit, name, cout, affine),
  );
}

/** DARTS SepConv: (ReLU, depthwise, pointwise, BatchNorm) twice, the first depthwise strided. */
function sepConvGraph(
  kit: GraphKit,
  name: string,
  c: number,
  k: number,
  stride: number,
  affine: boolean,
): Apply {
  return chain(
    reluBlock(kit, name),
    depthwiseBlock(kit, name, k, c, stride),
    convBlock(kit, name, 1, c, c, 1),
    batchNormBlock(kit, name, c, affine),
    reluBlock(kit, name),
    depthwiseBlock(kit, name, k, c, 1),
    convBlock(kit, name, 1, c, c, 1),
    batchNormBlock(kit, name, c, affine),
  );
}

/** DARTS DilConv: ReLU, dilated depthwise + pointwise, BatchNorm. */
function dilConvGraph(
  kit: GraphKit,
  name: string,
  c: number,
  k: number,
  dilation: number,
  stride: number,
  affine: boolean,
): Apply {
  return chain(
    reluBlock(kit, name),
    dilatedSeparableBlock(kit, name, k, dilation, c, stride),
    batchNormBlock(kit, name, c, affine),
  );
}

/**
 * DARTS FactorizedReduce: ReLU, then a 1x1 stride-2 convolution of the input and one of the input
 * shifted by a pixel (zero row and column added at the far edge), concatenated, BatchNorm. The
 * engine runs both as one 2x2 convolution; the weights are the same two 1x1 filters.
 */
export function factorizedReduceGraph(
  kit: GraphKit,
  name: string,
  cin: number,
  cout: number,
  affine: boolean,
): Apply {
  const half = Math.floor(cout / 2);
  const a = kit.cursor.take('fr_a', [1, 1, cin, half]);
  const b = kit.cursor.take('fr_b', [1, 1, cin, cout - half]);
  const relu = reluBlock(kit, name);
  const bn = batchNormBlock(kit, name, cout, affine);
  const conv = (part: string, filters: number): tf.layers.Layer =>
    tf.layers.conv2d({
      name: kit.name(`${name}_${part}`),
      filters,
      kernelSize: 1,
      strides: 2,
      padding: 'valid',
      useBias: false,
      kernelInitializer: 'zeros',
    });
  return (x) => {
    const r = relu(x);
    const even = kit.apply(conv('fr_a', half), r, [a]);
    const padded = kit.apply(
      tf.layers.zeroPadding2d({
        name: kit.name(`${name}_fr_pad`),
        padding: [
          [0, 1],
          [0, 1],
        ],
      }),
      r,
    );
    const shifted = kit.apply(
      tf.layers.cropping2D({
        name: kit.name(`${name}_fr_shift`),
        cropping: [
          [1, 0],
          [1, 0],
        ],
      }),
      padded,
    );
    const odd = kit.apply(conv('fr_b', cout - half), shifted, [b]);
    return bn(concatOf(kit, `${name}_fr`, [even, odd]));
  };
}

/** How an edge's op is built: its domain, width, stride, and whether it is a derived-network op (affine BatchNorm, bare pools). */
export interface OpGraphContext {
  readonly domain: 'image' | 'vector';
  readonly channels: number;
  readonly stride: 1 | 2;
  readonly affine: boolean;
}

/** The op `op` of one edge (engine buildOp); `none` is never built, its edges are dropped. */
export function opGraph(kit: GraphKit, name: string, op: OpName, ctx: OpGraphContext): Apply {
  const def = opDef(op);
  const { channels: c, stride, affine } = ctx;
  const k = def.kernel ?? 0;
  switch (def.kind) {
    case 'zero':
      throw new Error('The none op has no layers; its edge is dropped.');
    case 'identity':
      return stride === 1 ? (x) => x : factorizedReduceGraph(kit, name, c, c, affine);
    case 'pool': {
      // Bare in a derived network (affine), as the engine's buildOp; BatchNorm without affine after it otherwise.
      const pool = poolBlock(kit, name, def.pool ?? 'max', k, stride);
      return affine ? pool : chain(pool, batchNormBlock(kit, name, c, false));
    }
    case 'conv':
      return reluConvBnGraph(kit, name, c, c, k, stride, affine);
    case 'sep_conv':
      return sepConvGraph(kit, name, c, k, stride, affine);
    case 'dil_conv':
      return dilConvGraph(kit, name, c, k, def.dilation ?? 1, stride, affine);
    case 'dense':
      return denseBlock(kit, name, c, c, def.activation ?? 'relu');
  }
}

/** Image stem: 3x3 convolution, affine BatchNorm (engine imageStem). */
export function imageStemGraph(kit: GraphKit, cin: number, cout: number): Apply {
  return chain(convBlock(kit, 'stem', 3, cin, cout, 1), batchNormBlock(kit, 'stem', cout, true));
}

/** Vector stem: dense then ReLU (engine vectorStem). */
export function vectorStemGraph(kit: GraphKit, cin: number, cout: number): Apply {
  return denseBlock(kit, 'stem', cin, cout, 'relu');
}

/** A cell input brought to the cell's shape (engine preprocess). */
export function preprocessGraph(
  kit: GraphKit,
  name: string,
  plan: PreprocessPlan,
  affine: boolean,
): Apply {
  switch (plan.kind) {
    case 'identity':
      return (x) => x;
    case 'dense':
      return chain(reluBlock(kit, name), denseBlock(kit, name, plan.cin, plan.cout));
    case 'conv1x1':
      return reluConvBnGraph(kit, name, plan.cin, plan.cout, 1, 1, affine);
    case 'factorized_reduce':
      return factorizedReduceGraph(kit, name, plan.cin, plan.cout, affine);
  }
}

/** NAS-Bench-201's residual reduction block (engine residualBlock). */
export function residualGraph(kit: GraphKit, name: string, cin: number, cout: number): Apply {
  const main = chain(
    reluConvBnGraph(kit, `${name}_a`, cin, cout, 3, 2, true),
    reluConvBnGraph(kit, `${name}_b`, cout, cout, 3, 1, true),
  );
  const project = convBlock(kit, `${name}_shortcut`, 1, cin, cout, 1);
  return (x) => {
    const pooled = kit.apply(
      tf.layers.averagePooling2d({
        name: kit.name(`${name}_shortcut_avgpool`),
        poolSize: 2,
        strides: 2,
        padding: 'same',
      }),
      x,
    );
    return sumOf(kit, name, [main(x), project(pooled)]);
  };
}

/**
 * The classifier (engine head): images pool globally then a linear layer, after BatchNorm + ReLU
 * when `lastAct`; vectors take the linear layer. The engine creates the linear layer first.
 */
export function headGraph(
  kit: GraphKit,
  cin: number,
  classes: number,
  domain: 'image' | 'vector',
  lastAct: boolean,
): Apply {
  const linear = denseBlock(kit, 'classifier', cin, classes);
  if (domain === 'vector') return linear;
  const act = lastAct
    ? chain(batchNormBlock(kit, 'head', cin, true), reluBlock(kit, 'head'))
    : (x: tf.SymbolicTensor) => x;
  return (x) =>
    linear(kit.apply(tf.layers.globalAveragePooling2d({ name: kit.name('global_pool') }), act(x)));
}
