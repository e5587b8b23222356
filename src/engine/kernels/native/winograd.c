/*
 * Winograd F(4x4, 3x3) convolution for NHWC float32 tensors, with 128-bit wasm SIMD over channels.
 * Built with the other .c files here into module.ts by scripts/build-wasm-kernels.sh.
 * Transforms (Lavin & Gray 2016, interpolation points 0, +-1, +-2, infinity):
 *   U = G g G^T (filter, 3x3 -> 6x6), V = B^T d B (input tile, 6x6), Y = A^T (U .* V summed over
 *   input channels) A (4x4 output tile). The sum over input channels of each of the 36 products is a
 *   matrix product [tiles, C] x [C, K]. Channel counts must be multiples of 4.
 * The filter gradient is the adjoint: dg = G^T (sum over tiles of (A dY A^T) .* V) G, the sum over
 * tiles of each of the 36 products a matrix product [C, tiles] x [tiles, K].
 */
#include "gemm.h"
#include "parts.h"
#include "simd.h"

/* G applied to three values: six results. */
static inline void filter_1d(v4 g0, v4 g1, v4 g2, v4 *t) {
  const v4 q = SPLAT(0.25f), s = SPLAT(1.0f / 6.0f), a = SPLAT(1.0f / 24.0f), b = SPLAT(1.0f / 12.0f);
  v4 sum02 = ADD(g0, g2);
  t[0] = MUL(g0, q);
  t[1] = MUL(SUB(SPLAT(0.0f), ADD(sum02, g1)), s);
  t[2] = MUL(SUB(g1, sum02), s);
  v4 even = ADD(MUL(g0, a), MUL(g2, s));
  v4 odd = MUL(g1, b);
  t[3] = ADD(even, odd);
  t[4] = SUB(even, odd);
  t[5] = g2;
}

/* B^T applied to six values: six results. */
static inline void input_1d(const v4 *d, v4 *r) {
  const v4 two = SPLAT(2.0f), four = SPLAT(4.0f), five = SPLAT(5.0f);
  r[0] = ADD(SUB(MUL(four, d[0]), MUL(five, d[2])), d[4]);
  v4 p = SUB(ADD(d[3], d[4]), MUL(four, ADD(d[1], d[2])));
  v4 m = ADD(SUB(d[4], d[3]), MUL(four, SUB(d[1], d[2])));
  r[1] = p;
  r[2] = m;
  v4 u = SUB(d[4], d[2]);
  v4 w = MUL(two, SUB(d[3], d[1]));
  r[3] = ADD(u, w);
  r[4] = SUB(u, w);
  r[5] = ADD(SUB(MUL(four, d[1]), MUL(five, d[3])), d[5]);
}

/* A^T applied to six values: four results. */
static inline void output_1d(const v4 *m, v4 *o) {
  const v4 two = SPLAT(2.0f), four = SPLAT(4.0f), eight = SPLAT(8.0f);
  v4 s12 = ADD(m[1], m[2]), d12 = SUB(m[1], m[2]);
  v4 s34 = ADD(m[3], m[4]), d34 = SUB(m[3], m[4]);
  o[0] = ADD(ADD(m[0], s12), s34);
  o[1] = ADD(d12, MUL(two, d34));
  o[2] = ADD(s12, MUL(four, s34));
  o[3] = ADD(ADD(d12, MUL(eight, d34)), m[5]);
}

/* Filter g [3][3][C][K] (HWIO) -> U [36][C][K]. */
EXPORT(winograd_filter)
void winograd_filter(const float *g, float *u, int C, int K) {
  const int ck = C * K;
  for (int c = 0; c < C; c++)
    for (int k = 0; k < K; k += 4) {
      const int at = c * K + k;
      v4 rows[3][6];
      for (int i = 0; i < 3; i++)
        filter_1d(LOAD(g + (i * 3 + 0) * ck + at), LOAD(g + (i * 3 + 1) * ck + at),
                  LOAD(g + (i * 3 + 2) * ck + at), rows[i]);
      for (int j = 0; j < 6; j++) {
        v4 col[6];
        filter_1d(rows[0][j], rows[1][j], rows[2][j], col);
        for (int i = 0; i < 6; i++) STORE(u + (i * 6 + j) * ck + at, col[i]);
      }
    }
}

/* Where tile `tile` lies: its image and the top-left corner of its 4x4 output block. */
typedef struct {
  int n, y0, x0;
} tile_at;

static inline tile_at locate(int tile, int tilesH, int tilesW) {
  const int rem = tile % (tilesH * tilesW);
  const tile_at at = {tile / (tilesH * tilesW), (rem / tilesW) * 4, (rem % tilesW) * 4};
  return at;
}

/*
 * Input tiles [t0, t0 + tb) of x [N][H][W][C] -> v [36][tb][C]. `tmp` holds a tile's 72 vectors
 * (the module runs in the wasm backend's memory and so must not use a stack of its own).
 */
static void input_tiles(const float *x, float *v, int t0, int tb, int H, int W, int C, int tilesH,
                        int tilesW, int padTop, int padLeft, v4 *tmp) {
  const int stride36 = tb * C;
  for (int t = 0; t < tb; t++) {
    const tile_at at = locate(t0 + t, tilesH, tilesW);
    const int y0 = at.y0 - padTop, x0 = at.x0 - padLeft;
    const float *img = x + (long)at.n * H * W * C;
    for (int c = 0; c < C; c += 4) {
      v4 *d = tmp, *rows = tmp + 36;
      for (int i = 0; i < 6; i++) {
        const int y = y0 + i;
        for (int j = 0; j < 6; j++) {
          const int xx = x0 + j;
          d[i * 6 + j] = (y >= 0 && y < H && xx >= 0 && xx < W)
                             ? LOAD(img + ((long)y * W + xx) * C + c)
                             : SPLAT(0.0f);
        }
      }
      for (int i = 0; i < 6; i++) input_1d(d + i * 6, rows + i * 6);
      for (int j = 0; j < 6; j++) {
        v4 col[6], out[6];
        for (int i = 0; i < 6; i++) col[i] = rows[i * 6 + j];
        input_1d(col, out);
        for (int i = 0; i < 6; i++) STORE(v + (i * 6 + j) * stride36 + t * C + c, out[i]);
      }
    }
  }
}

/* Output tiles [t0, t0 + tb) from m [36][tb][K] into y [N][Ho][Wo][K], clipped at the edges. */
static void output_tiles(const float *m, float *y, int t0, int tb, int Ho, int Wo, int K,
                         int tilesH, int tilesW) {
  const int stride36 = tb * K;
  for (int t = 0; t < tb; t++) {
    const tile_at at = locate(t0 + t, tilesH, tilesW);
    const int y0 = at.y0, x0 = at.x0;
    float *img = y + (long)at.n * Ho * Wo * K;
    for (int k = 0; k < K; k += 4) {
      v4 rows[6][4];
      for (int i = 0; i < 6; i++) {
        v4 r[6];
        for (int j = 0; j < 6; j++) r[j] = LOAD(m + (i * 6 + j) * stride36 + t * K + k);
        output_1d(r, rows[i]);
      }
      for (int j = 0; j < 4; j++) {
        v4 col[6], out[4];
        for (int i = 0; i < 6; i++) col[i] = rows[i][j];
        output_1d(col, out);
        const int xx = x0 + j;
        if (xx >= Wo) continue;
        for (int i = 0; i < 4; i++) {
          const int yy = y0 + i;
          if (yy < Ho) STORE(img + ((long)yy * Wo + xx) * K + k, out[i]);
        }
      }
    }
  }
}

/*
 * y [N][Ho][Wo][K] = x [N][H][W][C] (zero padded by padTop / padLeft, and as far as needed below and
 * right) convolved with the filter transformed by winograd_filter (u): part `part` of `parts` of
 * the blocks of tiles. `scratch` (16-byte aligned) holds, per part, 36 * block * (C + K) + 288
 * floats.
 */
EXPORT(winograd_conv)
void winograd_conv(const float *x, const float *u, float *y, float *scratch, int N, int H, int W,
                   int C, int K, int Ho, int Wo, int padTop, int padLeft, int block, int part,
                   int parts) {
  const int tilesH = (Ho + 3) / 4, tilesW = (Wo + 3) / 4;
  const int tiles = N * tilesH * tilesW;
  const int blocks = (tiles + block - 1) / block;
  float *v = scratch + (long)part * (36 * block * (C + K) + 288);
  float *m = v + 36 * block * C;
  v4 *tmp = (v4 *)(m + 36 * block * K);
  const int end = share(blocks, part + 1, parts) * block;
  for (int t0 = share(blocks, part, parts) * block; t0 < end && t0 < tiles; t0 += block) {
    const int tb = tiles - t0 < block ? tiles - t0 : block;
    input_tiles(x, v, t0, tb, H, W, C, tilesH, tilesW, padTop, padLeft, tmp);
    products(v, u, m, 36, tb, C, K);
    output_tiles(m, y, t0, tb, Ho, Wo, K, tilesH, tilesW);
  }
}

/* A applied to four values (an output-gradient row): six results. */
static inline void grad_1d(const v4 *y, v4 *r) {
  const v4 two = SPLAT(2.0f), four = SPLAT(4.0f), eight = SPLAT(8.0f);
  v4 s02 = ADD(y[0], y[2]), s13 = ADD(y[1], y[3]);
  r[0] = y[0];
  r[1] = ADD(s02, s13);
  r[2] = SUB(s02, s13);
  v4 e = ADD(y[0], MUL(four, y[2])), o = ADD(MUL(two, y[1]), MUL(eight, y[3]));
  r[3] = ADD(e, o);
  r[4] = SUB(e, o);
  r[5] = y[3];
}

/* G^T applied to six values: three results. */
static inline void filter_grad_1d(const v4 *u, v4 *q) {
  const v4 q4 = SPLAT(0.25f), s6 = SPLAT(1.0f / 6.0f), s12 = SPLAT(1.0f / 12.0f),
           s24 = SPLAT(1.0f / 24.0f);
  v4 s12v = ADD(u[1], u[2]), d12 = SUB(u[2], u[1]);
  v4 s34 = ADD(u[3], u[4]), d34 = SUB(u[3], u[4]);
  q[0] = ADD(SUB(MUL(u[0], q4), MUL(s12v, s6)), MUL(s34, s24));
  q[1] = ADD(MUL(d12, s6), MUL(d34, s12));
  q[2] = ADD(MUL(SUB(s34, s12v), s6), u[5]);
}

/* Output-gradient tiles [t0, t0 + tb) of dy [N][Ho][Wo][K] -> w [36][tb][K] (zero past the edges). */
static void grad_tiles(const float *dy, float *w, int t0, int tb, int Ho, int Wo, int K, int tilesH,
                       int tilesW) {
  const int stride36 = tb * K;
  for (int t = 0; t < tb; t++) {
    const tile_at at = locate(t0 + t, tilesH, tilesW);
    const int y0 = at.y0, x0 = at.x0;
    const float *img = dy + (long)at.n * Ho * Wo * K;
    for (int k = 0; k < K; k += 4) {
      v4 rows[4][6];
      for (int i = 0; i < 4; i++) {
        v4 r[4];
        for (int j = 0; j < 4; j++)
          r[j] = (y0 + i < Ho && x0 + j < Wo) ? LOAD(img + ((long)(y0 + i) * Wo + x0 + j) * K + k)
                                              : SPLAT(0.0f);
        grad_1d(r, rows[i]);
      }
      for (int j = 0; j < 6; j++) {
        v4 col[4], out[6];
        for (int i = 0; i < 4; i++) col[i] = rows[i][j];
        grad_1d(col, out);
        for (int i = 0; i < 6; i++) STORE(w + (i * 6 + j) * stride36 + t * K + k, out[i]);
      }
    }
  }
}

/*
 * The sums of the filter gradient of winograd_conv's convolution (same geometry) given its input x
 * and its output's gradient dy, over part `part` of `parts` of the blocks of tiles, into that
 * part's du (du + part * 36 * C * K). `scratch` (16-byte aligned) holds, per part,
 * 36 * block * (C + K) + 288 floats.
 */
EXPORT(winograd_filter_grad_tiles)
void winograd_filter_grad_tiles(const float *x, const float *dy, float *du, float *scratch, int N,
                                int H, int W, int C, int K, int Ho, int Wo, int padTop,
                                int padLeft, int block, int part, int parts) {
  const int tilesH = (Ho + 3) / 4, tilesW = (Wo + 3) / 4;
  const int tiles = N * tilesH * tilesW;
  const int blocks = (tiles + block - 1) / block;
  const int ck = C * K;
  float *mine = du + (long)part * 36 * ck;
  float *v = scratch + (long)part * (36 * block * (C + K) + 288);
  float *w = v + 36 * block * C;
  v4 *tmp = (v4 *)(w + 36 * block * K);
  for (int i = 0; i < 36 * ck; i++) mine[i] = 0.0f;
  const int end = share(blocks, part + 1, parts) * block;
  for (int t0 = share(blocks, part, parts) * block; t0 < end && t0 < tiles; t0 += block) {
    const int tb = tiles - t0 < block ? tiles - t0 : block;
    input_tiles(x, v, t0, tb, H, W, C, tilesH, tilesW, padTop, padLeft, tmp);
    grad_tiles(dy, w, t0, tb, Ho, Wo, K, tilesH, tilesW);
    accumulate(v, w, mine, 36, tb, C, K);
  }
}

/*
 * dg [3][3][C][K] = the filter gradient from winograd_filter_grad_tiles's `parts` sums in du
 * (added into the first in part order, then taken back through the filter transform).
 */
EXPORT(winograd_filter_grad_finish)
void winograd_filter_grad_finish(float *du, float *dg, int C, int K, int parts) {
  const int ck = C * K;
  add_parts(du, du, 36 * ck, parts);
  for (int c = 0; c < C; c++)
    for (int k = 0; k < K; k += 4) {
      const int at = c * K + k;
      v4 rows[6][3];
      for (int a = 0; a < 6; a++) {
        v4 u[6];
        for (int b = 0; b < 6; b++) u[b] = LOAD(du + (a * 6 + b) * ck + at);
        filter_grad_1d(u, rows[a]);
      }
      for (int j = 0; j < 3; j++) {
        v4 col[6], out[3];
        for (int a = 0; a < 6; a++) col[a] = rows[a][j];
        filter_grad_1d(col, out);
        for (int i = 0; i < 3; i++) STORE(dg + (i * 3 + j) * ck + at, out[i]);
      }
    }
}
