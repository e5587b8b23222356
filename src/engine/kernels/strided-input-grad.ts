/**
 * The input gradient of a strided convolution (equal strides s > 1) on wasm without zero
 * dilation: input rows of one residue modulo s see only every s-th filter tap, so all s x s
 * residue classes are one stride-1 convolution of dy with sub-filters stacked along the output
 * channels, then interleaved (a depth-to-space rearrangement). For a 3x3 stride-2 filter that is 16 taps per
 * output pixel instead of the 36 of convolving the zero-dilated dy with the whole filter.
 */
import type * as tf from '@tensorflow/tfjs';
import type { ConvAxis } from './geometry';
import type { KernelScope } from './scope';

/**
 * Along one axis: `taps` sub-filter taps per residue, convolution pads (`before`, `after`) of dy,
 * and `len`, the convolution's output length (rows per residue, covering padBefore + size).
 */
interface ResidueAxis {
  readonly taps: number;
  readonly before: number;
  readonly after: number;
  readonly len: number;
}

function residueAxis(a: ConvAxis): ResidueAxis {
  const taps = Math.ceil(a.filter / a.stride);
  const rows = Math.ceil((a.size + a.padBefore) / a.stride);
  const after = Math.max(0, rows - a.out);
  return { taps, before: taps - 1, after, len: a.out + after };
}

/**
 * The stacked sub-filters [Th, Tw, co, s*s*ci]: for residues (rh, rw), output channel
 * (rh*s + rw)*ci + c at tap (u, v) holds w[rh + s(Th-1-u), rw + s(Tw-1-v), c, o] (zero past the filter).
 */
function residueFilter(
  w: Float32Array,
  shape: readonly number[],
  s: number,
  th: number,
  tw: number,
): Float32Array {
  const [kh, kw, ci, co] = shape as [number, number, number, number];
  const groups = s * s * ci;
  const out = new Float32Array(th * tw * co * groups);
  for (let rh = 0; rh < s; rh++)
    for (let rw = 0; rw < s; rw++)
      for (let u = 0; u < th; u++)
        for (let v = 0; v < tw; v++) {
          const i = rh + s * (th - 1 - u);
          const j = rw + s * (tw - 1 - v);
          if (i >= kh || j >= kw) continue;
          for (let c = 0; c < ci; c++)
            for (let o = 0; o < co; o++)
              out[((u * tw + v) * co + o) * groups + (rh * s + rw) * ci + c] = w[
                ((i * kw + j) * ci + c) * co + o
              ] as number;
        }
  return out;
}

/**
 * dL/dx of a convolution with equal strides `s` = h.stride = w.stride > 1, for an input of
 * `inputShape`, given dy and the filter's values.
 */
export function stridedInputGrad(
  sc: KernelScope,
  dy: tf.TensorInfo,
  filter: Float32Array,
  filterShape: readonly number[],
  inputShape: readonly number[],
  h: ConvAxis,
  w: ConvAxis,
): tf.TensorInfo {
  const s = h.stride;
  const ah = residueAxis(h);
  const aw = residueAxis(w);
  const ci = filterShape[2] ?? 1;
  const co = filterShape[3] ?? 1;
  const g = sc.constant(residueFilter(filter, filterShape, s, ah.taps, aw.taps), [
    ah.taps,
    aw.taps,
    co,
    s * s * ci,
  ]);
  const conv = sc.run(
    'Conv2D',
    { x: dy, filter: g },
    {
      strides: [1, 1],
      pad: [
        [0, 0],
        [ah.before, ah.after],
        [aw.before, aw.after],
        [0, 0],
      ],
      dilations: [1, 1],
      dataFormat: 'NHWC',
    },
  );
  // DepthToSpace, as a transpose: wasm's DepthToSpace took 15 ms where this takes ~1.5 ms.
  const n = inputShape[0] ?? 1;
  const rows = sc.run('Reshape', { x: conv }, { shape: [n * ah.len, aw.len, s, s * ci] });
  const interleaved = sc.run('Transpose', { x: rows }, { perm: [0, 2, 1, 3] });
  const spread = sc.run('Reshape', { x: interleaved }, { shape: [n, ah.len * s, aw.len * s, ci] });
  if (h.padBefore === 0 && w.padBefore === 0 && ah.len * s === h.size && aw.len * s === w.size)
    return spread;
  return sc.run(
    'Slice',
    { x: spread },
    { begin: [0, h.padBefore, w.padBefore, 0], size: [n, h.size, w.size, ci] },
  );
}
