/**
 * The mixed op's weighted sum of its candidates as kernels, for cpu: the forward sum over
 * terms of w[i] * t_i in one kernel instead of a product per term and an addN, and its gradients
 * (dy * w[i] per term, and sum(dy * t_i) per weight for all weights at once).
 */
import type * as tf from '@tensorflow/tfjs';
import { hostKernel } from './host';

/** Kernel name of the forward sum: inputs [w ([k]), t_0 … t_(k-1) (equal shapes)]; output: the sum. */
export const WEIGHTED_SUM = 'NasWeightedSum';
/** Kernel name of the weights' gradient: inputs [dy, t_0 … t_(k-1)]; output [k]: sum(dy * t_i). */
export const WEIGHTED_SUM_GRAD_W = 'NasWeightedSumGradW';
/** Kernel name of one term's gradient: inputs {dy, w}, attrs {index}; output dy * w[index]. */
export const SCALE_BY_WEIGHT = 'NasScaleByWeight';

/** Inputs given as a list (as tfjs's AddN, so that every input can be saved for the gradient). */
function listed(inputs: tf.NamedTensorInfoMap): tf.TensorInfo[] {
  return inputs as unknown as tf.TensorInfo[];
}

/** sum over i of w[i] * t_i. */
export const weightedSum: tf.KernelFunc = ({ inputs, backend }) => {
  const all = listed(inputs);
  const [wInfo, first] = all;
  if (wInfo === undefined || first === undefined) throw new Error('A weighted sum needs terms.');
  if (all.length - 1 !== (wInfo.shape[0] ?? 0)) {
    throw new Error(
      `A weighted sum needs one term per weight (${wInfo.shape[0] ?? 0} weights, ${all.length - 1} terms).`,
    );
  }
  const [out] = hostKernel(backend as tf.KernelBackend, all, [first.shape], ([w, ...ts], [o]) => {
    const os = o as Float32Array;
    ts.forEach((t, i) => {
      const wi = (w as Float32Array)[i] as number;
      if (i === 0) for (let j = 0; j < os.length; j++) os[j] = wi * (t[j] as number);
      else for (let j = 0; j < os.length; j++) os[j] = (os[j] as number) + wi * (t[j] as number);
    });
  });
  return out as tf.TensorInfo;
};

/** [sum(dy * t_0), …, sum(dy * t_(k-1))], summed in float64. */
export const weightedSumGradW: tf.KernelFunc = ({ inputs, backend }) => {
  const all = listed(inputs);
  const k = all.length - 1;
  const [out] = hostKernel(backend as tf.KernelBackend, all, [[k]], ([dy, ...ts], [o]) => {
    const g = dy as Float32Array;
    ts.forEach((t, i) => {
      let s = 0;
      for (let j = 0; j < g.length; j++) s += (g[j] as number) * (t[j] as number);
      (o as Float32Array)[i] = s;
    });
  });
  return out as tf.TensorInfo;
};

/** dy * w[index]. */
export const scaleByWeight: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const { dy, w } = inputs as { dy: tf.TensorInfo; w: tf.TensorInfo };
  const index = (attrs as { index: number }).index;
  const [out] = hostKernel(backend as tf.KernelBackend, [dy, w], [dy.shape], ([g, ws], [o]) => {
    const wi = (ws as Float32Array)[index] as number;
    const gs = g as Float32Array;
    const os = o as Float32Array;
    for (let j = 0; j < gs.length; j++) os[j] = wi * (gs[j] as number);
  });
  return out as tf.TensorInfo;
};
