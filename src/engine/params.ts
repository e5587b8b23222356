/**
 * The trainable weights of one supernet: tf.Variables with names unique in this tfjs instance, every
 * initial value drawn from a seeded Rng as a Float32Array (never tf.random*), so the same seed gives
 * the same initial network on every backend.
 */
import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../core/random';

let storeCount = 0;

/** Creates and owns the weights of one network. */
export interface ParamStore {
  /** Every weight created so far, in creation order. */
  readonly weights: tf.Variable[];
  /** A weight drawn uniformly from [-bound, bound). */
  uniform(label: string, shape: readonly number[], bound: number): tf.Variable;
  /** A weight filled with `value` (BatchNorm scale and shift). */
  constant(label: string, shape: readonly number[], value: number): tf.Variable;
  /** Number of scalar weights. */
  count(): number;
  /** Disposes every weight. */
  dispose(): void;
}

/**
 * PyTorch's default bound for conv and linear layers (Kaiming-uniform with a = sqrt(5)), which the
 * DARTS and NAS-Bench-201 reference code inherit: 1 / sqrt(fan_in).
 */
export function kaimingBound(fanIn: number): number {
  return 1 / Math.sqrt(fanIn);
}

/** Opens a store whose variable names carry a prefix no other store in this process uses. */
export function createParamStore(rng: Rng): ParamStore {
  storeCount += 1;
  const prefix = `nas${storeCount}`;
  const weights: tf.Variable[] = [];
  const make = (label: string, shape: readonly number[], values: Float32Array): tf.Variable => {
    const name = `${prefix}/${weights.length}_${label}`;
    const v = tf.tidy(() => tf.variable(tf.tensor(values, [...shape], 'float32'), true, name));
    weights.push(v);
    return v;
  };
  return {
    weights,
    uniform(label, shape, bound) {
      const values = new Float32Array(tf.util.sizeFromShape([...shape]));
      for (let i = 0; i < values.length; i++) values[i] = (2 * rng.next() - 1) * bound;
      return make(label, shape, values);
    },
    constant(label, shape, value) {
      return make(label, shape, new Float32Array(tf.util.sizeFromShape([...shape])).fill(value));
    },
    count: () => weights.reduce((n, v) => n + v.size, 0),
    dispose() {
      for (const v of weights) v.dispose();
      weights.length = 0;
    },
  };
}
