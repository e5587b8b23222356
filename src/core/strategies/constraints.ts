/** Constraint checks on a candidate's cost: which bounds it breaks, in plain words. */
import type { CandidateCost, Constraints } from './types';

/**
 * The bounds `cost` breaks, one sentence each; empty when it meets them all. A latency bound
 * with no latency in the cost counts as broken: an unmeasured subnet cannot be shown to meet it.
 */
export function constraintViolations(cost: CandidateCost, constraints: Constraints = {}): string[] {
  const out: string[] = [];
  const { maxParams, maxFlops, maxLatencyMs } = constraints;
  if (maxParams !== undefined && !(cost.params <= maxParams))
    out.push(`${cost.params} params exceed the limit of ${maxParams}.`);
  if (maxFlops !== undefined && !(cost.flops <= maxFlops))
    out.push(`${cost.flops} FLOPs exceed the limit of ${maxFlops}.`);
  if (maxLatencyMs !== undefined) {
    if (cost.latencyMs === undefined)
      out.push(`The latency is unknown, so the limit of ${maxLatencyMs} ms cannot be checked.`);
    else if (!(cost.latencyMs <= maxLatencyMs))
      out.push(`${cost.latencyMs} ms exceeds the latency limit of ${maxLatencyMs} ms.`);
  }
  return out;
}

/** True when `cost` meets every bound of `constraints`. */
export function isFeasible(cost: CandidateCost, constraints: Constraints = {}): boolean {
  return constraintViolations(cost, constraints).length === 0;
}
