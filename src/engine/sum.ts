/**
 * Sums and concatenations of many tensors without ever handing one kernel more than 7 inputs:
 * webgpu's addN with 8 or more inputs exceeds the default storage-buffer bindings per shader and
 * silently returns stale data, and a concat of many inputs meets the same limit.
 */
import * as tf from '@tensorflow/tfjs';

/** Largest number of inputs given to one tf.addN or tf.concat call. */
export const MAX_KERNEL_INPUTS = 7;

/** Applies `combine` to groups of at most 7, then to the group results, until one tensor is left. */
function reduceInChunks(
  items: readonly tf.Tensor[],
  combine: (chunk: tf.Tensor[]) => tf.Tensor,
): tf.Tensor {
  let level: tf.Tensor[] = [...items];
  while (level.length > 1) {
    const next: tf.Tensor[] = [];
    for (let i = 0; i < level.length; i += MAX_KERNEL_INPUTS) {
      const chunk = level.slice(i, i + MAX_KERNEL_INPUTS);
      next.push(chunk.length === 1 ? (chunk[0] as tf.Tensor) : combine(chunk));
    }
    level = next;
  }
  return level[0] as tf.Tensor;
}

/** The element-wise sum of `terms` (same shape), in chunks of at most 7 per addN. */
export function sumTensors(terms: readonly tf.Tensor[]): tf.Tensor {
  if (terms.length === 0) throw new Error('Cannot sum an empty list of tensors.');
  return reduceInChunks(terms, (chunk) => tf.addN(chunk));
}

/** `tf.concat(parts, axis)` in chunks of at most 7 (order kept: chunks are consecutive). */
export function concatTensors(parts: readonly tf.Tensor[], axis: number): tf.Tensor {
  if (parts.length === 0) throw new Error('Cannot concatenate an empty list of tensors.');
  return reduceInChunks(parts, (chunk) => tf.concat(chunk, axis));
}
