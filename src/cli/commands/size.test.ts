import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultExperiment } from '../../core/experiment/defaults';
import { presetSpace } from '../../core/search-space/presets';
import { parseArgs } from '../args';
import { memoryIo } from '../io';
import { runSize } from './size';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nas-size-'));
  const teaching = defaultExperiment('teaching', 'spiral');
  const nb = presetSpace('nb201');
  const cyclic = {
    ...nb,
    normal: {
      ...nb.normal,
      edges: [...nb.normal.edges, { id: 'back', from: 'n3', to: 'n1', ops: ['skip_connect'] }],
    },
  };
  const files: Record<string, string> = {
    'experiment.json': JSON.stringify(teaching),
    'darts-space.json': JSON.stringify(presetSpace('darts')),
    'cyclic.json': JSON.stringify(cyclic),
    'bad-experiment.json': JSON.stringify({
      ...teaching,
      strategy: { ...teaching.strategy, weightLr: -0.1 },
    }),
    'wrong-shape.json': JSON.stringify({ preset: null, normal: { inputs: 'n0' }, macro: {} }),
    'array.json': '[1, 2]',
    'broken.json': '{"space": ',
  };
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
});

/** Runs `size` with argv and returns the exit code and captured lines. */
async function size(...argv: string[]) {
  const io = memoryIo(dir);
  const code = await runSize(parseArgs(['size', ...argv]), io);
  return { code, out: io.stdout, err: io.stderr };
}

describe('size command', () => {
  it('prints the exact count of a preset, with an approximation past a million', async () => {
    expect(await size('--space', 'nb201')).toEqual({ code: 0, out: ['15625'], err: [] });
    expect(await size('--space', 'darts')).toEqual({
      code: 0,
      out: ['1076746950455072400 (≈1.08e+18)'],
      err: [],
    });
  });

  it('reads experiment specs and bare spaces from JSON files, relative to the working directory', async () => {
    expect((await size('--space', 'experiment.json')).out).toEqual(['15625']);
    expect((await size('--space', join(dir, 'darts-space.json'))).out).toEqual([
      '1076746950455072400 (≈1.08e+18)',
    ]);
  });

  it('rejects a missing option and an unknown preset', async () => {
    const missing = await size();
    expect(missing.code).toBe(2);
    expect(missing.err[0]).toContain('needs --space');
    expect(await size('--space', 'enas')).toEqual({
      code: 2,
      out: [],
      err: [
        'Unknown preset "enas"; known presets are nb201, darts, teaching (or give the path of a .json file).',
      ],
    });
  });

  it('explains unreadable, non-JSON and misshapen files', async () => {
    expect((await size('--space', 'nope.json')).err).toEqual([
      'Cannot read nope.json: no such file.',
    ]);
    const broken = await size('--space', 'broken.json');
    expect(broken.code).toBe(2);
    expect(broken.err[0]).toMatch(/^broken\.json is not valid JSON: /);
    const array = await size('--space', 'array.json');
    expect(array.err).toEqual([
      'array.json is not an experiment spec or a search space:',
      '  The file must hold a JSON object: an experiment spec or a search space.',
    ]);
    const shape = await size('--space', 'wrong-shape.json');
    expect(shape.code).toBe(2);
    expect(shape.err).toContain('  normal.inputs: Invalid input: expected array, received string.');
    expect(shape.out).toEqual([]);
  });

  it('prints every validation problem and exits 2', async () => {
    const cyclic = await size('--space', 'cyclic.json');
    expect(cyclic.code).toBe(2);
    expect(cyclic.err[0]).toMatch(/^cyclic\.json has \d+ problems?:$/);
    expect(cyclic.err).toContain(
      '  space.normal.edges.e2: Edges n1 → n2 → n3 → n1 form a cycle; a cell must be acyclic.',
    );
    const bad = await size('--space', 'bad-experiment.json');
    expect(bad.err).toEqual([
      'bad-experiment.json has 1 problem:',
      '  strategy.weightLr: Weight learning rate must be greater than 0 (got -0.1).',
    ]);
  });

  it('runs from the command line', async () => {
    const { stdout } = await promisify(execFile)(
      'npx',
      ['tsx', 'src/cli/main.ts', 'size', '--space', 'nb201'],
      { timeout: 60_000 },
    );
    expect(stdout).toBe('15625\n');
  });
});
