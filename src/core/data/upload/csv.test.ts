import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseUpload, type ParsedUpload } from './parse';
import { blobsCsv } from './upload.testkit';

const csv = (text: string): Uint8Array => strToU8(text);

/** The parsed upload, failing the test with the problem when it was refused. */
async function ok(bytes: Uint8Array, choices = {}): Promise<ParsedUpload> {
  const r = await parseUpload({ name: 'data.csv', bytes }, choices);
  if (!r.ok) throw new Error(r.problem);
  return r.value;
}

/** The problem of a refused upload. */
async function problem(bytes: Uint8Array, choices = {}): Promise<string> {
  const r = await parseUpload({ name: 'data.csv', bytes }, choices);
  if (r.ok) throw new Error('expected a problem');
  return r.problem;
}

describe('CSV uploads', () => {
  it('takes the last column as the label and every other numeric column as a feature', async () => {
    const u = await ok(blobsCsv(60));
    expect(u.spec).toMatchObject({
      kind: 'table',
      label: 'side',
      features: ['x', 'y'],
      standardize: true,
      classes: 2,
      rows: 60,
    });
    expect(u.examples.input).toEqual({ kind: 'vector', features: 2 });
    expect(u.examples.classNames).toEqual(['left', 'right']);
    expect(u.examples.y[0]).toBe(0);
    expect(u.examples.y[1]).toBe(1);
    expect(u.spec.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(u.columns?.find((c) => c.name === 'note')?.numeric).toBe(false);
  });

  it('honours a chosen label and feature columns', async () => {
    const u = await ok(csv('a,b,c\n1,2,x\n3,4,y\n5,6,x\n'), { label: 'a', features: ['b'] });
    expect(u.spec).toMatchObject({ label: 'a', features: ['b'], classes: 3 });
    expect(Array.from(u.examples.x)).toEqual([2, 4, 6]);
    expect(u.examples.classNames).toEqual(['1', '3', '5']);
  });

  it('sorts numeric labels by value and text labels by code unit', async () => {
    const u = await ok(csv('f,label\n1,10\n2,9\n3,2\n'));
    expect(u.examples.classNames).toEqual(['2', '9', '10']);
    expect(Array.from(u.examples.y)).toEqual([2, 1, 0]);
    const t = await ok(csv('f,label\n1,b\n2,B\n3,a\n'));
    expect(t.examples.classNames).toEqual(['B', 'a', 'b']);
  });

  it('reads semicolons, quotes, a byte-order mark and blank lines', async () => {
    const u = await ok(csv('\uFEFF"x";"label"\n1,5;"a"\n\n2;"b"\n'), { features: ['x'] }).catch(
      () => null,
    );
    // "1,5" with a semicolon separator is not a number: the file is refused with that cell named.
    expect(u).toBeNull();
    const v = await ok(csv('\uFEFF"x";"label"\n1.5;"a"\n\n2;"b"\n'));
    expect(v.spec).toMatchObject({ features: ['x'], rows: 2 });
  });

  it('gives the same hash for the same bytes and another for other bytes', async () => {
    const a = await ok(blobsCsv(60));
    const b = await ok(blobsCsv(60));
    const c = await ok(blobsCsv(62));
    expect(a.spec.hash).toBe(b.spec.hash);
    expect(c.spec.hash).not.toBe(a.spec.hash);
  });

  it.each([
    ['binary data', new Uint8Array([0x50, 0, 1, 2]), /binary/],
    ['not UTF-8', new Uint8Array([0x61, 0x2c, 0x62, 0x0a, 0xff, 0xfe, 0x2c, 0x31]), /not UTF-8/],
    ['a single column', csv('a\n1\n2\n'), /single column/],
    ['ragged rows', csv('a,b,c\n1,2,x\n3,4\n'), /Data row 2 .* 2 fields; the header has 3/],
    ['no data rows', csv('a,b\n'), /no data rows/],
    ['a single class', csv('a,b\n1,x\n2,x\n'), /single class/],
    ['duplicate column names', csv('a,a,b\n1,2,x\n'), /two columns named "a"/],
    ['a missing value', csv('a,b,c\n1,2,x\n,4,y\n'), /Data row 2, column "a" is empty/],
    ['no numeric feature', csv('a,b\nx,y\nz,w\n'), /No feature columns/],
    ['an empty file', new Uint8Array(0), /empty/],
    ['a float32 overflow', csv('a,b\n1e39,x\n1,y\n'), /too large/],
  ])('refuses %s with a plain message', async (_, bytes, pattern) => {
    expect(await problem(bytes)).toMatch(pattern);
  });

  it('refuses a chosen feature column holding text, naming the cell', async () => {
    expect(await problem(csv('a,b,c\n1,2,x\n3,oops,y\n'), { features: ['a', 'b'] })).toMatch(
      /Data row 2, column "b" holds "oops", not a number/,
    );
  });

  it('refuses the label as a feature and unknown columns', async () => {
    expect(await problem(blobsCsv(10), { features: ['x', 'side'] })).toMatch(/label column/);
    expect(await problem(blobsCsv(10), { label: 'nope' })).toMatch(/no column "nope"/);
  });

  it('refuses too many classes, rows and oversized files', async () => {
    const many = ['f,label', ...Array.from({ length: 150 }, (_, i) => `${i},c${i}`)].join('\n');
    expect(await problem(csv(many))).toMatch(/150 distinct labels; at most 100/);
    const rows = ['f,label', ...Array.from({ length: 50_001 }, (_, i) => `${i},${i % 2}`)];
    expect(await problem(csv(rows.join('\n')))).toMatch(/more than 50,000 data rows/);
    expect(await problem(new Uint8Array(21 * 1024 * 1024).fill(0x31))).toMatch(/MiB; CSV files/);
  });
});
