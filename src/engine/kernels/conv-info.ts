/** Reads the forward geometry of a 2D convolution from kernel attributes (NHWC; dilation 1, or any for depthwise). */
import * as tf from '@tensorflow/tfjs';
import type { ConvAxis } from './geometry';

type Shape4 = [number, number, number, number];
type Pad = 'same' | 'valid' | number | tf.backend_util.ExplicitPadding;

/** Forward geometry along height and width, plus the strides. */
export interface ConvGeometry {
  readonly h: ConvAxis;
  readonly w: ConvAxis;
}

/** The kernel attributes every convolution gradient carries. */
export interface ConvAttrs {
  readonly strides: number | [number, number];
  readonly pad: Pad;
  readonly dimRoundingMode?: 'floor' | 'round' | 'ceil';
  readonly dilations?: number | [number, number];
  readonly dataFormat?: 'NHWC' | 'NCHW';
}

/** The dilations of `a`, [height, width]. */
function dilationsOf(a: ConvAttrs): [number, number] {
  const d = a.dilations ?? 1;
  return typeof d === 'number' ? [d, d] : d;
}

/**
 * Throws unless the convolution is NHWC with dilation 1 (the only case tfjs differentiates), or
 * for a depthwise one any dilation (the engine's native dilated depthwise convolution).
 */
function checkSupported(kernel: string, a: ConvAttrs, depthwise: boolean): void {
  if (a.dataFormat !== undefined && a.dataFormat !== 'NHWC') {
    throw new Error(`${kernel} on wasm supports NHWC data only, got ${a.dataFormat}.`);
  }
  const [dh, dw] = dilationsOf(a);
  if (!depthwise && (dh !== 1 || dw !== 1))
    throw new Error(`${kernel} on wasm supports dilation 1 only, got ${dh}x${dw}.`);
}

/** Forward geometry of a convolution of an `inShape` input with a `filterShape` filter. */
export function convGeometry(
  kernel: string,
  inShape: readonly number[],
  filterShape: readonly number[],
  a: ConvAttrs,
  depthwise: boolean,
): ConvGeometry {
  checkSupported(kernel, a, depthwise);
  const info = tf.backend_util.computeConv2DInfo(
    [...inShape] as Shape4,
    [...filterShape] as Shape4,
    a.strides,
    dilationsOf(a),
    a.pad,
    a.dimRoundingMode,
    depthwise,
  );
  return {
    h: {
      size: info.inHeight,
      filter: info.filterHeight,
      dilation: info.dilationHeight,
      stride: info.strideHeight,
      padBefore: info.padInfo.top,
      out: info.outHeight,
    },
    w: {
      size: info.inWidth,
      filter: info.filterWidth,
      dilation: info.dilationWidth,
      stride: info.strideWidth,
      padBefore: info.padInfo.left,
      out: info.outWidth,
    },
  };
}
