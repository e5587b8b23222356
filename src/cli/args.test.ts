import { describe, expect, it } from 'vitest';
import { optionValue, parseArgs } from './args';

describe('parseArgs', () => {
  it('reads the command, options with values, = values and flags', () => {
    const a = parseArgs(['size', '--space', 'nb201', 'extra', '--x=1', '--verbose']);
    expect(a.command).toBe('size');
    expect(a.positionals).toEqual(['extra']);
    expect(optionValue(a, 'space')).toBe('nb201');
    expect(optionValue(a, 'x')).toBe('1');
    expect(a.options.get('verbose')).toBe(true);
    expect(optionValue(a, 'verbose')).toBeNull();
    expect(optionValue(a, 'missing')).toBeNull();
  });

  it('treats help as a flag in every spelling', () => {
    for (const argv of [
      ['--help', 'size'],
      ['-h', 'size'],
      ['size', '--h'],
    ]) {
      const a = parseArgs(argv);
      expect(a.command).toBe('size');
      expect(a.options.get('help')).toBe(true);
    }
    expect(parseArgs([]).command).toBeNull();
    expect(parseArgs(['size', '--space', '--help']).options.get('space')).toBe(true);
  });
});
