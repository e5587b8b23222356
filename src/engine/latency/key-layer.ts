/** Builds what one latency key times (a registry op, a fixed part, or a combining pseudo-op) with fresh weights, and an input batch of its shape. */
import * as tf from '@tensorflow/tfjs';
import type { CombineOp, LatencyKey } from '../../core/cost/latency';
import type { Rng } from '../../core/random';
import { isOpName } from '../../core/search-space/ops';
import { head, imageStem, preprocess, residualBlock, vectorStem } from '../blocks';
import type { Layer } from '../layers';
import type { ParamStore } from '../params';
import { buildOp } from '../primitives';
import { concatTensors, sumTensors } from '../sum';

/**
 * A node sum or cell concat of `key.inputs` tensors: the input and `inputs - 1` more of its shape
 * (drawn into `p` on the first call at each shape, so warm-up runs pay for them), combined as the
 * cell combines them (in chunks of at most 7 tensors per kernel).
 */
function combineLayer(p: ParamStore, op: CombineOp, key: LatencyKey): Layer {
  const n = key.inputs ?? 0;
  if (!Number.isInteger(n) || n < 2) {
    throw new Error(`The key ${op} combines 2 or more tensors, got ${String(key.inputs)}.`);
  }
  const others = new Map<string, tf.Tensor[]>();
  return (x) => {
    const shape = x.shape.join('x');
    let extra = others.get(shape);
    if (extra === undefined) {
      extra = Array.from({ length: n - 1 }, (_, i) => p.uniform(`${op}_in${i + 1}`, x.shape, 1));
      others.set(shape, extra);
    }
    const parts = [x, ...extra];
    return op === 'node_sum' ? sumTensors(parts) : concatTensors(parts, -1);
  };
}

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
    case 'node_sum':
    case 'cell_concat':
      return combineLayer(p, op, key);
  }
}

/** `batch` examples of the key's input shape (NHWC images, [batch, features] vectors), seeded normal values. */
export function keyInput(key: LatencyKey, batch: number, rng: Rng): tf.Tensor {
  const shape =
    key.domain === 'image' ? [batch, key.height, key.width, key.channels] : [batch, key.channels];
  const values = Float32Array.from({ length: tf.util.sizeFromShape(shape) }, () => rng.normal());
  return tf.tensor(values, shape, 'float32');
}
