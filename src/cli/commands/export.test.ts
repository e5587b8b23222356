import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultExperiment } from '../../core/experiment/defaults';
import { runFileOf, serializeRunFile } from '../../core/export/run-file';
import { encodeLink } from '../../core/link';
import { createRng } from '../../core/random';
import { emptySeries } from '../../core/series/downsample';
import { sampleGenotype } from '../../core/strategies/sample';
import { parseArgs } from '../args';
import { memoryIo } from '../io';
import { runExport } from './export';

const dir = mkdtempSync(join(tmpdir(), 'nas-export-cli-'));
const metrics = {
  trainAcc: 0.9,
  validAcc: 0.8,
  testAcc: 0.7,
  trainLoss: 0.3,
  validLoss: 0.5,
  testLoss: 0.6,
};

/** Writes a run file of the browser default `preset` experiment, finished or not, and returns its name. */
function runFile(preset: 'nb201' | 'darts', finished: boolean): string {
  const spec = defaultExperiment(preset, 'mnist');
  const genotype = sampleGenotype(spec.space, createRng(3));
  const file = runFileOf(
    {
      spec,
      status: finished ? 'finished' : 'stopped',
      result: finished ? { genotype, metrics } : null,
      subnets: [],
      steps: emptySeries(),
      evals: emptySeries(),
    },
    { exportedAt: '2024-05-01T10:00:00.000Z' },
  );
  const name = `${preset}-${finished ? 'done' : 'stopped'}.json`;
  writeFileSync(join(dir, name), serializeRunFile(file));
  return name;
}

async function exportCli(...argv: string[]) {
  const io = memoryIo(dir);
  const code = await runExport(parseArgs(['export', ...argv]), io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

describe('export command', () => {
  it('prints the run file back as JSON', async () => {
    const name = runFile('nb201', true);
    const r = await exportCli('--format', 'json', '--from', name);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual(JSON.parse(readFileSync(join(dir, name), 'utf8')));
  });

  it('prints the DARTS genotype string and the NB201 string of a finished NB201 run', async () => {
    const name = runFile('nb201', true);
    const g = await exportCli('--format', 'genotype', '--from', name);
    expect(g.code).toBe(0);
    expect(g.out).toMatch(/^Genotype\(normal=\[\(/);
    const n = await exportCli('--format', 'nb201', '--from', name);
    expect(n.code).toBe(0);
    expect(n.out).toMatch(/^\|[a-z_0-9]+~0\|\+/);
  });

  it('writes a PyTorch file with --out', async () => {
    const name = runFile('darts', true);
    const r = await exportCli('--format', 'pytorch', '--from', name, '--out', 'net.py');
    expect(r).toMatchObject({ code: 0, out: '' });
    const source = readFileSync(join(dir, 'net.py'), 'utf8');
    expect(source).toContain('class Network(nn.Module):');
    expect(source).toContain('if __name__ == "__main__":');
  });

  it('reads an experiment link with a finished run', async () => {
    const spec = defaultExperiment('nb201', 'mnist');
    const genotype = sampleGenotype(spec.space, createRng(5));
    const link = encodeLink({
      spec,
      summary: {
        genotype,
        validAcc: 0.8,
        testAcc: 0.7,
        strategy: 'darts',
        steps: 10,
        finishedAt: null,
      },
    });
    const r = await exportCli('--format', 'genotype', '--from', `http://127.0.0.1:5173/${link}`);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Genotype\(/);
  });

  it('refuses a genotype or PyTorch export from a link without a finished run', async () => {
    const link = encodeLink({ spec: defaultExperiment('nb201', 'mnist') });
    for (const format of ['genotype', 'pytorch']) {
      const r = await exportCli('--format', format, '--from', link);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/no finished run/);
    }
  });

  it('refuses a link whose experiment does not validate yet, naming its problems', async () => {
    const spec = defaultExperiment('nb201', 'mnist');
    const link = encodeLink({
      spec: { ...spec, strategy: { ...spec.strategy, epochs: Number.NaN } },
      drafts: { 'strategy.epochs': 'abc' },
    });
    const r = await exportCli('--format', 'json', '--from', link);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/does not validate yet: Epochs must be/);
  });

  it('refuses a run that did not finish, a bad file and a missing file', async () => {
    const stopped = await exportCli('--format', 'pytorch', '--from', runFile('nb201', false));
    expect(stopped).toMatchObject({ code: 2 });
    expect(stopped.err).toMatch(/did not finish/);
    writeFileSync(join(dir, 'bad.json'), '{"format": "nas-studio-run", "version": 1}');
    const bad = await exportCli('--format', 'json', '--from', 'bad.json');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/not a usable run file/);
    const missing = await exportCli('--format', 'json', '--from', 'nope.json');
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/no such file/);
  });

  it('refuses nb201 for a DARTS cell, and an unknown format', async () => {
    const r = await exportCli('--format', 'nb201', '--from', runFile('darts', true));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/NAS-Bench-201 string needs a cell with one input/);
    const u = await exportCli('--format', 'onnx', '--from', 'x.json');
    expect(u.code).toBe(2);
    expect(u.err).toMatch(/Unknown format "onnx"/);
  });
});
