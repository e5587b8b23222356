/** Builds any op of the registry (src/core/search-space/ops.ts) for one edge, with its weights. */
import * as tf from '@tensorflow/tfjs';
import { opDef, type OpName } from '../core/search-space/ops';
import { dilConv, factorizedReduce, pool, poolBn, reluConvBn, sepConv, zeroOp } from './image-ops';
import { denseLayer, sequence, type Layer } from './layers';
import type { ParamStore } from './params';

/** What an op is built for: the input domain, the channel (feature) count, and the edge's stride. */
export interface OpContext {
  readonly domain: 'image' | 'vector';
  readonly channels: number;
  /** 2 on edges leaving the inputs of a reduction cell (images only), else 1. */
  readonly stride: 1 | 2;
  /**
   * True in a derived (stand-alone) network: BatchNorm with scale and shift, and bare pools. Absent
   * or false in the search supernet: BatchNorm without affine, also after every pool.
   */
  readonly affine?: boolean;
}

/** A built op. `zero` marks the `none` op, whose output is all zeros (mixed ops skip computing it). */
export interface BuiltOp {
  readonly name: OpName;
  readonly zero: boolean;
  readonly layer: Layer;
}

const ACTIVATIONS: Record<'relu' | 'tanh' | 'sigmoid', Layer> = {
  relu: (x) => tf.relu(x),
  tanh: (x) => tf.tanh(x),
  sigmoid: (x) => tf.sigmoid(x),
};

/** Builds `name` for `ctx`; throws when the op does not fit the domain or lacks a size. */
export function buildOp(p: ParamStore, name: OpName, ctx: OpContext): BuiltOp {
  const def = opDef(name);
  if (def.domain !== 'any' && def.domain !== ctx.domain) {
    throw new Error(
      `The op '${name}' works on ${def.domain} inputs, but this network's cells see ${ctx.domain} inputs.`,
    );
  }
  if (ctx.domain === 'vector' && ctx.stride !== 1)
    throw new Error(`Vector cells cannot reduce resolution (op '${name}').`);
  const { channels: c, stride } = ctx;
  const affine = ctx.affine ?? false;
  const k = def.kernel ?? 0;
  const built = (layer: Layer, zero = false): BuiltOp => ({ name, zero, layer });
  switch (def.kind) {
    case 'zero':
      return built(zeroOp(stride), true);
    case 'identity':
      return built(stride === 1 ? (x) => x : factorizedReduce(p, c, c, affine));
    case 'pool': {
      // Derived networks pool bare, as the reference evaluation networks; the supernet adds a
      // BatchNorm without affine, as DARTS's search MixedOp.
      const kind = def.pool ?? 'max';
      return built(affine ? pool(kind, k, stride) : poolBn(p, c, kind, k, stride));
    }
    case 'conv':
      return built(reluConvBn(p, c, c, k, stride, affine));
    case 'sep_conv':
      return built(sepConv(p, c, k, stride, affine));
    case 'dil_conv':
      return built(dilConv(p, c, k, def.dilation ?? 1, stride, affine));
    case 'dense':
      return built(sequence(denseLayer(p, c, c), ACTIVATIONS[def.activation ?? 'relu']));
  }
}
