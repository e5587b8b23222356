/* The finishing sum of parted kernels whose parts summed apart (parts.h). */
#include "parts.h"
#include "simd.h"

EXPORT(add_parts)
void add_parts(float *dst, const float *base, int n, int parts) {
  int i = 0;
  for (; i + 4 <= n; i += 4) {
    v4 s = LOAD(base + i);
    for (int p = 1; p < parts; p++) s = ADD(s, LOAD(base + (long)p * n + i));
    STORE(dst + i, s);
  }
  for (; i < n; i++) {
    float s = base[i];
    for (int p = 1; p < parts; p++) s += base[(long)p * n + i];
    dst[i] = s;
  }
}
