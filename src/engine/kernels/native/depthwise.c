/*
 * Gradients of a depthwise convolution (channel multiplier 1, any filter size, stride, dilation
 * and padding) over NHWC float32 tensors whose channel count is a multiple of 4, as direct loops
 * with SIMD over channels. Geometry arguments: N, H, W, C of the input; kh, kw of the filter;
 * strides sh, sw; dilations dh, dw; pads before pt, pl; output height and width Ho, Wo. Parted by
 * channels in fours (parts.h): the result does not depend on the number of parts.
 */
#include "parts.h"
#include "simd.h"

#define GEOMETRY                                                                                  \
  int N, int H, int W, int C, int kh, int kw, int sh, int sw, int dh, int dw, int pt, int pl,     \
      int Ho, int Wo, int part, int parts

/*
 * df [kh][kw][C] = sum over n, oy, ox of x at (oy*sh + i*dh - pt, ox*sw + j*dw - pl) times
 * dy [n][oy][ox]; each output row's sum is formed apart in `acc` (kh * kw * C floats), then added.
 */
EXPORT(depthwise_filter_grad)
void depthwise_filter_grad(const float *x, const float *dy, float *df, float *acc, GEOMETRY) {
  const int c0 = share(C / 4, part, parts) * 4, c1 = share(C / 4, part + 1, parts) * 4;
  if (c0 >= c1) return;
  for (int t = 0; t < kh * kw; t++)
    for (int c = c0; c < c1; c++) df[t * C + c] = 0.0f;
  for (int n = 0; n < N; n++)
    for (int oy = 0; oy < Ho; oy++) {
      for (int t = 0; t < kh * kw; t++)
        for (int c = c0; c < c1; c++) acc[t * C + c] = 0.0f;
      for (int ox = 0; ox < Wo; ox++) {
        const float *g = dy + (((long)n * Ho + oy) * Wo + ox) * C;
        for (int i = 0; i < kh; i++) {
          const int iy = oy * sh + i * dh - pt;
          if (iy < 0 || iy >= H) continue;
          for (int j = 0; j < kw; j++) {
            const int ix = ox * sw + j * dw - pl;
            if (ix < 0 || ix >= W) continue;
            const float *in = x + (((long)n * H + iy) * W + ix) * C;
            float *a = acc + (i * kw + j) * C;
            for (int c = c0; c < c1; c += 4)
              STORE(a + c, ADD(LOAD(a + c), MUL(LOAD(in + c), LOAD(g + c))));
          }
        }
      }
      for (int t = 0; t < kh * kw * C; t += C)
        for (int c = c0; c < c1; c += 4) STORE(df + t + c, ADD(LOAD(df + t + c), LOAD(acc + t + c)));
    }
}

/*
 * dx [N][H][W][C]: at each input position, the sum over the filter taps that read it of
 * dy at the output position that read it times the tap's weight f [kh][kw][C].
 */
EXPORT(depthwise_input_grad)
void depthwise_input_grad(const float *dy, const float *f, float *dx, GEOMETRY) {
  const int c0 = share(C / 4, part, parts) * 4, c1 = share(C / 4, part + 1, parts) * 4;
  for (int n = 0; n < N; n++)
    for (int y = 0; y < H; y++)
      for (int xx = 0; xx < W; xx++) {
        float *out = dx + (((long)n * H + y) * W + xx) * C;
        for (int c = c0; c < c1; c += 4) STORE(out + c, SPLAT(0.0f));
        for (int i = 0; i < kh; i++) {
          const int ty = y + pt - i * dh;
          if (ty < 0 || ty % sh != 0 || ty / sh >= Ho) continue;
          for (int j = 0; j < kw; j++) {
            const int tx = xx + pl - j * dw;
            if (tx < 0 || tx % sw != 0 || tx / sw >= Wo) continue;
            const float *g = dy + (((long)n * Ho + ty / sh) * Wo + tx / sw) * C;
            const float *w = f + (i * kw + j) * C;
            for (int c = c0; c < c1; c += 4)
              STORE(out + c, ADD(LOAD(out + c), MUL(LOAD(g + c), LOAD(w + c))));
          }
        }
      }
}
