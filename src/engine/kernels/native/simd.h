/* What every kernel of the engine's wasm module shares: 128-bit SIMD over four floats. */
#ifndef NATIVE_SIMD_H
#define NATIVE_SIMD_H
#include <wasm_simd128.h>

typedef v128_t v4;

#define ADD wasm_f32x4_add
#define SUB wasm_f32x4_sub
#define MUL wasm_f32x4_mul
#define SPLAT wasm_f32x4_splat
#define LOAD(p) wasm_v128_load(p)
#define STORE(p, x) wasm_v128_store((p), (x))
#define EXPORT(name) __attribute__((export_name(#name)))

#endif
