/**
 * The tf.layers building blocks of an exported subnet, each equal to one engine building block
 * (layers.ts, pooling.ts, dilated.ts). A block reads its trained weights when it is made, in the
 * engine's creation order, and adds its layers when it is applied to a symbolic tensor.
 *
 * Exactness: convolutions pad symmetrically by (k - 1) / 2 (zeroPadding2d, then a 'valid'
 * convolution), as the engine does; pools pad with tfjs 'same' at stride 1 (padding never wins a
 * max and never counts in an average, the engine's count_include_pad=False) and reach stride 2 by
 * keeping every second row and column of the stride-1 result (a 1x1 pool of stride 2), which is
 * what a symmetric-padded stride-2 pool computes; tfjs's DepthwiseConv2D ignores dilation, so a
 * dilated depthwise + pointwise pair is one SeparableConv2D (same weights, same parameter count);
 * BatchNorm uses the recalibrated mean and unbiased variance as its moving statistics.
 */
import * as tf from '@tensorflow/tfjs';
import { BN_EPSILON } from '../batch-norm';
import { torchPad } from '../layers';
import type { Apply, GraphKit, Sym } from './graph-kit';

/** ReLU. */
export function reluBlock(kit: GraphKit, name: string): Apply {
  return (x) => kit.apply(tf.layers.reLU({ name: kit.name(`${name}_relu`) }), x);
}

/** Symmetric zero padding by `pad` rows and columns on each side (nothing for 0). */
function padBlock(kit: GraphKit, name: string, pad: number): Apply {
  if (pad === 0) return (x) => x;
  return (x) =>
    kit.apply(
      tf.layers.zeroPadding2d({
        name: kit.name(`${name}_pad`),
        padding: [
          [pad, pad],
          [pad, pad],
        ],
      }),
      x,
    );
}

/** Keeps every second row and column, from the first: a stride-2 sample of a stride-1 result. */
export function subsampleBlock(kit: GraphKit, name: string): Apply {
  return (x) =>
    kit.apply(
      tf.layers.maxPooling2d({
        name: kit.name(`${name}_stride2`),
        poolSize: 1,
        strides: 2,
        padding: 'valid',
      }),
      x,
    );
}

/** A k x k convolution without bias, symmetric padding (engine convLayer). */
export function convBlock(
  kit: GraphKit,
  name: string,
  k: number,
  cin: number,
  cout: number,
  stride: number,
): Apply {
  const kernel = kit.cursor.take(`conv${k}x${k}`, [k, k, cin, cout]);
  const pad = padBlock(kit, name, torchPad(k));
  return (x) =>
    kit.apply(
      tf.layers.conv2d({
        name: kit.name(`${name}_conv${k}x${k}`),
        filters: cout,
        kernelSize: k,
        strides: stride,
        padding: 'valid',
        useBias: false,
        kernelInitializer: 'zeros',
      }),
      pad(x),
      [kernel],
    );
}

/** A k x k depthwise convolution, symmetric padding, undilated (engine depthwiseLayer). */
export function depthwiseBlock(
  kit: GraphKit,
  name: string,
  k: number,
  channels: number,
  stride: number,
): Apply {
  const kernel = kit.cursor.take(`dw${k}x${k}`, [k, k, channels, 1]);
  const pad = padBlock(kit, name, torchPad(k));
  return (x) =>
    kit.apply(
      tf.layers.depthwiseConv2d({
        name: kit.name(`${name}_dw${k}x${k}`),
        kernelSize: k,
        strides: stride,
        depthMultiplier: 1,
        padding: 'valid',
        useBias: false,
        depthwiseInitializer: 'zeros',
      }),
      pad(x),
      [kernel],
    );
}

/**
 * A dilated k x k depthwise convolution followed by a 1x1 pointwise one, as one SeparableConv2D
 * (padding (k - 1) / 2 * d; stride 2 as a sample of the stride-1 result).
 */
export function dilatedSeparableBlock(
  kit: GraphKit,
  name: string,
  k: number,
  dilation: number,
  channels: number,
  stride: number,
): Apply {
  const depthwise = kit.cursor.take(`dw${k}x${k}`, [k, k, channels, 1]);
  const pointwise = kit.cursor.take('conv1x1', [1, 1, channels, channels]);
  const pad = padBlock(kit, name, torchPad(k) * dilation);
  const sample = stride === 2 ? subsampleBlock(kit, name) : (x: Sym) => x;
  return (x) =>
    sample(
      kit.apply(
        tf.layers.separableConv2d({
          name: kit.name(`${name}_dil${k}x${k}`),
          filters: channels,
          kernelSize: k,
          dilationRate: dilation,
          depthMultiplier: 1,
          padding: 'valid',
          useBias: false,
          depthwiseInitializer: 'zeros',
          pointwiseInitializer: 'zeros',
        }),
        pad(x),
        [depthwise, pointwise],
      ),
    );
}

/** BatchNorm over the last axis with the recalibrated statistics; scale and shift when `affine`. */
export function batchNormBlock(
  kit: GraphKit,
  name: string,
  channels: number,
  affine: boolean,
): Apply {
  const scaleShift = affine
    ? [kit.cursor.take('bn_gamma', [channels]), kit.cursor.take('bn_beta', [channels])]
    : [];
  const moments = kit.cursor.takeStatistics(channels);
  const mean = kit.own(tf.reshape(moments.mean, [channels]));
  const variance = kit.own(tf.reshape(moments.variance, [channels]));
  return (x) =>
    kit.apply(
      tf.layers.batchNormalization({
        name: kit.name(`${name}_bn`),
        axis: -1,
        epsilon: BN_EPSILON,
        center: affine,
        scale: affine,
      }),
      x,
      [...scaleShift, mean, variance],
    );
}

/** A fully connected layer with bias, then `activation` if given (engine denseLayer). */
export function denseBlock(
  kit: GraphKit,
  name: string,
  cin: number,
  cout: number,
  activation?: 'relu' | 'tanh' | 'sigmoid',
): Apply {
  const kernel = kit.cursor.take('dense_w', [cin, cout]);
  const bias = kit.cursor.take('dense_b', [cout]);
  return (x) =>
    kit.apply(
      tf.layers.dense({
        name: kit.name(`${name}_dense`),
        units: cout,
        activation: activation ?? 'linear',
        useBias: true,
        kernelInitializer: 'zeros',
      }),
      x,
      [kernel, bias],
    );
}

/** A k x k max or average pool of stride 1 or 2 whose padding never counts (engine pooling.ts with symmetric padding). */
export function poolBlock(
  kit: GraphKit,
  name: string,
  kind: 'max' | 'avg',
  k: number,
  stride: number,
): Apply {
  torchPad(k); // refuses an even size, as the engine's pools do
  const sample = stride === 2 ? subsampleBlock(kit, name) : (x: Sym) => x;
  return (x) => {
    const args = {
      name: kit.name(`${name}_${kind}pool`),
      poolSize: k,
      strides: 1,
      padding: 'same' as const,
    };
    const layer = kind === 'max' ? tf.layers.maxPooling2d(args) : tf.layers.averagePooling2d(args);
    return sample(kit.apply(layer, x));
  };
}

/** Zeros shaped like `x` (a ReLU capped at 0): a cell node none of whose edges the genotype kept. */
export function zerosBlock(kit: GraphKit, name: string): Apply {
  return (x) => kit.apply(tf.layers.reLU({ name: kit.name(`${name}_zeros`), maxValue: 0 }), x);
}

/** The element-wise sum of `terms` (the term itself when there is one). */
export function sumOf(kit: GraphKit, name: string, terms: readonly Sym[]): Sym {
  const first = terms[0];
  if (first === undefined) throw new Error('Cannot sum an empty list of tensors.');
  return terms.length === 1
    ? first
    : kit.apply(tf.layers.add({ name: kit.name(`${name}_sum`) }), [...terms]);
}

/** The channel concatenation of `parts` (the part itself when there is one). */
export function concatOf(kit: GraphKit, name: string, parts: readonly Sym[]): Sym {
  const first = parts[0];
  if (first === undefined) throw new Error('Cannot concatenate an empty list of tensors.');
  return parts.length === 1
    ? first
    : kit.apply(tf.layers.concatenate({ name: kit.name(`${name}_concat`), axis: -1 }), [...parts]);
}
