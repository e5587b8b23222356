/** Builds any op of the registry (src/core/search-space/ops.ts) for one edge, with its weights. */
import * as tf from '@tensorflow/tfjs';
import { opDef, type OpName } from '../core/search-space/ops';
import {
  convBn,
  dilConvTail,
  factorizedReduceTail,
  pool,
  poolBn,
  sepConvTail,
  zeroOp,
} from './image-ops';
import { denseLayer, relu, sequence, type Layer } from './layers';
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

/**
 * The op as work that depends on its input alone, which every op on edges from the same node can
 * share (`key` names it: equal keys compute equal tensors), then the op's own remainder:
 * layer(x) = rest(shared(x)).
 */
export interface OpSplit {
  readonly key: string;
  readonly shared: Layer;
  readonly rest: Layer;
}

/** A built op. `zero` marks the `none` op, whose output is all zeros (mixed ops skip computing it). */
export interface BuiltOp {
  readonly name: OpName;
  readonly zero: boolean;
  readonly layer: Layer;
  /** Present when the op starts with shareable work (a leading ReLU; a parameterless pool + BatchNorm). */
  readonly split?: OpSplit;
}

/** The key of the shared leading ReLU. */
const RELU_KEY = 'relu';
const same: Layer = (x) => x;

const ACTIVATIONS: Record<'relu' | 'tanh' | 'sigmoid', Layer> = {
  relu,
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
  /** An op whose first step is `shared` (named `key`), then `rest`. */
  const split = (key: string, shared: Layer, rest: Layer): BuiltOp => ({
    name,
    zero: false,
    layer: (x) => rest(shared(x)),
    split: { key, shared, rest },
  });
  switch (def.kind) {
    case 'zero':
      return built(zeroOp(stride), true);
    case 'identity':
      return stride === 1
        ? built((x) => x)
        : split(RELU_KEY, relu, factorizedReduceTail(p, c, c, affine));
    case 'pool': {
      // Derived networks pool bare, as the reference evaluation networks; the supernet adds a
      // BatchNorm without affine, as DARTS's search MixedOp.
      const kind = def.pool ?? 'max';
      // Without parameters, the pool (and its BatchNorm) of one input is the same on every edge.
      const layer = affine ? pool(kind, k, stride) : poolBn(p, c, kind, k, stride);
      return split(`${affine ? 'pool' : 'pool_bn'}:${kind}:${k}:${stride}`, layer, same);
    }
    case 'conv':
      return split(RELU_KEY, relu, convBn(p, c, c, k, stride, affine));
    case 'sep_conv':
      return split(RELU_KEY, relu, sepConvTail(p, c, k, stride, affine));
    case 'dil_conv':
      return split(RELU_KEY, relu, dilConvTail(p, c, k, def.dilation ?? 1, stride, affine));
    case 'dense':
      return built(sequence(denseLayer(p, c, c), ACTIVATIONS[def.activation ?? 'relu']));
  }
}
