/* 1x1 stride-1 convolutions over NHWC float32 tensors (C and K multiples of 4) as matrix products. */
#include "gemm.h"
#include "parts.h"
#include "simd.h"

/* y [P][K] = x [P][C] x w [C][K]: part `part` of `parts` of the rows, in fours. */
EXPORT(pointwise_conv)
void pointwise_conv(const float *x, const float *w, float *y, int P, int C, int K, int part,
                    int parts) {
  const int quads = (P + 3) / 4;
  const int from = share(quads, part, parts) * 4;
  int to = share(quads, part + 1, parts) * 4;
  if (to > P) to = P;
  if (to > from) products(x + (long)from * C, w, y + (long)from * K, 1, to - from, C, K);
}

/*
 * dw [C][K] = x [P][C]^T x dy [P][K], summed over blocks of `block` rows: part `part` of `parts`
 * of the blocks into that part's dw + part * C * K (add_parts adds them).
 */
EXPORT(pointwise_filter_grad)
void pointwise_filter_grad(const float *x, const float *dy, float *dw, int P, int C, int K,
                           int block, int part, int parts) {
  float *mine = dw + (long)part * C * K;
  for (int i = 0; i < C * K; i++) mine[i] = 0.0f;
  const int blocks = (P + block - 1) / block;
  const int end = share(blocks, part + 1, parts) * block;
  for (int p0 = share(blocks, part, parts) * block; p0 < end && p0 < P; p0 += block) {
    const int pb = P - p0 < block ? P - p0 : block;
    accumulate(x + (long)p0 * C, dy + (long)p0 * K, mine, 1, pb, C, K);
  }
}
