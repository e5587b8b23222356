/* Small matrix products over 4-float SIMD lanes; C and K are multiples of 4. */
#ifndef NATIVE_GEMM_H
#define NATIVE_GEMM_H

/* m [e][tb][K] = v [e][tb][C] x u [e][C][K] for each e < count. */
void products(const float *v, const float *u, float *m, int count, int tb, int C, int K);

/*
 * du [e][C][K] += v [e][tb][C]^T x w [e][tb][K] for each e < count, the block's sums formed apart
 * and then added.
 */
void accumulate(const float *v, const float *w, float *du, int count, int tb, int C, int K);

#endif
