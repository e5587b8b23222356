/*
 * BatchNorm's training forward and backward over the [rows, C] view of an NHWC tensor, as the cpu
 * kernels compute them (batch-norm-train.ts): per-channel sums in float64 (two passes for the
 * variance), then one pass writing the result in float32. Parted by channels (parts.h): each part
 * computes its channels whole, so the result does not depend on the number of parts.
 */
#include "parts.h"
#include "simd.h"

/* Promotes lanes 0-1 and 2-3 of `v` to float64. */
#define LOW(v) wasm_f64x2_promote_low_f32x4(v)
#define HIGH(v) wasm_f64x2_promote_low_f32x4(wasm_i32x4_shuffle((v), (v), 2, 3, 0, 1))

/* Demotes two float64 pairs to one float32 vector. */
static inline v4 demote(v128_t lo, v128_t hi) {
  return wasm_i32x4_shuffle(wasm_f32x4_demote_f64x2_zero(lo), wasm_f32x4_demote_f64x2_zero(hi), 0,
                            1, 4, 5);
}

/* The first channel of part `part` of `parts` (in fours; all of them in part 0 unless C % 4 == 0). */
static inline int first_channel(int C, int part, int parts) {
  return C % 4 == 0 ? share(C / 4, part, parts) * 4 : (part == 0 ? 0 : C);
}

/*
 * y = (x - mean) * rstd per channel, rstd = 1 / sqrt(biased variance + eps), for part `part` of
 * `parts` of the channels; `acc` holds 2 * C doubles of scratch.
 */
EXPORT(batch_norm_train)
void batch_norm_train(const float *x, float *y, float *rstd, double *acc, int rows, int C,
                      float eps, int part, int parts) {
  double *mean = acc, *sq = acc + C;
  const int c0 = first_channel(C, part, parts), c1 = first_channel(C, part + 1, parts);
  if (c0 >= c1) return;
  for (int c = c0; c < c1; c++) mean[c] = sq[c] = 0.0;
  if (C % 4 == 0) {
    for (int r = 0; r < rows; r++) {
      const float *row = x + (long)r * C;
      for (int c = c0; c < c1; c += 4) {
        const v4 v = LOAD(row + c);
        wasm_v128_store(mean + c, wasm_f64x2_add(wasm_v128_load(mean + c), LOW(v)));
        wasm_v128_store(mean + c + 2, wasm_f64x2_add(wasm_v128_load(mean + c + 2), HIGH(v)));
      }
    }
    for (int c = c0; c < c1; c++) mean[c] /= rows;
    for (int r = 0; r < rows; r++) {
      const float *row = x + (long)r * C;
      for (int c = c0; c < c1; c += 4) {
        const v4 v = LOAD(row + c);
        v128_t d = wasm_f64x2_sub(LOW(v), wasm_v128_load(mean + c));
        wasm_v128_store(sq + c, wasm_f64x2_add(wasm_v128_load(sq + c), wasm_f64x2_mul(d, d)));
        d = wasm_f64x2_sub(HIGH(v), wasm_v128_load(mean + c + 2));
        wasm_v128_store(sq + c + 2,
                        wasm_f64x2_add(wasm_v128_load(sq + c + 2), wasm_f64x2_mul(d, d)));
      }
    }
    for (int c = c0; c < c1; c++) rstd[c] = (float)(1.0 / __builtin_sqrt(sq[c] / rows + eps));
    for (int r = 0; r < rows; r++) {
      const float *row = x + (long)r * C;
      float *out = y + (long)r * C;
      for (int c = c0; c < c1; c += 4) {
        const v4 v = LOAD(row + c);
        const v128_t r0 = wasm_f64x2_make(rstd[c], rstd[c + 1]);
        const v128_t r1 = wasm_f64x2_make(rstd[c + 2], rstd[c + 3]);
        const v128_t lo = wasm_f64x2_mul(wasm_f64x2_sub(LOW(v), wasm_v128_load(mean + c)), r0);
        const v128_t hi = wasm_f64x2_mul(wasm_f64x2_sub(HIGH(v), wasm_v128_load(mean + c + 2)), r1);
        STORE(out + c, demote(lo, hi));
      }
    }
    return;
  }
  for (long i = 0; i < (long)rows * C; i++) mean[i % C] += x[i];
  for (int c = c0; c < c1; c++) mean[c] /= rows;
  for (long i = 0; i < (long)rows * C; i++) {
    const double d = x[i] - mean[i % C];
    sq[i % C] += d * d;
  }
  for (int c = c0; c < c1; c++) rstd[c] = (float)(1.0 / __builtin_sqrt(sq[c] / rows + eps));
  for (long i = 0; i < (long)rows * C; i++) y[i] = (float)((x[i] - mean[i % C]) * rstd[i % C]);
}

/*
 * dx = rstd * (dy - mean(dy) - y * mean(dy * y)) per channel, for part `part` of `parts` of the
 * channels; `acc` holds 2 * C doubles.
 */
EXPORT(batch_norm_train_grad)
void batch_norm_train_grad(const float *dy, const float *y, const float *rstd, float *dx,
                           double *acc, int rows, int C, int part, int parts) {
  double *sg = acc, *sgy = acc + C;
  const int c0 = first_channel(C, part, parts), c1 = first_channel(C, part + 1, parts);
  if (c0 >= c1) return;
  for (int c = c0; c < c1; c++) sg[c] = sgy[c] = 0.0;
  if (C % 4 == 0) {
    for (int r = 0; r < rows; r++) {
      const float *g = dy + (long)r * C, *yr = y + (long)r * C;
      for (int c = c0; c < c1; c += 4) {
        const v4 gv = LOAD(g + c), yv = LOAD(yr + c);
        const v128_t glo = LOW(gv), ghi = HIGH(gv);
        wasm_v128_store(sg + c, wasm_f64x2_add(wasm_v128_load(sg + c), glo));
        wasm_v128_store(sg + c + 2, wasm_f64x2_add(wasm_v128_load(sg + c + 2), ghi));
        wasm_v128_store(sgy + c,
                        wasm_f64x2_add(wasm_v128_load(sgy + c), wasm_f64x2_mul(glo, LOW(yv))));
        wasm_v128_store(sgy + c + 2, wasm_f64x2_add(wasm_v128_load(sgy + c + 2),
                                                    wasm_f64x2_mul(ghi, HIGH(yv))));
      }
    }
    for (int c = c0; c < c1; c++) {
      sg[c] /= rows;
      sgy[c] /= rows;
    }
    for (int r = 0; r < rows; r++) {
      const float *g = dy + (long)r * C, *yr = y + (long)r * C;
      float *out = dx + (long)r * C;
      for (int c = c0; c < c1; c += 4) {
        const v4 gv = LOAD(g + c), yv = LOAD(yr + c);
        const v128_t r0 = wasm_f64x2_make(rstd[c], rstd[c + 1]);
        const v128_t r1 = wasm_f64x2_make(rstd[c + 2], rstd[c + 3]);
        const v128_t lo = wasm_f64x2_mul(
            r0, wasm_f64x2_sub(wasm_f64x2_sub(LOW(gv), wasm_v128_load(sg + c)),
                               wasm_f64x2_mul(LOW(yv), wasm_v128_load(sgy + c))));
        const v128_t hi = wasm_f64x2_mul(
            r1, wasm_f64x2_sub(wasm_f64x2_sub(HIGH(gv), wasm_v128_load(sg + c + 2)),
                               wasm_f64x2_mul(HIGH(yv), wasm_v128_load(sgy + c + 2))));
        STORE(out + c, demote(lo, hi));
      }
    }
    return;
  }
  for (long i = 0; i < (long)rows * C; i++) {
    sg[i % C] += dy[i];
    sgy[i % C] += (double)dy[i] * y[i];
  }
  for (int c = 0; c < C; c++) {
    sg[c] /= rows;
    sgy[c] /= rows;
  }
  for (long i = 0; i < (long)rows * C; i++)
    dx[i] = (float)(rstd[i % C] * (dy[i] - sg[i % C] - y[i] * sgy[i % C]));
}
