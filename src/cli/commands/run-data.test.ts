import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { encode as encodePng } from 'fast-png';
import { describe, expect, it } from 'vitest';
import { examplesOfUpload, parseUpload } from '../../core/data/upload/parse';
import { parseRunFile } from '../../core/export/run-file';
import { encodeLink } from '../../core/link';
import { parseArgs } from '../args';
import { memoryIo } from '../io';
import { runRun } from './run';

const dir = mkdtempSync(join(tmpdir(), 'nas-run-data-'));

/** Two separable blobs: features a, b, a text column, and the label last. */
function writeCsv(name: string, rows: number): string {
  const lines = ['a,b,note,kind'];
  for (let i = 0; i < rows; i++) {
    const cls = i % 2;
    lines.push(
      `${cls * 3 + Math.sin(i) * 0.3},${Math.cos(i * 7) * 0.3},r${i},${cls === 0 ? 'cat' : 'dog'}`,
    );
  }
  writeFileSync(join(dir, name), `${lines.join('\n')}\n`);
  return name;
}

/** A zip of two class folders of small PNGs: dark squares and bright squares of varied sizes. */
function writeZip(name: string, perClass: number): string {
  const files: Record<string, Uint8Array> = {};
  for (let i = 0; i < perClass; i++) {
    for (const [cls, value] of [
      ['dark', 20],
      ['bright', 230],
    ] as const) {
      const side = 8 + (i % 5);
      const data = new Uint8Array(side * side).map((_, p) => value + ((p * 7 + i) % 20));
      files[`set/${cls}/${i}.png`] = encodePng({
        width: side,
        height: side,
        data,
        depth: 8,
        channels: 1,
      });
    }
  }
  writeFileSync(join(dir, name), zipSync(files));
  return name;
}

const run = async (argv: string) => {
  const io = memoryIo(dir);
  const code = await runRun(parseArgs(['run', ...argv.split(' ').filter(Boolean)]), io);
  return { code, io };
};

/** The run file at `name`, failing the test when it does not read. */
function runFile(name: string) {
  const read = parseRunFile(readFileSync(join(dir, name), 'utf8'));
  if (!read.ok) throw new Error(read.problems.join(' '));
  return read.run;
}

describe('cli run --data', () => {
  it('runs DARTS on a CSV with the teaching preset and writes a run file', async () => {
    const csv = writeCsv('blobs.csv', 120);
    const { code, io } = await run(`--data ${csv} --epochs 3 --out csv-run.json`);
    expect(io.stderr.at(-1)).toBe('Wrote csv-run.json (run finished).');
    expect(code).toBe(0);
    const r = runFile('csv-run.json');
    expect(r.status).toBe('finished');
    expect(r.spec.dataset).toMatchObject({
      id: 'upload',
      upload: {
        kind: 'table',
        name: 'blobs.csv',
        label: 'kind',
        features: ['a', 'b'],
        rows: 120,
        classes: 2,
      },
    });
    expect(r.result?.genotype.normal.edges.length).toBeGreaterThan(0);
  });

  it('runs SPOS on an image zip with the side and RGB asked for', async () => {
    const zip = writeZip('shapes.zip', 12);
    const { code, io } = await run(
      `--data ${zip} --strategy spos --image-size 8 --rgb --epochs 1 --out zip-run.json`,
    );
    expect(io.stderr.at(-1)).toBe('Wrote zip-run.json (run finished).');
    expect(code).toBe(0);
    const r = runFile('zip-run.json');
    expect(r.spec.space.preset).toBe('nb201');
    expect(r.spec.dataset.upload).toMatchObject({ kind: 'images', side: 8, channels: 3, rows: 24 });
    expect(r.subnets.length).toBeGreaterThan(0);
  });

  it('records the dataset the page reads from the same file with the same choices', async () => {
    // The page's upload worker and its engine worker call parseUpload / examplesOfUpload, as the CLI does.
    const zip = writeZip('agree.zip', 6);
    const { code } = await run(`--data ${zip} --image-size 10 --epochs 1 --out agree-run.json`);
    expect(code).toBe(0);
    const bytes = new Uint8Array(readFileSync(join(dir, zip)));
    const page = await parseUpload({ name: zip, bytes }, { side: 10 });
    if (!page.ok) throw new Error(page.problem);
    expect(runFile('agree-run.json').spec.dataset.upload).toEqual(page.value.spec);
    const again = await examplesOfUpload(page.value.spec, bytes);
    if (!again.ok) throw new Error(again.problem);
    expect(again.value).toEqual(page.value.examples);
  });

  it('runs a link to an uploaded dataset with the right file, and refuses another file', async () => {
    const csv = writeCsv('link.csv', 100);
    await run(`--data ${csv} --epochs 2 --out first.json`);
    const spec = runFile('first.json').spec;
    const link = `http://127.0.0.1:5173/${encodeLink({ spec })}`;
    const again = await run(`--spec ${link} --data ${csv} --out again.json`);
    expect(again.code).toBe(0);
    expect(runFile('again.json').spec.dataset.upload?.hash).toBe(spec.dataset.upload?.hash);
    const other = writeCsv('other.csv', 102);
    const refused = await run(`--spec ${link} --data ${other} --out never.json`);
    expect(refused.code).toBe(2);
    expect(refused.io.stderr[0]).toMatch(
      /other\.csv: This file is not link\.csv: its content hash/,
    );
    const missing = await run(`--spec ${link} --out never.json`);
    expect(missing.code).toBe(2);
    expect(missing.io.stderr[0]).toMatch(/give it with --data/);
    expect(existsSync(join(dir, 'never.json'))).toBe(false);
  });

  it('refuses bad files and flags with exit code 2 and the message, writing nothing', async () => {
    writeFileSync(join(dir, 'ragged.csv'), 'a,b,c\n1,2,x\n3,4\n');
    writeFileSync(join(dir, 'one.csv'), 'a,b\n1,x\n2,x\n');
    writeFileSync(join(dir, 'binary.csv'), new Uint8Array([1, 0, 2, 3]));
    writeFileSync(
      join(dir, 'notes.zip'),
      zipSync({ 'a/x.txt': strToU8('hi'), 'b/y.txt': strToU8('yo') }),
    );
    writeCsv('ok.csv', 60);
    writeZip('ok.zip', 4);
    const cases: [string, RegExp][] = [
      ['--data ragged.csv', /Data row 2 of ragged\.csv has 2 fields; the header has 3/],
      ['--data one.csv', /single class/],
      ['--data binary.csv', /binary data/],
      ['--data notes.zip', /a\/x\.txt is not a PNG or JPEG image/],
      ['--data missing.csv', /Cannot read missing\.csv: no such file/],
      ['--data ok.csv --label nope', /no column "nope"/],
      ['--data ok.csv --space nb201', /nb201 preset runs on images/],
      ['--data ok.zip --image-size 99', /from 7 to 32/],
      ['--data ok.csv --dataset spiral', /either --dataset .* or --data/],
      ['--space teaching --dataset spiral --strategy darts --rgb', /--rgb is only for --data/],
    ];
    for (const [argv, pattern] of cases) {
      const { code, io } = await run(`${argv} --out bad.json`);
      expect(code, argv).toBe(2);
      expect(io.stderr[0], argv).toMatch(pattern);
    }
    expect(existsSync(join(dir, 'bad.json'))).toBe(false);
  });
});
