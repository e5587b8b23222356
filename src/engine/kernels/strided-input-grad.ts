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
 * Along one axis, with the filter seen as `shift` zero taps longer at the front and the pad as
 * `shift` larger, so that the pad is a multiple of the stride (a whole number of residue rows,
 * dropped by the convolution's pad instead of a crop: wasm's Slice is slow): `taps` sub-filter
 * taps per residue, the convolution's pads of dy (`before`, `after`) and output length `len`,
 * and `crop`, the leading interleaved rows still to drop.
 */
interface ResidueAxis {
  readonly shift: number;
  readonly taps: number;
  readonly before: number;
  readonly after: number;
  readonly len: number;
  readonly crop: number;
}

function residueAxis(a: ConvAxis): ResidueAxis {
  const s = a.stride;
  const shift = (s - (a.padBefore % s)) % s;
  const skip = (a.padBefore + shift) / s;
  const taps = Math.ceil((a.filter + shift) / s);
  const rows = Math.ceil((a.size + a.padBefore + shift) / s);
  const dropped = Math.min(skip, taps - 1);
  const before = taps - 1 - dropped;
  const after = Math.max(0, rows - dropped - (a.out + before - taps + 1));
  const len = a.out + before + after - taps + 1;
  return { shift, taps, before, after, len, crop: (skip - dropped) * s };
}

/**
 * The stacked sub-filters [Th, Tw, co, s*s*ci]: for residues (rh, rw), output channel
 * (rh*s + rw)*ci + c at tap (u, v) holds w[rh + s(Th-1-u) - shift_h, rw + s(Tw-1-v) - shift_w, c, o]
 * (zero outside the filter).
 */
function residueFilter(
  w: Float32Array,
  shape: readonly number[],
  s: number,
  ah: ResidueAxis,
  aw: ResidueAxis,
): Float32Array {
  const [kh, kw, ci, co] = shape as [number, number, number, number];
  const [th, tw] = [ah.taps, aw.taps];
  const groups = s * s * ci;
  const out = new Float32Array(th * tw * co * groups);
  for (let rh = 0; rh < s; rh++)
    for (let rw = 0; rw < s; rw++)
      for (let u = 0; u < th; u++)
        for (let v = 0; v < tw; v++) {
          const i = rh + s * (th - 1 - u) - ah.shift;
          const j = rw + s * (tw - 1 - v) - aw.shift;
          if (i < 0 || j < 0 || i >= kh || j >= kw) continue;
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
  const g = sc.constant(residueFilter(filter, filterShape, s, ah, aw), [
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
  if (ah.crop === 0 && aw.crop === 0 && ah.len * s === h.size && aw.len * s === w.size)
    return spread;
  return sc.run(
    'Slice',
    { x: spread },
    { begin: [0, ah.crop, aw.crop, 0], size: [n, h.size, w.size, ci] },
  );
}
