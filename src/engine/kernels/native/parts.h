/*
 * Work split among threads: every parted kernel takes (part, parts) last and does part `part` of
 * `parts` (the caller's thread part 0, the thread pool's helpers the others; pool.ts). Parts that
 * split a sum give each part its own accumulator, added in part order by a finishing call.
 */
#ifndef NATIVE_PARTS_H
#define NATIVE_PARTS_H

/* Where part `part` of `parts` starts among `units` units (part `parts` gives `units`). */
static inline int share(int units, int part, int parts) {
  return (int)((long long)units * part / parts);
}

/* dst [n] = the sum of base [p * n .. p * n + n) over p < parts, in part order (dst may be base). */
void add_parts(float *dst, const float *base, int n, int parts);

#endif
