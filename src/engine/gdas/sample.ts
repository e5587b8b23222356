/**
 * GDAS's per-edge sample, drawn on the host: Gumbel noise from a seeded stream, the perturbed
 * log-probabilities (log_softmax(alpha) + g) / tau, and the argmax op of each edge. The device
 * recomputes the softmax of the same perturbed logits for the straight-through gradient
 * (hard-weights.ts); the host only decides which op runs.
 */
import type { Rng } from '../../core/random';

/** One role's sample: the noise it was drawn with and the op chosen on each edge. */
export interface RoleSample {
  /** Gumbel noise, [edges, maxOps] row-major (0 in padding columns). */
  readonly noise: Float32Array;
  /** The sampled op of each edge. */
  readonly chosen: readonly number[];
}

/** One Gumbel(0, 1) draw: -log(-log(u)) with u uniform in (0, 1). */
export function gumbel(rng: Rng): number {
  let u = 0;
  while (u === 0) u = rng.next();
  return -Math.log(-Math.log(u));
}

/**
 * Samples one op per edge of a role whose alphas are `alphas` ([edges, maxOps] row-major, padding
 * columns ignored) with `opsPerEdge` real ops each, at temperature `tau`, drawing the noise from
 * `rng` (real columns only, edge by edge). Ties go to the lower op index.
 */
export function sampleRole(
  alphas: ArrayLike<number>,
  opsPerEdge: readonly number[],
  maxOps: number,
  tau: number,
  rng: Rng,
): RoleSample {
  const noise = new Float32Array(opsPerEdge.length * maxOps);
  const chosen = opsPerEdge.map((n, e) => {
    let top = Number.NEGATIVE_INFINITY;
    for (let o = 0; o < n; o++) top = Math.max(top, alphas[e * maxOps + o] ?? 0);
    let sum = 0;
    for (let o = 0; o < n; o++) sum += Math.exp((alphas[e * maxOps + o] ?? 0) - top);
    const logZ = top + Math.log(sum);
    let best = 0;
    let bestValue = Number.NEGATIVE_INFINITY;
    for (let o = 0; o < n; o++) {
      const g = Math.fround(gumbel(rng));
      noise[e * maxOps + o] = g;
      const value = ((alphas[e * maxOps + o] ?? 0) - logZ + g) / tau;
      if (value > bestValue) {
        bestValue = value;
        best = o;
      }
    }
    return best;
  });
  return { noise, chosen };
}
