/** Builds what one latency key times (a registry op or a fixed part) with fresh weights, and an input batch of its shape. */
import * as tf from '@tensorflow/tfjs';
import type { LatencyKey } from '../../core/cost/latency';
import type { Rng } from '../../core/random';
import { isOpName } from '../../core/search-space/ops';
import { head, imageStem, preprocess, residualBlock, vectorStem } from '../blocks';
import type { Layer } from '../layers';
import type { ParamStore } from '../params';
import { buildOp } from '../primitives';

/** The layer `key` names, built as the network builds it, its weights drawn into `p`. */
export function buildKeyLayer(p: ParamStore, key: LatencyKey): Layer {
  const { op, domain, channels: cin, outChannels: cout, stride } = key;
  if (isOpName(op)) {
    if (cin !== cout) {
      throw new Error(`A searched op keeps its channels; the key ${op} asks ${cin} -> ${cout}.`);
    }
    return buildOp(p, op, { domain, channels: cin, stride }).layer;
  }
  switch (op) {
    case 'stem':
      return domain === 'image' ? imageStem(p, cin, cout) : vectorStem(p, cin, cout);
    case 'preprocess': {
      const from = { h: key.height, w: key.width, c: cin };
      const to = {
        h: Math.ceil(key.height / stride),
        w: Math.ceil(key.width / stride),
        c: cout,
      };
      return preprocess(p, from, to, domain);
    }
    case 'residual_block':
      return residualBlock(p, cin, cout);
    case 'head':
      return head(p, cin, cout, domain, false);
    case 'head_bn_relu':
      return head(p, cin, cout, domain, true);
  }
}

/** `batch` examples of the key's input shape (NHWC images, [batch, features] vectors), seeded normal values. */
export function keyInput(key: LatencyKey, batch: number, rng: Rng): tf.Tensor {
  const shape =
    key.domain === 'image' ? [batch, key.height, key.width, key.channels] : [batch, key.channels];
  const values = Float32Array.from({ length: tf.util.sizeFromShape(shape) }, () => rng.normal());
  return tf.tensor(values, shape, 'float32');
}
