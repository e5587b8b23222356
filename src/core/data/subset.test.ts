import { describe, expect, it } from 'vitest';
import type { DataSplit } from '../experiment/spec';
import { createRng } from '../random';
import { fixedSubset } from './subset';

/** `count` examples of 3 features; example i holds i, i + 0.25, i + 0.5 and label i mod 10. */
function split(count: number): DataSplit {
  const x = new Float32Array(count * 3);
  for (let i = 0; i < count; i++) x.set([i, i + 0.25, i + 0.5], i * 3);
  return { x, y: Int32Array.from({ length: count }, (_, i) => i % 10), count };
}

describe('fixedSubset', () => {
  it('draws distinct examples, each whole and with its own label, in split order', () => {
    const sub = fixedSubset(split(100), 30, createRng(4));
    expect(sub.count).toBe(30);
    expect(sub.x.length).toBe(90);
    const firsts = Array.from({ length: 30 }, (_, i) => sub.x[i * 3] ?? -1);
    expect(new Set(firsts).size).toBe(30);
    expect(firsts).toEqual([...firsts].sort((a, b) => a - b));
    firsts.forEach((v, i) => {
      expect(Array.from(sub.x.subarray(i * 3, i * 3 + 3))).toEqual([v, v + 0.25, v + 0.5]);
      expect(sub.y[i]).toBe(v % 10);
    });
  });

  it('is the same subset for the same seed and another for another seed', () => {
    const data = split(200);
    const a = fixedSubset(data, 50, createRng(9));
    expect(fixedSubset(data, 50, createRng(9))).toEqual(a);
    expect(Array.from(fixedSubset(data, 50, createRng(10)).y)).not.toEqual(Array.from(a.y));
  });

  it('gives the split itself when it is no larger than the subset', () => {
    const data = split(40);
    expect(fixedSubset(data, 40, createRng(1))).toBe(data);
    expect(fixedSubset(data, 1000, createRng(1))).toBe(data);
  });

  it('refuses a size that is not a whole number of at least one', () => {
    for (const size of [0, -3, 2.5, Number.NaN])
      expect(() => fixedSubset(split(10), size, createRng(1))).toThrow(/whole number/);
  });
});
