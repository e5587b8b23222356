/**
 * Registers the engine's fused kernels (BatchNorm training forward and backward, the mixed op's
 * weighted sum and its gradients) on cpu, wasm and webgpu, with their gradients. Registration
 * happens once, on import (registering for webgpu needs no webgpu backend loaded); webgl runs the
 * composed tfjs ops instead (see `hasFusedKernels`).
 */
import * as tf from '@tensorflow/tfjs';
import { BN_TRAIN, BN_TRAIN_GRAD, batchNormTrain, batchNormTrainGrad } from './batch-norm-train';
import { batchNormTrainGradNative, batchNormTrainNative } from './native/batch-norm';
import { weightedSumGradWNative, weightedSumNative } from './native/weighted-sum';
import {
  SCALE_BY_WEIGHT,
  WEIGHTED_SUM,
  WEIGHTED_SUM_GRAD_W,
  scaleByWeight,
  weightedSum,
  weightedSumGradW,
} from './weighted-sum';
import { scaleByWeightWasm } from './weighted-sum-wasm';
import { batchNormTrainGradWebgpu, batchNormTrainWebgpu } from './batch-norm-webgpu';
import {
  scaleByWeightWebgpu,
  weightedSumGradWWebgpu,
  weightedSumWebgpu,
} from './weighted-sum-webgpu';

/** The backends that have the fused kernels. */
type FusedBackend = 'cpu' | 'wasm' | 'webgpu';

/**
 * Per backend, each fused kernel's implementation: JavaScript loops on cpu, the engine's own wasm
 * module on wasm (wasm's own SIMD kernels composed where it is not loaded), WGSL programs of the
 * engine's own on webgpu.
 */
const KERNELS: Readonly<Record<FusedBackend, readonly (readonly [string, tf.KernelFunc])[]>> = {
  cpu: [
    [BN_TRAIN, batchNormTrain],
    [BN_TRAIN_GRAD, batchNormTrainGrad],
    [WEIGHTED_SUM, weightedSum],
    [WEIGHTED_SUM_GRAD_W, weightedSumGradW],
    [SCALE_BY_WEIGHT, scaleByWeight],
  ],
  wasm: [
    [BN_TRAIN, batchNormTrainNative],
    [BN_TRAIN_GRAD, batchNormTrainGradNative],
    [WEIGHTED_SUM, weightedSumNative],
    [WEIGHTED_SUM_GRAD_W, weightedSumGradWNative],
    [SCALE_BY_WEIGHT, scaleByWeightWasm],
  ],
  webgpu: [
    [BN_TRAIN, batchNormTrainWebgpu],
    [BN_TRAIN_GRAD, batchNormTrainGradWebgpu],
    [WEIGHTED_SUM, weightedSumWebgpu],
    [WEIGHTED_SUM_GRAD_W, weightedSumGradWWebgpu],
    [SCALE_BY_WEIGHT, scaleByWeightWebgpu],
  ],
};

/** Runs `name` through the engine (so it is taped for gradients), with inputs as a map or a list. */
function run(
  name: string,
  inputs: tf.NamedTensorMap | tf.Tensor[],
  attrs: tf.NamedAttrMap = {},
): tf.Tensor | tf.Tensor[] {
  return tf.engine().runKernel(name, inputs as unknown as tf.NamedTensorMap, attrs);
}

const GRADIENTS: readonly tf.GradConfig[] = [
  {
    kernelName: BN_TRAIN,
    outputsToSave: [true, true],
    gradFunc: (dys, saved) => {
      const dy = (Array.isArray(dys) ? dys[0] : dys) as tf.Tensor;
      const [y, rstd] = saved as [tf.Tensor, tf.Tensor];
      return { x: () => run(BN_TRAIN_GRAD, { dy, y, rstd }) as tf.Tensor };
    },
  },
  {
    kernelName: WEIGHTED_SUM,
    saveAllInputs: true,
    gradFunc: (dys, saved) => {
      const dy = dys as tf.Tensor;
      const [w, ...terms] = saved as [tf.Tensor, ...tf.Tensor[]];
      const grads: Record<string, () => tf.Tensor> = {
        0: () => run(WEIGHTED_SUM_GRAD_W, [dy, ...terms]) as tf.Tensor,
      };
      terms.forEach((_, i) => {
        grads[i + 1] = () => run(SCALE_BY_WEIGHT, { dy, w }, { index: i }) as tf.Tensor;
      });
      return grads;
    },
  },
];

function register(): void {
  for (const backendName of ['cpu', 'wasm', 'webgpu'] as const) {
    for (const [kernelName, kernelFunc] of KERNELS[backendName]) {
      if (tf.getKernel(kernelName, backendName) === undefined)
        tf.registerKernel({ kernelName, backendName, kernelFunc });
    }
  }
  for (const config of GRADIENTS) {
    if (tf.getGradient(config.kernelName) === undefined) tf.registerGradient(config);
  }
}
register();

/** True when the active backend has the fused kernels (cpu, wasm, webgpu). */
export function hasFusedKernels(): boolean {
  return tf.getKernel(BN_TRAIN, tf.getBackend()) !== undefined;
}

/** BatchNorm's training forward as one kernel: each channel (last axis) normalised with the batch's mean and biased variance. */
export function fusedBatchNorm(x: tf.Tensor, epsilon: number): tf.Tensor {
  const [y, rstd] = run(BN_TRAIN, { x }, { epsilon }) as [tf.Tensor, tf.Tensor];
  // The gradient keeps its own copy of rstd; the forward pass only needs y.
  rstd.dispose();
  return y;
}

/** sum over i of w[i] * terms[i] as one kernel (w: [terms.length]; terms of equal shapes). */
export function fusedWeightedSum(terms: readonly tf.Tensor[], w: tf.Tensor1D): tf.Tensor {
  return run(WEIGHTED_SUM, [w, ...terms]) as tf.Tensor;
}
