import { describe, expect, it } from 'vitest';
import { groupDigits, scientific, shortCount } from './format';

describe('composer number formats', () => {
  it('groups digits of exact counts', () => {
    expect(groupDigits(15625n)).toBe('15,625');
    expect(groupDigits(999)).toBe('999');
    expect(groupDigits(1000n)).toBe('1,000');
    expect(groupDigits(1080820136261760000n)).toBe('1,080,820,136,261,760,000');
    expect(groupDigits(-1234567)).toBe('-1,234,567');
  });

  it('adds scientific notation only from a million on', () => {
    expect(scientific(15625n)).toBeNull();
    expect(scientific(999_999n)).toBeNull();
    expect(scientific(1_000_000n)).toBe('1.00e+6');
    expect(scientific(1080820136261760000n)).toBe('1.08e+18');
  });

  it('shortens cost figures with SI-style units', () => {
    expect(shortCount(812)).toBe('812');
    expect(shortCount(12_345)).toBe('12.3 k');
    expect(shortCount(4_560_000)).toBe('4.56 M');
    expect(shortCount(1_200_000_000)).toBe('1.20 G');
  });
});
