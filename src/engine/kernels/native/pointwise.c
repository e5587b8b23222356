/* 1x1 stride-1 convolutions over NHWC float32 tensors (C and K multiples of 4) as matrix products. */
#include "gemm.h"
#include "simd.h"

/* y [P][K] = x [P][C] x w [C][K]. */
EXPORT(pointwise_conv)
void pointwise_conv(const float *x, const float *w, float *y, int P, int C, int K) {
  products(x, w, y, 1, P, C, K);
}

/* dw [C][K] = x [P][C]^T x dy [P][K], summed over blocks of `block` rows. */
EXPORT(pointwise_filter_grad)
void pointwise_filter_grad(const float *x, const float *dy, float *dw, int P, int C, int K,
                           int block) {
  for (int i = 0; i < C * K; i++) dw[i] = 0.0f;
  for (int p0 = 0; p0 < P; p0 += block) {
    const int pb = P - p0 < block ? P - p0 : block;
    accumulate(x + (long)p0 * C, dy + (long)p0 * K, dw, 1, pb, C, K);
  }
}
