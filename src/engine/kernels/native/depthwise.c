/*
 * Gradients of a depthwise convolution (channel multiplier 1, any filter size, stride, dilation
 * and padding) over NHWC float32 tensors whose channel count is a multiple of 4, as direct loops
 * with SIMD over channels. Geometry arguments: N, H, W, C of the input; kh, kw of the filter;
 * strides sh, sw; dilations dh, dw; pads before pt, pl; output height and width Ho, Wo. Parted by
 * rows of the output (filter gradient: each part sums into its own df, add_parts adds them) or of
 * the input (input gradient), never by channels: parts writing halves of one row would share its
 * cache lines.
 */
#include "parts.h"
#include "simd.h"

#define GEOMETRY                                                                                  \
  int N, int H, int W, int C, int kh, int kw, int sh, int sw, int dh, int dw, int pt, int pl,     \
      int Ho, int Wo, int part, int parts

/*
 * df [kh][kw][C] = sum over n, oy, ox of x at (oy*sh + i*dh - pt, ox*sw + j*dw - pl) times
 * dy [n][oy][ox], over part `part` of `parts` of the N * Ho output rows, into that part's
 * df + part * kh * kw * C; each output row's sum is formed apart in the part's
 * acc + part * kh * kw * C, then added.
 */
EXPORT(depthwise_filter_grad)
void depthwise_filter_grad(const float *x, const float *dy, float *df, float *acc, GEOMETRY) {
  const int taps = kh * kw * C;
  float *mine = df + (long)part * taps, *a0 = acc + (long)part * taps;
  for (int t = 0; t < taps; t++) mine[t] = 0.0f;
  const int rows = N * Ho, end = share(rows, part + 1, parts);
  for (int row = share(rows, part, parts); row < end; row++) {
    const int n = row / Ho, oy = row % Ho;
    for (int t = 0; t < taps; t++) a0[t] = 0.0f;
    for (int ox = 0; ox < Wo; ox++) {
      const float *g = dy + (((long)n * Ho + oy) * Wo + ox) * C;
      for (int i = 0; i < kh; i++) {
        const int iy = oy * sh + i * dh - pt;
        if (iy < 0 || iy >= H) continue;
        for (int j = 0; j < kw; j++) {
          const int ix = ox * sw + j * dw - pl;
          if (ix < 0 || ix >= W) continue;
          const float *in = x + (((long)n * H + iy) * W + ix) * C;
          float *a = a0 + (i * kw + j) * C;
          for (int c = 0; c < C; c += 4)
            STORE(a + c, ADD(LOAD(a + c), MUL(LOAD(in + c), LOAD(g + c))));
        }
      }
    }
    for (int t = 0; t < taps; t += 4) STORE(mine + t, ADD(LOAD(mine + t), LOAD(a0 + t)));
  }
}

/*
 * dx [N][H][W][C]: at each input position, the sum over the filter taps that read it of
 * dy at the output position that read it times the tap's weight f [kh][kw][C]: part `part` of
 * `parts` of the N * H input rows.
 */
EXPORT(depthwise_input_grad)
void depthwise_input_grad(const float *dy, const float *f, float *dx, GEOMETRY) {
  const int rows = N * H, end = share(rows, part + 1, parts);
  for (int row = share(rows, part, parts); row < end; row++) {
    const int n = row / H, y = row % H;
    for (int xx = 0; xx < W; xx++) {
      float *out = dx + (((long)n * H + y) * W + xx) * C;
      for (int c = 0; c < C; c += 4) STORE(out + c, SPLAT(0.0f));
      for (int i = 0; i < kh; i++) {
        const int ty = y + pt - i * dh;
        if (ty < 0 || ty % sh != 0 || ty / sh >= Ho) continue;
        for (int j = 0; j < kw; j++) {
          const int tx = xx + pl - j * dw;
          if (tx < 0 || tx % sw != 0 || tx / sw >= Wo) continue;
          const float *g = dy + (((long)n * Ho + ty / sh) * Wo + tx / sw) * C;
          const float *w = f + (i * kw + j) * C;
          for (int c = 0; c < C; c += 4)
            STORE(out + c, ADD(LOAD(out + c), MUL(LOAD(g + c), LOAD(w + c))));
        }
      }
    }
  }
}
