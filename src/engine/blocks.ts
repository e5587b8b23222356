/** The fixed (unsearched) parts of a supernet: stems, cell-input preprocessing, residual reductions, heads. */
import * as tf from '@tensorflow/tfjs';
import { factorizedReduce, reluConvBn } from './image-ops';
import { batchNormLayer, convLayer, denseLayer, relu, sequence, type Layer } from './layers';
import type { ParamStore } from './params';
import { avgPool } from './pooling';

/** The static shape of one example's features: height x width x channels (vectors: 1 x 1 x features). */
export interface FeatureShape {
  readonly h: number;
  readonly w: number;
  readonly c: number;
}

/** Image stem: 3x3 convolution without bias, then BatchNorm with affine parameters. */
export function imageStem(p: ParamStore, cin: number, cout: number): Layer {
  return sequence(convLayer(p, 3, cin, cout, 1), batchNormLayer(p, cout, true));
}

/** Vector stem: a dense layer to `cout` features, then ReLU. */
export function vectorStem(p: ParamStore, cin: number, cout: number): Layer {
  return sequence(denseLayer(p, cin, cout), relu);
}

/**
 * Brings a cell input to the shape the cell expects, only when it differs (core/cost/skeleton.ts
 * says why this one rule gives both DARTS's and NAS-Bench-201's networks): ReLU-Conv1x1-BN for a
 * channel change, FactorizedReduce when the input has twice the resolution (DARTS after a reduction
 * cell), ReLU-dense for vectors. BatchNorm here is affine only when `affine` (stand-alone
 * subnets), not in the DARTS search supernet.
 */
export function preprocess(
  p: ParamStore,
  from: FeatureShape,
  to: FeatureShape,
  domain: 'image' | 'vector',
  affine = false,
): Layer {
  if (from.h === to.h && from.w === to.w && from.c === to.c) return (x) => x;
  if (domain === 'vector') return sequence(relu, denseLayer(p, from.c, to.c));
  if (from.h === to.h && from.w === to.w) return reluConvBn(p, from.c, to.c, 1, 1, affine);
  if (Math.ceil(from.h / 2) === to.h && Math.ceil(from.w / 2) === to.w)
    return factorizedReduce(p, from.c, to.c, affine);
  throw new Error(
    `A ${from.h}x${from.w} cell input cannot feed a cell working at ${to.h}x${to.w}.`,
  );
}

/**
 * NAS-Bench-201's residual reduction block: ReLU-Conv3x3(stride 2)-BN, ReLU-Conv3x3-BN, plus a
 * shortcut of 2x2 average pooling (stride 2) and a 1x1 convolution. BatchNorm here is affine. The
 * shortcut pool pads odd sizes at the far edge (tfjs 'same', padding not counted) so it matches
 * the ceil(H / 2) of the strided convolution; the reference code only meets even sizes.
 */
export function residualBlock(p: ParamStore, cin: number, cout: number): Layer {
  const main = sequence(
    reluConvBn(p, cin, cout, 3, 2, true),
    reluConvBn(p, cout, cout, 3, 1, true),
  );
  const project = convLayer(p, 1, cin, cout, 1);
  return (x) => tf.add(main(x), project(avgPool(x as tf.Tensor4D, 2, 2, 'same')));
}

/**
 * Classifier head. Images: global average pooling then a linear layer; after residual reductions
 * (NAS-Bench-201) a BatchNorm + ReLU comes first, as in that paper's network. Vectors: a linear layer.
 */
export function head(
  p: ParamStore,
  cin: number,
  classes: number,
  domain: 'image' | 'vector',
  lastAct: boolean,
): Layer {
  const linear = denseLayer(p, cin, classes);
  if (domain === 'vector') return linear;
  const act = lastAct ? sequence(batchNormLayer(p, cin, true), relu) : (x: tf.Tensor) => x;
  return (x) => linear(tf.mean(act(x), [1, 2]));
}
