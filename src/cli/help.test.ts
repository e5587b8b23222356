import { describe, expect, it } from 'vitest';
import { parseArgs } from './args';
import { COMMANDS } from './commands';
import { commandHelp, commandListHelp, HELP_WIDTH, wrap } from './help';

describe('wrap', () => {
  it('breaks at spaces within the width and indents the lines after the first', () => {
    expect(wrap('aa bb cc dd', 5, ' ')).toEqual(['aa bb', ' cc', ' dd']);
    expect(wrap('a-very-long-word b', 4)).toEqual(['a-very-long-word', 'b']);
    expect(wrap('', 10)).toEqual([]);
  });
});

describe('help', () => {
  it('lists every command with its summary, within 100 columns, and the exit codes', () => {
    const lines = commandListHelp(COMMANDS);
    for (const name of Object.keys(COMMANDS))
      expect(lines.some((l) => l.startsWith(`  ${name} `))).toBe(true);
    expect(lines).toContain('Exit codes:');
    expect(lines.some((l) => l.startsWith('  2   bad usage or input'))).toBe(true);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(HELP_WIDTH);
  });

  it('gives each command usage, options and examples within 100 columns; every example names that command and only its options', () => {
    for (const [name, command] of Object.entries(COMMANDS)) {
      const lines = commandHelp(command);
      expect(lines[0]).toMatch(new RegExp(`^Usage: npm run cli -- ${name} `));
      expect(lines).toContain('Examples:');
      for (const l of lines) expect(l.length, `${name}: ${l}`).toBeLessThanOrEqual(HELP_WIDTH);
      const flags = command.options.map(([flag]) => flag.split(' ')[0]);
      expect(command.examples.length).toBeGreaterThan(0);
      for (const example of command.examples) {
        const args = parseArgs(example.split(' '));
        expect(args.command).toBe(name);
        for (const option of args.options.keys()) expect(flags).toContain(`--${option}`);
      }
    }
  });
});
