/**
 * MaxPoolGrad for wasm. The kernel wasm ships returns wrong gradients whenever the pooling window
 * is padded asymmetrically or overlaps (3x3 'same', stride 1 or 2 on even sizes: measured errors
 * of order 1 against cpu), and its MaxPoolWithArgmax shares the fault. This one recomputes each
 * window's first maximum (row-major, as cpu and TensorFlow) on the host and routes dy to it.
 */
import * as tf from '@tensorflow/tfjs';

/** Attributes of MaxPoolGrad. */
interface MaxPoolGradAttrs {
  readonly filterSize: number | [number, number];
  readonly strides: number | [number, number];
  readonly pad: 'same' | 'valid' | number | tf.backend_util.ExplicitPadding;
  readonly dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

/** dL/dx of a 2D max pool: each window's dy goes to the window's first largest input. */
export const maxPoolGrad: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const { dy, input } = inputs as { dy: tf.TensorInfo; input: tf.TensorInfo };
  const a = attrs as unknown as MaxPoolGradAttrs;
  const b = backend as tf.KernelBackend;
  const shape = input.shape as [number, number, number, number];
  const info = tf.backend_util.computePool2DInfo(
    shape,
    a.filterSize,
    a.strides,
    1,
    a.pad,
    a.dimRoundingMode,
  );
  const x = b.readSync(input.dataId) as Float32Array;
  const g = b.readSync(dy.dataId) as Float32Array;
  const [n, h, w, c] = shape;
  const { outHeight: oh, outWidth: ow, strideHeight: sh, strideWidth: sw } = info;
  const { effectiveFilterHeight: kh, effectiveFilterWidth: kw } = info;
  const { top, left } = info.padInfo;
  const dx = new Float32Array(x.length);
  const best = new Float32Array(c);
  const at = new Int32Array(c);
  for (let bi = 0; bi < n; bi++) {
    for (let r = 0; r < oh; r++) {
      const r0 = Math.max(0, r * sh - top);
      const r1 = Math.min(h, r * sh - top + kh);
      for (let q = 0; q < ow; q++) {
        const q0 = Math.max(0, q * sw - left);
        const q1 = Math.min(w, q * sw - left + kw);
        if (r0 >= r1 || q0 >= q1) continue;
        // Channels innermost: each window cell is one contiguous run of c values.
        const first = ((bi * h + r0) * w + q0) * c;
        for (let ch = 0; ch < c; ch++) {
          best[ch] = x[first + ch] as number;
          at[ch] = first + ch;
        }
        for (let i = r0; i < r1; i++) {
          for (let j = q0; j < q1; j++) {
            const base = ((bi * h + i) * w + j) * c;
            for (let ch = 0; ch < c; ch++) {
              const v = x[base + ch] as number;
              if (v > (best[ch] as number)) {
                best[ch] = v;
                at[ch] = base + ch;
              }
            }
          }
        }
        const gBase = ((bi * oh + r) * ow + q) * c;
        for (let ch = 0; ch < c; ch++) {
          const k = at[ch] as number;
          dx[k] = (dx[k] as number) + (g[gBase + ch] as number);
        }
      }
    }
  }
  return { dataId: b.write(dx, [...shape], 'float32'), shape: [...shape], dtype: 'float32' };
};
