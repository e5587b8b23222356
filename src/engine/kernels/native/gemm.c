/* The small matrix products of the Winograd transforms and the pointwise convolutions. */
#include "gemm.h"
#include "simd.h"

/* m [e][tb][K] = v [e][tb][C] x u [e][C][K] for each e < count, four rows by eight columns at a time. */
void products(const float *v, const float *u, float *m, int count, int tb, int C, int K) {
  for (int e = 0; e < count; e++) {
    const float *ve = v + e * tb * C;
    const float *ue = u + e * C * K;
    float *me = m + e * tb * K;
    int t = 0;
    for (; t + 4 <= tb; t += 4) {
      const float *a0 = ve + t * C, *a1 = a0 + C, *a2 = a1 + C, *a3 = a2 + C;
      int k = 0;
      for (; k + 8 <= K; k += 8) {
        v4 c00 = SPLAT(0.0f), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00, c30 = c00,
           c31 = c00;
        const float *b = ue + k;
        for (int c = 0; c < C; c++, b += K) {
          const v4 b0 = LOAD(b), b1 = LOAD(b + 4);
          v4 s = SPLAT(a0[c]);
          c00 = ADD(c00, MUL(s, b0)); c01 = ADD(c01, MUL(s, b1));
          s = SPLAT(a1[c]);
          c10 = ADD(c10, MUL(s, b0)); c11 = ADD(c11, MUL(s, b1));
          s = SPLAT(a2[c]);
          c20 = ADD(c20, MUL(s, b0)); c21 = ADD(c21, MUL(s, b1));
          s = SPLAT(a3[c]);
          c30 = ADD(c30, MUL(s, b0)); c31 = ADD(c31, MUL(s, b1));
        }
        float *o = me + t * K + k;
        STORE(o, c00); STORE(o + 4, c01); o += K;
        STORE(o, c10); STORE(o + 4, c11); o += K;
        STORE(o, c20); STORE(o + 4, c21); o += K;
        STORE(o, c30); STORE(o + 4, c31);
      }
      for (; k < K; k += 4) {
        v4 c0 = SPLAT(0.0f), c1 = c0, c2 = c0, c3 = c0;
        const float *b = ue + k;
        for (int c = 0; c < C; c++, b += K) {
          const v4 b0 = LOAD(b);
          c0 = ADD(c0, MUL(SPLAT(a0[c]), b0));
          c1 = ADD(c1, MUL(SPLAT(a1[c]), b0));
          c2 = ADD(c2, MUL(SPLAT(a2[c]), b0));
          c3 = ADD(c3, MUL(SPLAT(a3[c]), b0));
        }
        float *o = me + t * K + k;
        STORE(o, c0); STORE(o + K, c1); STORE(o + 2 * K, c2); STORE(o + 3 * K, c3);
      }
    }
    for (; t < tb; t++) {
      const float *a0 = ve + t * C;
      for (int k = 0; k < K; k += 4) {
        v4 c0 = SPLAT(0.0f);
        const float *b = ue + k;
        for (int c = 0; c < C; c++, b += K) c0 = ADD(c0, MUL(SPLAT(a0[c]), LOAD(b)));
        STORE(me + t * K + k, c0);
      }
    }
  }
}

/*
 * du [e][C][K] += v [e][tb][C]^T x w [e][tb][K] for each e < count, four by eight at a time;
 * each block's sum is formed apart and then added, which keeps the rounding of long sums small.
 */
void accumulate(const float *v, const float *w, float *du, int count, int tb, int C, int K) {
  for (int e = 0; e < count; e++) {
    const float *ve = v + e * tb * C;
    const float *we = w + e * tb * K;
    float *de = du + e * C * K;
    for (int c = 0; c < C; c += 4) {
      int k = 0;
      for (; k + 8 <= K; k += 8) {
        float *o = de + c * K + k;
        v4 c00 = SPLAT(0.0f), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00, c30 = c00,
           c31 = c00;
        const float *a = ve + c;
        const float *b = we + k;
        for (int t = 0; t < tb; t++, a += C, b += K) {
          const v4 b0 = LOAD(b), b1 = LOAD(b + 4);
          v4 s = SPLAT(a[0]);
          c00 = ADD(c00, MUL(s, b0)); c01 = ADD(c01, MUL(s, b1));
          s = SPLAT(a[1]);
          c10 = ADD(c10, MUL(s, b0)); c11 = ADD(c11, MUL(s, b1));
          s = SPLAT(a[2]);
          c20 = ADD(c20, MUL(s, b0)); c21 = ADD(c21, MUL(s, b1));
          s = SPLAT(a[3]);
          c30 = ADD(c30, MUL(s, b0)); c31 = ADD(c31, MUL(s, b1));
        }
        STORE(o, ADD(LOAD(o), c00)); STORE(o + 4, ADD(LOAD(o + 4), c01));
        o += K;
        STORE(o, ADD(LOAD(o), c10)); STORE(o + 4, ADD(LOAD(o + 4), c11));
        o += K;
        STORE(o, ADD(LOAD(o), c20)); STORE(o + 4, ADD(LOAD(o + 4), c21));
        o += K;
        STORE(o, ADD(LOAD(o), c30)); STORE(o + 4, ADD(LOAD(o + 4), c31));
      }
      for (; k < K; k += 4) {
        float *o = de + c * K + k;
        v4 c0 = SPLAT(0.0f), c1 = c0, c2 = c0, c3 = c0;
        const float *a = ve + c;
        const float *b = we + k;
        for (int t = 0; t < tb; t++, a += C, b += K) {
          const v4 b0 = LOAD(b);
          c0 = ADD(c0, MUL(SPLAT(a[0]), b0));
          c1 = ADD(c1, MUL(SPLAT(a[1]), b0));
          c2 = ADD(c2, MUL(SPLAT(a[2]), b0));
          c3 = ADD(c3, MUL(SPLAT(a[3]), b0));
        }
        STORE(o, ADD(LOAD(o), c0)); STORE(o + K, ADD(LOAD(o + K), c1));
        STORE(o + 2 * K, ADD(LOAD(o + 2 * K), c2)); STORE(o + 3 * K, ADD(LOAD(o + 3 * K), c3));
      }
    }
  }
}

