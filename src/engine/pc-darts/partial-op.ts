/**
 * PC-DARTS's partial channel connection (Xu et al. 2020): on each edge only the first 1/K of the
 * input's channels go through the mixed op; the rest bypass it (max-pooled 2x2 on a reducing edge)
 * and are concatenated back, then the channels are shuffled in K groups so that the next edge
 * sends a different quarter through its ops.
 */
import * as tf from '@tensorflow/tfjs';
import type { OpName } from '../../core/search-space/ops';
import { buildMixedOp, type MixedOp } from '../mixed-op';
import type { ParamStore } from '../params';
import { maxPool } from '../pooling';
import type { OpContext } from '../primitives';

/**
 * Where each output channel of `channelShuffle(x, groups)` comes from: output channel
 * j * groups + g is input channel g * (channels / groups) + j (PC-DARTS's channel_shuffle).
 */
export function shufflePermutation(channels: number, groups: number): number[] {
  if (!(Number.isInteger(groups) && groups >= 1 && channels % groups === 0))
    throw new Error(`${channels} channels cannot be shuffled in ${groups} groups.`);
  const per = channels / groups;
  const out: number[] = [];
  for (let j = 0; j < per; j++) for (let g = 0; g < groups; g++) out.push(g * per + j);
  return out;
}

/** Shuffles the last axis (channels) of `x` in `groups` groups: view as [groups, C / groups], transpose, flatten. */
export function channelShuffle(x: tf.Tensor, groups: number): tf.Tensor {
  if (groups === 1) return x;
  const c = x.shape[x.rank - 1] ?? 0;
  if (c % groups !== 0) throw new Error(`${c} channels cannot be shuffled in ${groups} groups.`);
  const lead = x.shape.slice(0, -1);
  const grouped = tf.reshape(x, [...lead, groups, c / groups]);
  const axes = [...lead.map((_, i) => i), lead.length + 1, lead.length];
  return tf.reshape(tf.transpose(grouped, axes), x.shape);
}

/**
 * Builds an edge's mixed op over `ops` as PC-DARTS does: the ops are built on channels / `k`
 * channels; `forward` and `forwardOne` run them on the first channels / `k` input channels and
 * concatenate the bypassed rest, then shuffle in `k` groups. A `none` op (or an edge whose every
 * op weight is known zero) still passes the bypass on in the mixed forward, and contributes
 * nothing on a single path. The shared-source optimisation is not used: the ops see a slice.
 * K = 1 is the plain mixed op.
 */
export function buildPartialMixedOp(
  p: ParamStore,
  ops: readonly OpName[],
  ctx: OpContext,
  k: number,
): MixedOp {
  if (!(Number.isInteger(k) && k >= 1 && ctx.channels % k === 0))
    throw new Error(
      `PC-DARTS's K = ${k} does not divide the cell's ${ctx.channels} channels; pick a K that does.`,
    );
  if (k === 1) return buildMixedOp(p, ops, ctx);
  const part = ctx.channels / k;
  const inner = buildMixedOp(p, ops, { ...ctx, channels: part });
  const split = (x: tf.Tensor): [tf.Tensor, tf.Tensor] => {
    const [through, bypass] = tf.split(x, [part, ctx.channels - part], x.rank - 1);
    return [through as tf.Tensor, bypass as tf.Tensor];
  };
  const bypassed = (x: tf.Tensor): tf.Tensor =>
    ctx.stride === 2 && x.rank === 4 ? maxPool(x as tf.Tensor4D, 2, 2, 'same') : x;
  const join = (y: tf.Tensor, rest: tf.Tensor): tf.Tensor =>
    channelShuffle(tf.concat([y, bypassed(rest)], y.rank - 1), k);
  return {
    ops: inner.ops,
    opVariables: inner.opVariables,
    zeros: inner.zeros,
    forward(x, weights) {
      const [through, rest] = split(x);
      return join(inner.forward(through, weights), rest);
    },
    forwardOne(x, index) {
      const [through, rest] = split(x);
      const y = inner.forwardOne(through, index);
      return y === null ? null : join(y, rest);
    },
  };
}
