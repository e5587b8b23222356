/**
 * BatchNorm's training kernels for webgpu, in WGSL (see batch-norm-train.ts for what each
 * computes). Per-channel sums over the rows of the [m, c] view run one workgroup per channel (the
 * layout of tfjs's own reductions, without the transpose tf.mean needs for axis 0); the
 * element-wise steps run one thread per element. Forward: three programs (means, rstd from the
 * centred values, normalise); backward: two (the means of dy and dy * y, then dx).
 */
import type * as tf from '@tensorflow/tfjs';
import {
  REDUCE_WORKGROUP,
  elementwiseProgram,
  reducingProgram,
  runProgram,
  webgpuOf,
  type ProgramUniforms,
} from './webgpu-program';

/** Channels (last axis) and rows (everything else) of `t`. */
function layout(t: tf.TensorInfo): { channels: number; rows: number } {
  const channels = t.shape[t.shape.length - 1] ?? 1;
  const size = t.shape.reduce((a, b) => a * b, 1);
  return { channels, rows: size / channels };
}

const SHAPE_UNIFORMS = 'channels : i32, rows : i32,';

function shapeUniforms(channels: number, rows: number): ProgramUniforms {
  return [
    { type: 'int32', data: [channels] },
    { type: 'int32', data: [rows] },
  ];
}

/** Strided loop over the rows of channel `groupIndex`, one row in REDUCE_WORKGROUP per thread. */
const ROWS_OF_CHANNEL = `for (var r = lane; r < uniforms.rows; r = r + ${REDUCE_WORKGROUP}) {
          let i = r * uniforms.channels + groupIndex;`;

/** Forward: inputs {x}, attrs {epsilon}; outputs [y (shape of x), rstd ([c])]. */
export const batchNormTrainWebgpu: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const { x } = inputs as { x: tf.TensorInfo };
  const epsilon = (attrs as { epsilon: number }).epsilon;
  const b = webgpuOf(backend);
  const { channels, rows } = layout(x);
  const dims = shapeUniforms(channels, rows);
  const mean = runProgram(
    b,
    reducingProgram(
      'nasChannelMean',
      ['x'],
      [channels],
      channels,
      SHAPE_UNIFORMS,
      `var s = 0.0;
        ${ROWS_OF_CHANNEL}
          s = s + x[i];
        }
        let total = workgroupSum(s);
        if (lane == 0) {
          result[groupIndex] = total / f32(uniforms.rows);
        }`,
    ),
    [x],
    dims,
  );
  // The variance of the centred values (two passes, as the cpu kernel), biased.
  const rstd = runProgram(
    b,
    reducingProgram(
      'nasChannelRstd',
      ['x', 'mean'],
      [channels],
      channels,
      `${SHAPE_UNIFORMS} epsilon : f32,`,
      `let m = mean[groupIndex];
        var q = 0.0;
        ${ROWS_OF_CHANNEL}
          let d = x[i] - m;
          q = q + d * d;
        }
        let total = workgroupSum(q);
        if (lane == 0) {
          result[groupIndex] = inverseSqrt(total / f32(uniforms.rows) + uniforms.epsilon);
        }`,
    ),
    [x, mean],
    [...dims, { type: 'float32', data: [epsilon] }],
  );
  const y = runProgram(
    b,
    elementwiseProgram(
      'nasNormalise',
      ['x', 'mean', 'rstd'],
      x.shape,
      SHAPE_UNIFORMS,
      `let ch = index % uniforms.channels;
          result[index] = (x[index] - mean[ch]) * rstd[ch];`,
    ),
    [x, mean, rstd],
    dims,
  );
  b.disposeData(mean.dataId);
  return [y, rstd];
};

/** Backward: inputs {dy, y, rstd}; dx = rstd * (dy - mean(dy) - y * mean(dy * y)). */
export const batchNormTrainGradWebgpu: tf.KernelFunc = ({ inputs, backend }) => {
  const t = inputs as { dy: tf.TensorInfo; y: tf.TensorInfo; rstd: tf.TensorInfo };
  const b = webgpuOf(backend);
  const { channels, rows } = layout(t.y);
  const dims = shapeUniforms(channels, rows);
  // Row 0: mean(dy) per channel; row 1: mean(dy * y).
  const means = runProgram(
    b,
    reducingProgram(
      'nasBatchNormGradMeans',
      ['dy', 'y'],
      [2, channels],
      channels,
      SHAPE_UNIFORMS,
      `var sg = 0.0;
        var sgy = 0.0;
        ${ROWS_OF_CHANNEL}
          let g = dy[i];
          sg = sg + g;
          sgy = sgy + g * y[i];
        }
        let totalG = workgroupSum(sg);
        let totalGy = workgroupSum(sgy);
        if (lane == 0) {
          result[groupIndex] = totalG / f32(uniforms.rows);
          result[uniforms.channels + groupIndex] = totalGy / f32(uniforms.rows);
        }`,
    ),
    [t.dy, t.y],
    dims,
  );
  const dx = runProgram(
    b,
    elementwiseProgram(
      'nasBatchNormGrad',
      ['dy', 'y', 'rstd', 'means'],
      t.y.shape,
      SHAPE_UNIFORMS,
      `let ch = index % uniforms.channels;
          let inner = (dy[index] - means[ch]) - y[index] * means[uniforms.channels + ch];
          result[index] = inner * rstd[ch];`,
    ),
    [t.dy, t.y, t.rstd, means],
    dims,
  );
  b.disposeData(means.dataId);
  return dx;
};
