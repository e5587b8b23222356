/**
 * Work that several edges of a cell do on the same source node (its ReLU, its pool + BatchNorm),
 * done once per forward pass: each edge asks the node's SharedSource for the work by key, and
 * the first ask computes it. Backpropagation then accumulates every edge's gradient at the one
 * shared tensor, which gives the same gradients as computing the work once per edge.
 */
import type * as tf from '@tensorflow/tfjs';
import type { Layer } from './layers';

/** One source node's value, with its shared work memoised for the current forward pass. */
export interface SharedSource {
  readonly x: tf.Tensor;
  /** `compute(x)`, computed at the first call with `key` and returned again for later calls. */
  get(key: string, compute: Layer): tf.Tensor;
}

/** A SharedSource over `x`; make one per node per forward pass (the memo holds that pass's tensors). */
export function sharedSource(x: tf.Tensor): SharedSource {
  const memo = new Map<string, tf.Tensor>();
  return {
    x,
    get(key, compute) {
      const known = memo.get(key);
      if (known !== undefined) return known;
      const value = compute(x);
      memo.set(key, value);
      return value;
    },
  };
}
