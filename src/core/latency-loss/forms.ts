/**
 * The latency-aware loss forms as plain numbers (the engine's tfjs term mirrors them): the alpha
 * loss from the cross-entropy and the expected latency. The log forms take latencies in
 * microseconds, so a network faster than 1 ms keeps a positive log (the papers' latencies, 20 ms
 * and up, were in ms; the ratio of mul#log changes only its strength with the unit).
 */
import type { LatencyLossSpec } from './spec';

/** Microseconds per millisecond: the unit the log forms read latencies in. */
export const US_PER_MS = 1000;

/**
 * The alpha loss of cross-entropy `ce` at expected latency `latMs` (ms) under `l`:
 * off: ce; mul#log: α·ce·(ln E / ln T)^β (E, T in µs, ProxylessNAS); add#linear:
 * ce + λ·(E − T)/T (ProxylessNAS); fbnet: α·ce·(ln E)^β (E in µs, FBNet). NaN where a log form's
 * base is not positive (a latency of 1 µs or less).
 */
export function latencyObjective(ce: number, latMs: number, l: LatencyLossSpec): number {
  switch (l.form) {
    case 'off':
      return ce;
    case 'mul#log':
      return (
        l.alpha *
        ce *
        Math.pow(Math.log(latMs * US_PER_MS) / Math.log(l.targetMs * US_PER_MS), l.beta)
      );
    case 'add#linear':
      return ce + (l.lambda * (latMs - l.targetMs)) / l.targetMs;
    case 'fbnet':
      return l.alpha * ce * Math.pow(Math.log(latMs * US_PER_MS), l.beta);
  }
}
