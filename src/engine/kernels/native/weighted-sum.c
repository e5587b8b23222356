/* The mixed op's weighted sum of its candidates and the gradient of its weights (weighted-sum.ts). */
#include "parts.h"
#include "simd.h"

/* out = sum over i < k of w[i] * terms[i], each of n floats: part `part` of `parts` of them, in fours. */
EXPORT(weighted_sum)
void weighted_sum(const float *const *terms, const float *w, int k, float *out, int n, int part,
                  int parts) {
  const int quads = (n + 3) / 4;
  int j = share(quads, part, parts) * 4;
  int end = share(quads, part + 1, parts) * 4;
  if (end > n) end = n;
  for (; j + 4 <= end; j += 4) {
    v4 s = MUL(SPLAT(w[0]), LOAD(terms[0] + j));
    for (int i = 1; i < k; i++) s = ADD(s, MUL(SPLAT(w[i]), LOAD(terms[i] + j)));
    STORE(out + j, s);
  }
  for (; j < end; j++) {
    float s = w[0] * terms[0][j];
    for (int i = 1; i < k; i++) s += w[i] * terms[i][j];
    out[j] = s;
  }
}

/* grad[i] = sum over j of dy[j] * terms[i][j], summed in float64: part `part` of `parts` of the i. */
EXPORT(weighted_sum_grad_w)
void weighted_sum_grad_w(const float *dy, const float *const *terms, int k, float *grad, int n,
                         int part, int parts) {
  for (int i = share(k, part, parts); i < share(k, part + 1, parts); i++) {
    const float *t = terms[i];
    v128_t acc0 = wasm_f64x2_splat(0.0), acc1 = acc0;
    int j = 0;
    for (; j + 4 <= n; j += 4) {
      const v4 g = LOAD(dy + j), v = LOAD(t + j);
      acc0 = wasm_f64x2_add(acc0, wasm_f64x2_mul(wasm_f64x2_promote_low_f32x4(g),
                                                 wasm_f64x2_promote_low_f32x4(v)));
      acc1 = wasm_f64x2_add(
          acc1, wasm_f64x2_mul(wasm_f64x2_promote_low_f32x4(wasm_i32x4_shuffle(g, g, 2, 3, 0, 1)),
                               wasm_f64x2_promote_low_f32x4(wasm_i32x4_shuffle(v, v, 2, 3, 0, 1))));
    }
    double s = wasm_f64x2_extract_lane(acc0, 0) + wasm_f64x2_extract_lane(acc0, 1) +
               wasm_f64x2_extract_lane(acc1, 0) + wasm_f64x2_extract_lane(acc1, 1);
    for (; j < n; j++) s += (double)dy[j] * t[j];
    grad[i] = (float)s;
  }
}
