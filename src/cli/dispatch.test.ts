import { describe, expect, it } from 'vitest';
import { dispatch } from './dispatch';
import { memoryIo } from './io';

describe('dispatch', () => {
  it('runs a command', async () => {
    const io = memoryIo();
    expect(await dispatch(['size', '--space', 'teaching'], io)).toBe(0);
    expect(io.stdout).toEqual(['15625']);
  });

  it('prints usage listing the commands for --help', async () => {
    const io = memoryIo();
    expect(await dispatch(['--help'], io)).toBe(0);
    expect(io.stdout[0]).toBe('Usage: npm run cli -- <command> [options]');
    expect(io.stdout.some((l) => l.startsWith('  size  '))).toBe(true);
    const one = memoryIo();
    expect(await dispatch(['size', '--help'], one)).toBe(0);
    expect(one.stdout[0]).toBe(
      'Usage: npm run cli -- size --space <nb201 | darts | teaching | path/to/spec.json>',
    );
    expect(one.stdout).toContain('  npm run cli -- size --space nb201');
  });

  it('rejects an unknown or missing command with usage on stderr', async () => {
    const io = memoryIo();
    expect(await dispatch(['train'], io)).toBe(2);
    expect(io.stderr[0]).toBe('Unknown command "train".');
    expect(io.stderr).toContain('Commands:');
    const none = memoryIo();
    expect(await dispatch([], none)).toBe(2);
    expect(none.stderr[0]).toBe('Usage: npm run cli -- <command> [options]');
  });
});
