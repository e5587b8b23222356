/**
 * Observers a zero-cost proxy attaches to a network's layers while it scores it: the output of
 * every convolution and linear layer (fisher), the input of every ReLU (NASWOT), and BatchNorm
 * switched off (synflow). Layers ask for the active taps at each call; with none active (every
 * search and training) they run as before.
 */
import type * as tf from '@tensorflow/tfjs';

/** What the layers report to, or how they change, while a proxy scores a network. */
export interface LayerTaps {
  /** Sees the output of every convolution and linear layer (before any BatchNorm); returns the tensor the network carries on with. */
  readonly weightedOutput?: (y: tf.Tensor) => tf.Tensor;
  /** Sees the input of every ReLU. */
  readonly reluInput?: (x: tf.Tensor) => void;
  /** True: every BatchNorm layer passes its input through unchanged (synflow's "BN off"). */
  readonly batchNormOff?: boolean;
  /**
   * True: layers use only tfjs ops whose gradients are differentiable again (BatchNorm by autodiff
   * of its moments, max pooling as a maximum of shifted slices), for a gradient of a gradient (grasp).
   */
  readonly secondOrder?: boolean;
}

let active: LayerTaps | null = null;

/** Runs `f` (synchronous: a forward pass, or a gradient of one) with `taps` active, then restores the previous taps. */
export function withTaps<T>(taps: LayerTaps, f: () => T): T {
  const previous = active;
  active = taps;
  try {
    return f();
  } finally {
    active = previous;
  }
}

/** The taps active now, or null. */
export function activeTaps(): LayerTaps | null {
  return active;
}

/** `y` passed through the active `weightedOutput` tap, or `y` itself when there is none. */
export function tapWeighted(y: tf.Tensor): tf.Tensor {
  const tap = active?.weightedOutput;
  return tap ? tap(y) : y;
}
