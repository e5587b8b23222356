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

/** One axis of a forward convolution: input length, filter taps, their dilation, stride, pad before it, output length. */
export interface ConvAxis {
  readonly size: number;
  readonly filter: number;
  readonly dilation: number;
  readonly stride: number;
  readonly padBefore: number;
  readonly out: number;
}

/** The length the filter spans: (filter - 1) * dilation + 1. */
function extent(a: ConvAxis): number {
  return (a.filter - 1) * a.dilation + 1;
}

/**
 * Filter gradient as a convolution of the input (batch and channels swapped) with the output
 * gradient used as a filter dilated by the stride: the result spans exactly the filter's extent
 * (`filter` taps taken with a stride of `dilation`).
 */
export function filterGradPad(a: ConvAxis): AxisPad {
  return axisPad(a.padBefore, extent(a) + (a.out - 1) * a.stride - a.size - a.padBefore);
}

/**
 * Input gradient as a stride-1 convolution of the output gradient (zero-dilated by the stride to
 * length `out * stride`) with the spatially flipped (equally dilated) filter: the result must have
 * `size` rows.
 */
export function inputGradPad(a: ConvAxis): AxisPad {
  return axisPad(extent(a) - 1 - a.padBefore, a.size + a.padBefore - a.out * a.stride);
}
