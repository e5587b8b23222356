/** The DARTS and NAS-Bench-201 operations on feature maps (NHWC), built with their weights. */
import * as tf from '@tensorflow/tfjs';
import {
  batchNormLayer,
  convLayer,
  depthwiseLayer,
  relu,
  sequence,
  torchPad,
  type Layer,
} from './layers';
import { kaimingBound, type ParamStore } from './params';
import { tapWeighted } from './taps';
import { avgPool, maxPool } from './pooling';

/** k x k convolution (stride `stride`) then BatchNorm: `reluConvBn` after its leading ReLU. */
export function convBn(
  p: ParamStore,
  cin: number,
  cout: number,
  k: number,
  stride: number,
  affine: boolean,
): Layer {
  return sequence(convLayer(p, k, cin, cout, stride), batchNormLayer(p, cout, affine));
}

/** ReLU, k x k convolution (stride `stride`), BatchNorm: DARTS `ReLUConvBN`, NAS-Bench-201 `nor_conv`. */
export function reluConvBn(
  p: ParamStore,
  cin: number,
  cout: number,
  k: number,
  stride: number,
  affine: boolean,
): Layer {
  return sequence(relu, convBn(p, cin, cout, k, stride, affine));
}

/** `sepConv` after its leading ReLU. */
export function sepConvTail(
  p: ParamStore,
  c: number,
  k: number,
  stride: number,
  affine = false,
): Layer {
  return sequence(
    depthwiseLayer(p, k, c, stride),
    convLayer(p, 1, c, c, 1),
    batchNormLayer(p, c, affine),
    relu,
    depthwiseLayer(p, k, c, 1),
    convLayer(p, 1, c, c, 1),
    batchNormLayer(p, c, affine),
  );
}

/** DARTS `SepConv`: (ReLU, depthwise k x k, pointwise 1x1, BatchNorm) twice; only the first depthwise is strided. */
export function sepConv(
  p: ParamStore,
  c: number,
  k: number,
  stride: number,
  affine = false,
): Layer {
  return sequence(relu, sepConvTail(p, c, k, stride, affine));
}

/** `dilConv` after its leading ReLU. */
export function dilConvTail(
  p: ParamStore,
  c: number,
  k: number,
  dilation: number,
  stride: number,
  affine = false,
): Layer {
  return sequence(
    depthwiseLayer(p, k, c, stride, dilation),
    convLayer(p, 1, c, c, 1),
    batchNormLayer(p, c, affine),
  );
}

/** DARTS `DilConv`: ReLU, depthwise k x k with dilation, pointwise 1x1, BatchNorm. */
export function dilConv(
  p: ParamStore,
  c: number,
  k: number,
  dilation: number,
  stride: number,
  affine = false,
): Layer {
  return sequence(relu, dilConvTail(p, c, k, dilation, stride, affine));
}

/**
 * DARTS `FactorizedReduce`: ReLU, then two 1x1 stride-2 convolutions, one on the input and one on
 * the input shifted by one pixel, concatenated to `cout` channels, then BatchNorm. Both run as one
 * 2x2 stride-2 convolution whose filter holds the first weights at tap (0, 0) for the first half
 * of the output channels and the second weights at tap (1, 1) for the rest (no slicing or
 * concatenation, which are slow on wasm). The far edge is zero-padded, so odd sizes give
 * ceil(H / 2) rows (the reference code only meets even sizes).
 */
export function factorizedReduce(p: ParamStore, cin: number, cout: number, affine: boolean): Layer {
  return sequence(relu, factorizedReduceTail(p, cin, cout, affine));
}

/** `factorizedReduce` after its leading ReLU. */
export function factorizedReduceTail(
  p: ParamStore,
  cin: number,
  cout: number,
  affine: boolean,
): Layer {
  const half = Math.floor(cout / 2);
  const bound = kaimingBound(cin);
  const a = p.uniform('fr_a', [1, 1, cin, half], bound);
  const b = p.uniform('fr_b', [1, 1, cin, cout - half], bound);
  const bn = batchNormLayer(p, cout, affine);
  return (x) => {
    const filter = tf.add(
      tf.pad(a, [
        [0, 1],
        [0, 1],
        [0, 0],
        [0, cout - half],
      ]),
      tf.pad(b, [
        [1, 0],
        [1, 0],
        [0, 0],
        [half, 0],
      ]),
    ) as tf.Tensor4D;
    const pad: [[number, number], [number, number], [number, number], [number, number]] = [
      [0, 0],
      [0, 1],
      [0, 1],
      [0, 0],
    ];
    return bn(tapWeighted(tf.conv2d(x as tf.Tensor4D, filter, 2, pad)));
  };
}

/**
 * A bare k x k pooling op (padding (k - 1) / 2, padded cells never counted): the pool of the reference
 * evaluation networks (quark0/darts NetworkCIFAR, NAS-Bench-201's cells), used in derived networks.
 */
export function pool(kind: 'max' | 'avg', k: number, stride: number): Layer {
  const pad = torchPad(k);
  return (x) =>
    kind === 'max'
      ? maxPool(x as tf.Tensor4D, k, stride, pad)
      : avgPool(x as tf.Tensor4D, k, stride, pad);
}

/**
 * A pooling op as inside a DARTS search mixed op: the bare pool, then BatchNorm without affine
 * (quark0/darts model_search MixedOp). Only the supernet builds it; it has no parameters.
 */
export function poolBn(
  p: ParamStore,
  c: number,
  kind: 'max' | 'avg',
  k: number,
  stride: number,
): Layer {
  return sequence(pool(kind, k, stride), batchNormLayer(p, c, false));
}

/** Zeros shaped like the op's output: the input itself at stride 1, ceil(H/2) x ceil(W/2) at stride 2. */
export function zeroOp(stride: number): Layer {
  return (x) => {
    if (stride === 1 || x.rank !== 4) return tf.zerosLike(x);
    const [n, h, w, c] = x.shape as [number, number, number, number];
    return tf.zeros([n, Math.ceil(h / stride), Math.ceil(w / stride), c]);
  };
}
