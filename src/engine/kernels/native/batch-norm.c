/*
 * BatchNorm's training forward and backward over the [rows, C] view of an NHWC tensor, as the cpu
 * kernels compute them (batch-norm-train.ts): per-channel sums in float64 (two passes for the
 * variance), then one pass writing the result in float32. Parted by rows (parts.h): each pass is
 * one parted call, each part summing its rows into its own sums, which every part then adds in
 * part order (so all parts see the same means). `acc` holds 4 * C doubles per part: its sums of
 * the two passes, then its copy of the two per-channel results.
 */
#include "parts.h"
#include "simd.h"

/* Promotes lanes 0-1 and 2-3 of `v` to float64. */
#define LOW(v) wasm_f64x2_promote_low_f32x4(v)
#define HIGH(v) wasm_f64x2_promote_low_f32x4(wasm_i32x4_shuffle((v), (v), 2, 3, 0, 1))
#define LOAD2(p) wasm_v128_load(p)
#define STORE2(p, v) wasm_v128_store((p), (v))
#define ADD2 wasm_f64x2_add
#define SUB2 wasm_f64x2_sub
#define MUL2 wasm_f64x2_mul

/* Demotes two float64 pairs to one float32 vector. */
static inline v4 demote(v128_t lo, v128_t hi) {
  return wasm_i32x4_shuffle(wasm_f32x4_demote_f64x2_zero(lo), wasm_f32x4_demote_f64x2_zero(hi), 0,
                            1, 4, 5);
}

/* The part's block of acc: [0, C) and [C, 2C) its sums, [2C, 4C) the results it uses. */
static inline double *block_of(double *acc, int C, int part) { return acc + (long)part * 4 * C; }

/* out [c] = (sum over parts of acc [part][at + c]) / rows, in part order. */
static void combine(const double *acc, double *out, int at, int rows, int C, int parts) {
  for (int c = 0; c < C; c++) {
    double s = 0.0;
    for (int p = 0; p < parts; p++) s += acc[(long)p * 4 * C + at + c];
    out[c] = s / rows;
  }
}

/* Pass 1 of the forward: the part's sums of x per channel. */
EXPORT(batch_norm_sums)
void batch_norm_sums(const float *x, double *acc, int rows, int C, int part, int parts) {
  double *sum = block_of(acc, C, part);
  const int r0 = share(rows, part, parts), r1 = share(rows, part + 1, parts);
  for (int c = 0; c < C; c++) sum[c] = 0.0;
  for (int r = r0; r < r1; r++) {
    const float *row = x + (long)r * C;
    if (C % 4 == 0) {
      for (int c = 0; c < C; c += 4) {
        const v4 v = LOAD(row + c);
        STORE2(sum + c, ADD2(LOAD2(sum + c), LOW(v)));
        STORE2(sum + c + 2, ADD2(LOAD2(sum + c + 2), HIGH(v)));
      }
    } else {
      for (int c = 0; c < C; c++) sum[c] += row[c];
    }
  }
}

/* Pass 2: the means (from every part's sums), then the part's sums of squared deviations. */
EXPORT(batch_norm_squares)
void batch_norm_squares(const float *x, double *acc, int rows, int C, int part, int parts) {
  double *mine = block_of(acc, C, part), *sq = mine + C, *mean = mine + 2 * C;
  const int r0 = share(rows, part, parts), r1 = share(rows, part + 1, parts);
  combine(acc, mean, 0, rows, C, parts);
  for (int c = 0; c < C; c++) sq[c] = 0.0;
  for (int r = r0; r < r1; r++) {
    const float *row = x + (long)r * C;
    if (C % 4 == 0) {
      for (int c = 0; c < C; c += 4) {
        const v4 v = LOAD(row + c);
        v128_t d = SUB2(LOW(v), LOAD2(mean + c));
        STORE2(sq + c, ADD2(LOAD2(sq + c), MUL2(d, d)));
        d = SUB2(HIGH(v), LOAD2(mean + c + 2));
        STORE2(sq + c + 2, ADD2(LOAD2(sq + c + 2), MUL2(d, d)));
      }
    } else {
      for (int c = 0; c < C; c++) {
        const double d = row[c] - mean[c];
        sq[c] += d * d;
      }
    }
  }
}

/*
 * Pass 3: y = (x - mean) * rstd over the part's rows, rstd = 1 / sqrt(biased variance + eps)
 * (part 0 writes rstd).
 */
EXPORT(batch_norm_apply)
void batch_norm_apply(const float *x, float *y, float *rstd, double *acc, int rows, int C,
                      float eps, int part, int parts) {
  double *mine = block_of(acc, C, part), *mean = mine + 2 * C, *r64 = mine + 3 * C;
  const int r0 = share(rows, part, parts), r1 = share(rows, part + 1, parts);
  combine(acc, r64, C, rows, C, parts);
  for (int c = 0; c < C; c++) {
    const float r = (float)(1.0 / __builtin_sqrt(r64[c] + eps));
    r64[c] = r;
    if (part == 0) rstd[c] = r;
  }
  for (int r = r0; r < r1; r++) {
    const float *row = x + (long)r * C;
    float *out = y + (long)r * C;
    if (C % 4 == 0) {
      for (int c = 0; c < C; c += 4) {
        const v4 v = LOAD(row + c);
        const v128_t lo = MUL2(SUB2(LOW(v), LOAD2(mean + c)), LOAD2(r64 + c));
        const v128_t hi = MUL2(SUB2(HIGH(v), LOAD2(mean + c + 2)), LOAD2(r64 + c + 2));
        STORE(out + c, demote(lo, hi));
      }
    } else {
      for (int c = 0; c < C; c++) out[c] = (float)((row[c] - mean[c]) * r64[c]);
    }
  }
}

/* Backward pass 1: the part's sums of dy and of dy * y per channel. */
EXPORT(batch_norm_grad_sums)
void batch_norm_grad_sums(const float *dy, const float *y, double *acc, int rows, int C, int part,
                          int parts) {
  double *sg = block_of(acc, C, part), *sgy = sg + C;
  const int r0 = share(rows, part, parts), r1 = share(rows, part + 1, parts);
  for (int c = 0; c < 2 * C; c++) sg[c] = 0.0;
  for (int r = r0; r < r1; r++) {
    const float *g = dy + (long)r * C, *yr = y + (long)r * C;
    if (C % 4 == 0) {
      for (int c = 0; c < C; c += 4) {
        const v4 gv = LOAD(g + c), yv = LOAD(yr + c);
        const v128_t glo = LOW(gv), ghi = HIGH(gv);
        STORE2(sg + c, ADD2(LOAD2(sg + c), glo));
        STORE2(sg + c + 2, ADD2(LOAD2(sg + c + 2), ghi));
        STORE2(sgy + c, ADD2(LOAD2(sgy + c), MUL2(glo, LOW(yv))));
        STORE2(sgy + c + 2, ADD2(LOAD2(sgy + c + 2), MUL2(ghi, HIGH(yv))));
      }
    } else {
      for (int c = 0; c < C; c++) {
        sg[c] += g[c];
        sgy[c] += (double)g[c] * yr[c];
      }
    }
  }
}

/* Backward pass 2: dx = rstd * (dy - mean(dy) - y * mean(dy * y)) over the part's rows. */
EXPORT(batch_norm_grad_apply)
void batch_norm_grad_apply(const float *dy, const float *y, const float *rstd, float *dx,
                           double *acc, int rows, int C, int part, int parts) {
  double *mine = block_of(acc, C, part), *mg = mine + 2 * C, *mgy = mine + 3 * C;
  const int r0 = share(rows, part, parts), r1 = share(rows, part + 1, parts);
  combine(acc, mg, 0, rows, C, parts);
  combine(acc, mgy, C, rows, C, parts);
  for (int r = r0; r < r1; r++) {
    const float *g = dy + (long)r * C, *yr = y + (long)r * C;
    float *out = dx + (long)r * C;
    if (C % 4 == 0) {
      for (int c = 0; c < C; c += 4) {
        const v4 gv = LOAD(g + c), yv = LOAD(yr + c);
        const v128_t r0v = wasm_f64x2_make(rstd[c], rstd[c + 1]);
        const v128_t r1v = wasm_f64x2_make(rstd[c + 2], rstd[c + 3]);
        const v128_t lo =
            MUL2(r0v, SUB2(SUB2(LOW(gv), LOAD2(mg + c)), MUL2(LOW(yv), LOAD2(mgy + c))));
        const v128_t hi = MUL2(
            r1v, SUB2(SUB2(HIGH(gv), LOAD2(mg + c + 2)), MUL2(HIGH(yv), LOAD2(mgy + c + 2))));
        STORE(out + c, demote(lo, hi));
      }
    } else {
      for (int c = 0; c < C; c++)
        out[c] = (float)(rstd[c] * (g[c] - mg[c] - yr[c] * mgy[c]));
    }
  }
}
