/** Spatial helpers for NHWC tensors inside kernels: crops, zero dilation, explicit padding attrs. */
import type * as tf from '@tensorflow/tfjs';
import type { AxisPad } from './geometry';
import type { KernelScope } from './scope';

/** Drops the rows and columns a negative pad asks for; returns `t` itself when nothing is cropped. */
export function cropSpatial(
  s: KernelScope,
  t: tf.TensorInfo,
  h: AxisPad,
  w: AxisPad,
): tf.TensorInfo {
  if (h.cropBefore + h.cropAfter + w.cropBefore + w.cropAfter === 0) return t;
  const [n, height, width, c] = t.shape as [number, number, number, number];
  return s.run(
    'Slice',
    { x: t },
    {
      begin: [0, h.cropBefore, w.cropBefore, 0],
      size: [n, height - h.cropBefore - h.cropAfter, width - w.cropBefore - w.cropAfter, c],
    },
  );
}

/** Inserts `sh - 1` zero rows after each row and `sw - 1` zero columns after each column. */
export function zeroDilate(
  s: KernelScope,
  t: tf.TensorInfo,
  sh: number,
  sw: number,
): tf.TensorInfo {
  if (sh === 1 && sw === 1) return t;
  const [n, h, w, c] = t.shape as [number, number, number, number];
  const rows = s.run('Reshape', { x: t }, { shape: [n * h, 1, w, c] });
  const paddedRows = s.run(
    'PadV2',
    { x: rows },
    {
      paddings: [
        [0, 0],
        [0, sh - 1],
        [0, 0],
        [0, 0],
      ],
      constantValue: 0,
    },
  );
  const cols = s.run('Reshape', { x: paddedRows }, { shape: [n * h * sh, w, 1, c] });
  const paddedCols = s.run(
    'PadV2',
    { x: cols },
    {
      paddings: [
        [0, 0],
        [0, 0],
        [0, sw - 1],
        [0, 0],
      ],
      constantValue: 0,
    },
  );
  return s.run('Reshape', { x: paddedCols }, { shape: [n, h * sh, w * sw, c] });
}

/** The explicit `pad` attribute of a forward convolution for the given per-axis pads. */
export function explicitPad(
  h: AxisPad,
  w: AxisPad,
): [[number, number], [number, number], [number, number], [number, number]] {
  return [
    [0, 0],
    [h.before, h.after],
    [w.before, w.after],
    [0, 0],
  ];
}
