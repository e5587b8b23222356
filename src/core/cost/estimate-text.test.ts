import { describe, expect, it } from 'vitest';
import { roughDuration, unitMs } from './estimate-text';

describe('roughDuration', () => {
  it('rounds to what an estimate can promise', () => {
    expect(roughDuration(0.2)).toBe('under 1 s');
    expect(roughDuration(7.4)).toBe('7 s');
    expect(roughDuration(59.4)).toBe('59 s');
    expect(roughDuration(59.6)).toBe('1 min');
    expect(roughDuration(130)).toBe('2 min 10 s');
    expect(roughDuration(134)).toBe('2 min 10 s');
    expect(roughDuration(136)).toBe('2 min 20 s');
    expect(roughDuration(594)).toBe('9 min 50 s');
    expect(roughDuration(600)).toBe('10 min');
    expect(roughDuration(14 * 60 + 29)).toBe('14 min');
    expect(roughDuration(3600)).toBe('1 h');
    expect(roughDuration(3600 + 25 * 60 + 40)).toBe('1 h 25 min');
  });

  it('says unknown for a time that is not one', () => {
    expect(roughDuration(Number.NaN)).toBe('unknown');
    expect(roughDuration(-1)).toBe('unknown');
  });
});

describe('unitMs', () => {
  it('keeps two digits of small times and rounds large ones', () => {
    expect(unitMs(0.0234)).toBe('0.023 ms');
    expect(unitMs(4.21)).toBe('4.2 ms');
    expect(unitMs(132.4)).toBe('132 ms');
    expect(unitMs(2140)).toBe('2.1 s');
  });
});
