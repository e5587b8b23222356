/**
 * Second derivatives for GraSP's Hessian-gradient product: tfjs 4.22 has no gradient for the
 * kernels that compute convolution filter gradients (and for the depthwise input gradient), so a
 * gradient of a gradient through a convolution fails. Each of them is bilinear in its two inputs,
 * so its gradient is the pair of convolutions below (and a comparison's is zero). Registered once,
 * only where tfjs has none.
 */
import * as tf from '@tensorflow/tfjs';

type Pad = 'valid' | 'same' | number;

interface ConvAttrs {
  readonly strides: [number, number] | number;
  readonly pad: Pad;
  readonly dilations?: [number, number] | number;
  readonly dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

let registered = false;

/** Registers `config` unless tfjs already knows a gradient for its kernel. */
function registerIfMissing(config: tf.GradConfig): void {
  if (tf.getGradient(config.kernelName) === undefined) tf.registerGradient(config);
}

/**
 * Gradients of exp, tanh and sigmoid recomputed from the input. tfjs's own read the op's saved
 * output, whose clone its tape records before the op itself, so a second derivative through them
 * loses the path (an error, or a wrong H g). Same values, one elementwise op more per backward.
 */
function registerFromInput(): void {
  tf.registerGradient({
    kernelName: 'Exp',
    inputsToSave: ['x'],
    gradFunc: (dy, saved) => ({ x: () => tf.mul(dy as tf.Tensor, tf.exp(saved[0] as tf.Tensor)) }),
  });
  tf.registerGradient({
    kernelName: 'Tanh',
    inputsToSave: ['x'],
    gradFunc: (dy, saved) => ({
      x: () => tf.mul(dy as tf.Tensor, tf.sub(1, tf.square(tf.tanh(saved[0] as tf.Tensor)))),
    }),
  });
  tf.registerGradient({
    kernelName: 'Sigmoid',
    inputsToSave: ['x'],
    gradFunc: (dy, saved) => {
      const s = (): tf.Tensor => tf.sigmoid(saved[0] as tf.Tensor);
      return { x: () => tf.mul(dy as tf.Tensor, tf.mul(s(), tf.sub(1, s()))) };
    },
  });
}

/** Makes gradients of convolution gradients computable (idempotent). */
export function enableSecondOrder(): void {
  if (registered) return;
  registered = true;
  registerFromInput();
  // A comparison is piecewise constant: zero gradient (max and maximum mask their gradients with them).
  for (const kernelName of ['Equal', 'NotEqual', 'Less', 'LessEqual', 'Greater', 'GreaterEqual'])
    registerIfMissing({
      kernelName,
      inputsToSave: ['a', 'b'],
      gradFunc: (_dy, saved) => {
        const [a, b] = saved as [tf.Tensor, tf.Tensor];
        return { a: () => tf.zerosLike(a), b: () => tf.zerosLike(b) };
      },
    });
  registerIfMissing({
    kernelName: 'Conv2DBackpropFilter',
    inputsToSave: ['x', 'dy'],
    gradFunc: (ddw, saved, attrs) => {
      const [x, dy] = saved as [tf.Tensor4D, tf.Tensor4D];
      const a = attrs as unknown as ConvAttrs;
      const w = ddw as tf.Tensor4D;
      return {
        x: () =>
          tf.engine().runKernel('Conv2DBackpropInput', { dy, filter: w }, {
            ...a,
            dataFormat: 'NHWC',
            inputShape: x.shape,
          } as unknown as tf.NamedAttrMap) as tf.Tensor,
        dy: () => tf.conv2d(x, w, a.strides, a.pad as 'same', 'NHWC', 1, a.dimRoundingMode),
      };
    },
  });
  registerIfMissing({
    kernelName: 'DepthwiseConv2dNativeBackpropFilter',
    inputsToSave: ['x', 'dy'],
    gradFunc: (ddw, saved, attrs) => {
      const [x, dy] = saved as [tf.Tensor4D, tf.Tensor4D];
      const a = attrs as unknown as ConvAttrs;
      const w = ddw as tf.Tensor4D;
      return {
        x: () =>
          tf.engine().runKernel('DepthwiseConv2dNativeBackpropInput', { dy, filter: w }, {
            ...a,
            inputShape: x.shape,
          } as unknown as tf.NamedAttrMap) as tf.Tensor,
        dy: () =>
          tf.depthwiseConv2d(
            x,
            w,
            a.strides,
            a.pad as 'same',
            'NHWC',
            a.dilations ?? 1,
            a.dimRoundingMode,
          ),
      };
    },
  });
  registerIfMissing({
    kernelName: 'DepthwiseConv2dNativeBackpropInput',
    inputsToSave: ['dy', 'filter'],
    gradFunc: (ddx, saved, attrs) => {
      const [dy, filter] = saved as [tf.Tensor4D, tf.Tensor4D];
      const a = attrs as unknown as ConvAttrs;
      const d = ddx as tf.Tensor4D;
      return {
        dy: () =>
          tf.depthwiseConv2d(
            d,
            filter,
            a.strides,
            a.pad as 'same',
            'NHWC',
            a.dilations ?? 1,
            a.dimRoundingMode,
          ),
        filter: () =>
          tf.engine().runKernel('DepthwiseConv2dNativeBackpropFilter', { x: d, dy }, {
            ...a,
            filterShape: filter.shape,
          } as unknown as tf.NamedAttrMap) as tf.Tensor,
      };
    },
  });
}
