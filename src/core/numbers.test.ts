import { describe, expect, it } from 'vitest';
import { groupDigits } from './numbers';

describe('groupDigits', () => {
  it('separates thousands of numbers and bigints, exactly past 2^53', () => {
    expect(groupDigits(15625)).toBe('15,625');
    expect(groupDigits(999)).toBe('999');
    expect(groupDigits(-1234567)).toBe('-1,234,567');
    expect(groupDigits(1076746950455072400n)).toBe('1,076,746,950,455,072,400');
    expect(groupDigits(0)).toBe('0');
    expect(groupDigits(1234.5)).toBe('1,234.5');
  });
});
