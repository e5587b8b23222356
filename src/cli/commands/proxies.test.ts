import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { subnetCost } from '../../core/cost/network-cost';
import { datasetInput } from '../../core/data/load';
import { defaultExperiment } from '../../core/experiment/defaults';
import { parseGenotype } from '../../core/search-space/genotype-parse';
import { presetSpace } from '../../core/search-space/presets';
import { parseArgs } from '../args';
import { commandHelp } from '../help';
import { memoryIo } from '../io';
import { PROXIES_HELP, runProxies } from './proxies';

/** Runs `proxies` with argv and returns the exit code and captured lines. */
async function proxies(cwd: string | undefined, ...argv: string[]) {
  const io = memoryIo(cwd);
  const code = await runProxies(parseArgs(['proxies', ...argv]), io);
  return { code, out: io.stdout, err: io.stderr };
}

const TEACHING = '|dense_relu~0|+|dense_tanh~0|dense_relu~1|+|skip_connect~0|none~1|dense_relu~2|';

describe('proxies command', () => {
  it.each([
    [['--proxy', 'synflow', '--all'], /needs --space/],
    [['--space', 'nb201', '--all'], /needs --proxy/],
    [['--space', 'nb201', '--proxy', 'magic', '--all'], /Unknown proxy "magic"/],
    [['--space', 'nb201', '--proxy', 'snip'], /exactly one of --genotype/],
    [['--space', 'nb201', '--proxy', 'snip', '--all', '--sample', '3'], /exactly one of/],
    [
      ['--space', 'nb201', '--proxy', 'snip', '--sample', 'many'],
      /--sample must be a whole number/,
    ],
    [['--space', 'nb201', '--proxy', 'snip', '--all', '--dataset', 'spiral'], /runs on mnist/],
    [['--space', 'darts', '--proxy', 'snip', '--all'], /listing every one is offered up to 20,000/],
    [['--space', 'nb201', '--proxy', 'snip', '--genotype', '|bogus~0|'], /does not fit the space/],
    [
      ['--space', 'nowhere.json', '--proxy', 'snip', '--all'],
      /Cannot read nowhere.json: no such file/,
    ],
    [
      ['--space', 'nb201', '--proxy', 'snip', '--all', '--backend', 'gpu'],
      /--backend must be wasm or cpu/,
    ],
  ])('refuses %j with exit code 2 and a plain message', async (argv, message) => {
    const r = await proxies(mkdtempSync(join(tmpdir(), 'proxies-')), ...argv);
    expect(r.code).toBe(2);
    expect(r.out).toEqual([]);
    expect(r.err.join('\n')).toMatch(message);
  });

  it('prints one JSON line per architecture with params, FLOPs and the scores', async () => {
    const r = await proxies(
      undefined,
      '--space',
      'teaching',
      '--dataset',
      'spiral',
      '--proxy',
      'synflow,snip,naswot',
      '--sample',
      '3',
      '--backend',
      'cpu',
      '--batch',
      '16',
    );
    expect(r.code).toBe(0);
    expect(r.out).toHaveLength(3);
    const spec = defaultExperiment('teaching', 'spiral');
    const { input, classes } = datasetInput(spec.dataset);
    for (const line of r.out) {
      const row = JSON.parse(line) as Record<string, number | string | null>;
      expect(Object.keys(row)).toEqual([
        'genotype',
        'params',
        'flops',
        'synflow',
        'snip',
        'naswot',
      ]);
      const g = parseGenotype(spec.space, String(row.genotype));
      if (!g.ok) throw new Error(g.error);
      const cost = subnetCost(spec.space, g.value, input, classes);
      expect([row.params, row.flops]).toEqual([cost.params, cost.flops]);
      expect(typeof row.synflow).toBe('number');
    }
    expect(r.err.at(-1)).toMatch(/scored 3\/3/);
  });

  it('reads a bare search space from a JSON file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'proxies-'));
    writeFileSync(join(dir, 'space.json'), JSON.stringify(presetSpace('teaching')));
    const missing = await proxies(dir, '--space', 'space.json', '--proxy', 'snip', '--all');
    expect(missing.code).toBe(2);
    expect(missing.err.join(' ')).toMatch(/say which data with --dataset/);
    const r = await proxies(
      dir,
      '--space',
      'space.json',
      '--dataset',
      'xor',
      '--proxy',
      'grad_norm',
      '--genotype',
      TEACHING,
      '--backend',
      'cpu',
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out[0] ?? '')).toMatchObject({ genotype: TEACHING });
  });

  it('has help with options and examples', () => {
    const text = commandHelp(PROXIES_HELP).join('\n');
    for (const flag of [
      '--space',
      '--dataset',
      '--proxy',
      '--genotype',
      '--sample',
      '--all',
      '--seed',
    ])
      expect(text).toContain(flag);
    expect(PROXIES_HELP.examples.length).toBeGreaterThan(1);
  });
});
