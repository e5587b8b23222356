/**
 * Whether the engine takes its fused path: BatchNorm and the mixed op's weighted sum as kernels of
 * their own (where the active backend has them: cpu and wasm), and each cell node's shared work
 * (ReLU, pool + BatchNorm) computed once for all edges that read it. Off, it runs the plain
 * composition of tfjs ops per edge: the reference the fused path is checked against.
 */
let fused = true;

/** Turns the fused path on (the default) or off (the plain reference path). */
export function useFusedPath(on: boolean): void {
  fused = on;
}

/** True when the fused path is on. */
export function fusedPathOn(): boolean {
  return fused;
}
