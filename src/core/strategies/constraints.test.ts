import { describe, expect, it } from 'vitest';
import { constraintViolations, isFeasible } from './constraints';

describe('constraintViolations', () => {
  it('names each broken bound and passes costs on the bound', () => {
    const cost = { params: 1000, flops: 5000, latencyMs: 2 };
    expect(constraintViolations(cost, {})).toEqual([]);
    expect(isFeasible(cost, { maxParams: 1000, maxFlops: 5000, maxLatencyMs: 2 })).toBe(true);
    expect(
      constraintViolations(cost, { maxParams: 999, maxFlops: 4999, maxLatencyMs: 1.5 }),
    ).toEqual([
      '1000 params exceed the limit of 999.',
      '5000 FLOPs exceed the limit of 4999.',
      '2 ms exceeds the latency limit of 1.5 ms.',
    ]);
  });

  it('counts an unmeasured latency as breaking a latency bound, and a NaN cost as breaking any bound', () => {
    expect(constraintViolations({ params: 1, flops: 1 }, { maxLatencyMs: 5 })).toEqual([
      'The latency is unknown, so the limit of 5 ms cannot be checked.',
    ]);
    expect(isFeasible({ params: 1, flops: 1 }, { maxParams: 10 })).toBe(true);
    expect(isFeasible({ params: NaN, flops: 1 }, { maxParams: 10 })).toBe(false);
  });
});
