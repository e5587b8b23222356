/**
 * What a zero-cost proxy scores: a network's forward pass and its variables, split as the
 * reference implementation (SamsungLabs zero-cost-nas) splits them: the weights of convolutions
 * (depthwise and FactorizedReduce's included) and linear layers are scored; biases and BatchNorm
 * scale and shift are not.
 */
import type * as tf from '@tensorflow/tfjs';
import type { Batch } from '../darts/trainer';

/** A network as the proxies see it. Call `forward` inside tf.tidy (or a gradient). */
export interface ProxyNetwork {
  /** Logits [batch, classes]; layers report to whatever taps are active. */
  forward(x: tf.Tensor): tf.Tensor;
  /** Every variable of the network. */
  readonly variables: readonly tf.Variable[];
  /** Convolution and linear-layer weights: the parameters the proxies sum over. */
  readonly scored: readonly tf.Variable[];
  /** Additive biases (synflow scales them with its input so the network stays homogeneous). */
  readonly biases: readonly tf.Variable[];
}

/** The mini-batch every proxy reads (inputs NHWC or [batch, features], integer labels). */
export type ProxyBatch = Batch;

/** The label a ParamStore gave a variable (`nas3/12_conv3x3` -> `conv3x3`). */
export function variableLabel(v: tf.Variable): string {
  const m = /\/\d+_(.+)$/.exec(v.name);
  return m?.[1] ?? v.name;
}

/** True for the weight of a convolution or linear layer (not a bias, not BatchNorm). */
export function isScoredLabel(label: string): boolean {
  return /^(conv\d+x\d+|dw\d+x\d+|fr_[ab]|dense_w)$/.test(label);
}

/** A ProxyNetwork over `forward` and the ParamStore variables it closes over. */
export function proxyNetwork(
  forward: (x: tf.Tensor) => tf.Tensor,
  variables: readonly tf.Variable[],
): ProxyNetwork {
  return {
    forward,
    variables,
    scored: variables.filter((v) => isScoredLabel(variableLabel(v))),
    biases: variables.filter((v) => variableLabel(v) === 'dense_b'),
  };
}
