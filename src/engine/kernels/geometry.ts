/**
 * Padding arithmetic for convolution gradients written as forward convolutions. All values are
 * per spatial axis; a negative pad is turned into a crop of the tensor being convolved.
 */

/** Explicit padding (and crop) along one axis: pad `before`/`after`, after dropping `cropBefore`/`cropAfter`. */
export interface AxisPad {
  readonly before: number;
  readonly after: number;
  readonly cropBefore: number;
  readonly cropAfter: number;
}

function axisPad(before: number, after: number): AxisPad {
  return {
    before: Math.max(before, 0),
    after: Math.max(after, 0),
    cropBefore: Math.max(-before, 0),
    cropAfter: Math.max(-after, 0),
  };
}

/** One axis of a forward convolution: input length, filter length, stride, pad before it, output length. */
export interface ConvAxis {
  readonly size: number;
  readonly filter: number;
  readonly stride: number;
  readonly padBefore: number;
  readonly out: number;
}

/**
 * Filter gradient as a convolution of the input (batch and channels swapped) with the output
 * gradient used as a filter dilated by the stride: the result must have exactly `filter` taps.
 */
export function filterGradPad(a: ConvAxis): AxisPad {
  return axisPad(a.padBefore, a.filter + (a.out - 1) * a.stride - a.size - a.padBefore);
}

/**
 * Input gradient as a stride-1 convolution of the output gradient (zero-dilated by the stride to
 * length `out * stride`) with the spatially flipped filter: the result must have `size` rows.
 */
export function inputGradPad(a: ConvAxis): AxisPad {
  return axisPad(a.filter - 1 - a.padBefore, a.size + a.padBefore - a.out * a.stride);
}
