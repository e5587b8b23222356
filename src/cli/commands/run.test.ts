import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultExperiment } from '../../core/experiment/defaults';
import { parseRunFile } from '../../core/export/run-file';
import { encodeLink } from '../../core/link';
import { parseArgs } from '../args';
import { memoryIo } from '../io';
import { runRun } from './run';

const dir = mkdtempSync(join(tmpdir(), 'nas-run-cli-'));

/** A small teaching experiment on the spiral, written as a spec file; returns its name. */
function specFile(name: string, epochs: number): string {
  const spec = defaultExperiment('teaching', 'spiral', 4);
  const small = {
    ...spec,
    dataset: { ...spec.dataset, samples: 200 },
    strategy: { ...spec.strategy, epochs },
  };
  writeFileSync(join(dir, name), JSON.stringify(small));
  return name;
}

const run = async (argv: string) => {
  const io = memoryIo(dir);
  const code = await runRun(parseArgs(['run', ...argv.split(' ').filter(Boolean)]), io);
  return { code, io };
};

describe('cli run', () => {
  it('runs a spec file headless, prints progress to stderr and writes a run file the studio reads', async () => {
    const { code, io } = await run(`--spec ${specFile('tiny.json', 3)} --out tiny-run.json`);
    expect(code).toBe(0);
    expect(io.stdout).toEqual([]);
    expect(io.stderr.some((l) => l.startsWith('started:'))).toBe(true);
    expect(io.stderr.some((l) => l.startsWith('finished after'))).toBe(true);
    expect(io.stderr.at(-1)).toBe('Wrote tiny-run.json (run finished).');
    const read = parseRunFile(readFileSync(join(dir, 'tiny-run.json'), 'utf8'));
    if (!read.ok) throw new Error(read.problems.join(' '));
    expect(read.run.status).toBe('finished');
    expect(read.run.result?.genotype.normal.edges.length).toBeGreaterThan(0);
    expect(read.run.diagnostics.map((d) => d.epoch)).toEqual([1, 2, 3]);
    expect(read.run.subnets.map((s) => s.origin)).toEqual(['derived']);
    expect(read.run.series.steps.length).toBeGreaterThan(0);
  });

  it('takes an experiment link and applies --seed and --epochs', async () => {
    const spec = JSON.parse(readFileSync(join(dir, specFile('link.json', 5)), 'utf8'));
    const link = `http://127.0.0.1:5173/${encodeLink({ spec })}`;
    const { code } = await run(`--spec ${link} --seed 9 --epochs 1 --out link-run.json`);
    expect(code).toBe(0);
    const read = parseRunFile(readFileSync(join(dir, 'link-run.json'), 'utf8'));
    expect(read.ok && read.run.spec.seed).toBe(9);
    expect(read.ok && read.run.spec.strategy.epochs).toBe(1);
  });

  it('refuses bad flags and bad experiments with exit code 2 and a plain message, writing nothing', async () => {
    const cases: [string, RegExp][] = [
      ['--space teaching --dataset spiral --strategy darts', /needs --out/],
      ['--out x.json', /Say what to run/],
      ['--space teaching --dataset mnist --strategy darts --out x.json', /runs on spiral/],
      [
        '--space teaching --dataset spiral --strategy magic --out x.json',
        /Unknown strategy "magic"/,
      ],
      ['--space nope --dataset spiral --strategy darts --out x.json', /Unknown preset "nope"/],
      [
        '--space teaching --dataset spiral --strategy darts --seed -1 --out x.json',
        /--seed must be a whole number/,
      ],
      [
        '--space teaching --dataset spiral --strategy darts --epochs 0 --out x.json',
        /--epochs must be a whole number of at least 1/,
      ],
      [
        '--space teaching --dataset spiral --strategy darts --backend webgl --out x.json',
        /--backend must be wasm or cpu/,
      ],
      [
        '--space teaching --dataset spiral --strategy darts --colour red --out x.json',
        /Unknown option --colour/,
      ],
      ['--spec missing.json --out x.json', /Cannot read missing.json: no such file/],
      ['--spec tiny.json --space teaching --out x.json', /not both/],
      ['--spec #x=3.this-is-not-a-link --out x.json', /experiment link cannot be read/],
      ['--space teaching --dataset spiral --strategy darts --epochs 501 --out x.json', /Epochs/],
      [
        '--space teaching --dataset spiral --strategy darts --warmup-proxy synflow --out x.json',
        /--warmup-proxy and --warmup-pool apply to multi-trial evolution; this experiment runs darts/,
      ],
      [
        '--space teaching --dataset spiral --strategy multi-trial --warmup-proxy fast --out x.json',
        /--warmup-proxy must be none or one of synflow/,
      ],
      [
        '--space teaching --dataset spiral --strategy multi-trial --warmup-proxy snip --warmup-pool 2 --out x.json',
        /strategy.warmupPool: The warm-up pool \(2\) must hold at least the population/,
      ],
    ];
    for (const [argv, message] of cases) {
      const { code, io } = await run(argv);
      expect(code, argv).toBe(2);
      expect(io.stderr.join('\n'), argv).toMatch(message);
    }
    expect(() => readFileSync(join(dir, 'x.json'))).toThrow();
  });
});
