/**
 * Building blocks with their weights: convolutions, depthwise convolutions, dense layers and
 * BatchNorm. Each returns a Layer, a differentiable function of one tensor.
 */
import * as tf from '@tensorflow/tfjs';
import { batchNormalise, differentiableBatchNormalise } from './batch-norm';
import { batchNormId, normaliseWithStatistics } from './bn-recalibrate';
import { dilatedDepthwise } from './dilated';
import { kaimingBound, type ParamStore } from './params';
import { activeTaps, tapWeighted } from './taps';

/** A differentiable function of one tensor, closed over its weights. */
export type Layer = (x: tf.Tensor) => tf.Tensor;

/**
 * BatchNorm over every axis but the last, always with the statistics of the batch at hand: in the
 * search phase (affine = false inside mixed ops, as DARTS) and also at evaluation. The studio keeps
 * no running statistics, so evaluation is done in batches of 64 or more (or the whole split when
 * smaller) and depends slightly on how a split is batched: a departure from PyTorch's eval mode.
 * Subnet evaluation instead runs under statistics recalibrated on training batches (bn-recalibrate.ts).
 */
export function batchNormLayer(p: ParamStore, channels: number, affine: boolean): Layer {
  const id = batchNormId();
  const gamma = affine ? p.constant('bn_gamma', [channels], 1) : null;
  const beta = affine ? p.constant('bn_beta', [channels], 0) : null;
  return (x) => {
    const taps = activeTaps();
    if (taps?.batchNormOff === true) return x;
    const normed =
      taps?.secondOrder === true
        ? differentiableBatchNormalise(x)
        : (normaliseWithStatistics(id, x) ?? batchNormalise(x));
    return gamma && beta ? tf.add(tf.mul(normed, gamma), beta) : normed;
  };
}

/**
 * Symmetric zero padding (k - 1) / 2 for an odd k, as the DARTS and NAS-Bench-201 code pads:
 * stride 1 keeps the size, stride 2 gives ceil(H / 2) and samples the stride-1 result at even
 * positions (tfjs's 'same' would pad unevenly and shift the samples on even sizes).
 */
export function torchPad(k: number): number {
  if (k % 2 === 0) throw new Error(`Convolutions and pools here need odd sizes, got ${k}.`);
  return (k - 1) / 2;
}

/** A k x k convolution without bias, symmetric padding (NHWC). */
export function convLayer(
  p: ParamStore,
  k: number,
  cin: number,
  cout: number,
  stride: number,
): Layer {
  const w = p.uniform(`conv${k}x${k}`, [k, k, cin, cout], kaimingBound(k * k * cin));
  return (x) => tapWeighted(tf.conv2d(x as tf.Tensor4D, w as tf.Tensor4D, stride, torchPad(k)));
}

/** A k x k depthwise convolution (one filter per channel), symmetric padding, optionally dilated. */
export function depthwiseLayer(
  p: ParamStore,
  k: number,
  channels: number,
  stride: number,
  dilation = 1,
): Layer {
  const w = p.uniform(`dw${k}x${k}`, [k, k, channels, 1], kaimingBound(k * k));
  if (dilation === 1)
    return (x) =>
      tapWeighted(tf.depthwiseConv2d(x as tf.Tensor4D, w as tf.Tensor4D, stride, torchPad(k)));
  return (x) => tapWeighted(dilatedDepthwise(x as tf.Tensor4D, w as tf.Tensor4D, dilation, stride));
}

/** A fully connected layer with bias: x W + b. */
export function denseLayer(p: ParamStore, cin: number, cout: number): Layer {
  const bound = kaimingBound(cin);
  const w = p.uniform('dense_w', [cin, cout], bound);
  const b = p.uniform('dense_b', [cout], bound);
  return (x) => tapWeighted(tf.add(tf.matMul(x as tf.Tensor2D, w as tf.Tensor2D), b));
}

/** Applies layers in order. */
export function sequence(...layers: Layer[]): Layer {
  return (x) => layers.reduce((h, f) => f(h), x);
}

/** ReLU as a layer (its input is shown to an active `reluInput` tap). */
export const relu: Layer = (x) => {
  activeTaps()?.reluInput?.(x);
  return tf.relu(x);
};
