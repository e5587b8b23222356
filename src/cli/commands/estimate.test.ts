import { describe, expect, it } from 'vitest';
import { parseArgs } from '../args';
import { memoryIo } from '../io';
import { runEstimate } from './estimate';

/** Runs `estimate` with argv and returns the exit code and captured lines. */
async function estimate(argv: string[]) {
  const io = memoryIo();
  const code = await runEstimate(parseArgs(['estimate', ...argv]), io);
  return { code, out: io.stdout, err: io.stderr };
}

describe('estimate command', () => {
  it('refuses unknown or bad flags with usage', async () => {
    const unknown = await estimate(['--space', 'teaching', '--fast']);
    expect(unknown.code).toBe(2);
    expect(unknown.err[0]).toBe('Unknown option --fast.');
    expect(unknown.err[1]).toMatch(/^Usage: npm run cli -- estimate /);
    expect((await estimate(['--epochs', '0'])).err[0]).toMatch(/--epochs must be a whole number/);
    expect((await estimate(['--backend', 'webgl'])).err[0]).toMatch(/--backend must be wasm/);
  });

  it('estimates the teaching default from a probe on wasm, phase by phase', async () => {
    const r = await estimate(['--space', 'teaching', '--dataset', 'spiral', '--strategy', 'darts']);
    expect(r.code).toBe(0);
    expect(r.out[1]).toMatch(/^expected run time: about .+ on wasm \(/);
    for (const phase of ['training', 'evaluation', 'diagnostics'])
      expect(r.out.some((l) => l.startsWith(`  ${phase}: `))).toBe(true);
    expect(r.out.find((l) => l.startsWith('  searchStep: '))).toMatch(/ x 2400$/); // 300 epochs of 8 steps (240 points at batch 32)
  }, 60_000);
});
