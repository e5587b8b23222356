import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRunFile } from '../../core/export/run-file';
import { decodeLink, encodeLink } from '../../core/link';
import { parseArgs } from '../args';
import { memoryIo } from '../io';
import { runRun } from './run';

const dir = mkdtempSync(join(tmpdir(), 'nas-run-gdas-'));

describe('cli run --strategy gdas', () => {
  it('runs GDAS headless and writes a run file whose spec a link carries unchanged', async () => {
    const io = memoryIo(dir);
    const argv = '--space teaching --dataset spiral --strategy gdas --epochs 2 --out gdas.json';
    const code = await runRun(parseArgs(['run', ...argv.split(' ')]), io);
    expect(code).toBe(0);
    expect(io.stderr.at(-1)).toBe('Wrote gdas.json (run finished).');
    const read = parseRunFile(readFileSync(join(dir, 'gdas.json'), 'utf8'));
    if (!read.ok) throw new Error(read.problems.join(' '));
    expect(read.run.status).toBe('finished');
    expect(read.run.spec.strategy).toMatchObject({ kind: 'gdas', tauMax: 10, tauMin: 0.1 });
    expect(read.run.diagnostics.map((d) => d.epoch)).toEqual([1, 2]);
    expect(read.run.subnets.map((s) => s.origin)).toEqual(['derived']);
    expect(read.run.result?.genotype.normal.edges.length).toBeGreaterThan(0);
    const link = decodeLink(encodeLink({ spec: read.run.spec }));
    expect(link.ok && link.payload.spec).toEqual(read.run.spec);
  });
});
