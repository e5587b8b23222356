/**
 * Fuzzing the upload parsers: 10,000 mutated CSVs and zips (truncated, bit-flipped, spliced, ragged,
 * oversized, nested, zip bombs), each of which must give a well-formed dataset or a described
 * problem: never an exception, never the parser's internal-error message.
 */
import { deflateSync, strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../../random';
import { parseUpload } from './parse';
import type { Parsed, UploadedExamples } from './types';
import { blobsCsv, classFolderZip, grayPng, rgbJpeg } from './upload.testkit';

/** One random mutation of `bytes`. */
function mutate(bytes: Uint8Array, rng: Rng): Uint8Array {
  const out = new Uint8Array(bytes);
  const at = rng.int(Math.max(1, out.length));
  switch (rng.int(7)) {
    case 0:
      return out.subarray(0, at);
    case 1: {
      for (let i = 0; i < 1 + rng.int(8); i++) {
        const j = rng.int(Math.max(1, out.length));
        out[j] = (out[j] ?? 0) ^ (1 << rng.int(8));
      }
      return out;
    }
    case 2: {
      const len = rng.int(64);
      const joined = new Uint8Array(out.length + len);
      joined.set(out.subarray(0, at));
      for (let i = 0; i < len; i++) joined[at + i] = rng.int(256);
      joined.set(out.subarray(at), at + len);
      return joined;
    }
    case 3:
      return new Uint8Array([...out.subarray(0, at), ...out.subarray(at + 1 + rng.int(32))]);
    case 4: {
      const from = rng.int(Math.max(1, out.length));
      const piece = out.subarray(from, from + 1 + rng.int(200));
      return new Uint8Array([...out.subarray(0, at), ...piece, ...out.subarray(at)]);
    }
    case 5:
      out[at] = [0x2c, 0x0a, 0x22, 0x3b, 0x00, 0x50, 0x4b][rng.int(7)] ?? 0;
      return out;
    default:
      for (let i = 0; i < 1 + rng.int(4); i++) out[rng.int(Math.max(1, out.length))] = rng.int(256);
      return out;
  }
}

/** A CSV edited line by line: fields dropped or added (ragged), cells replaced by text or huge numbers, labels collapsed. */
function raggedCsv(rng: Rng): Uint8Array {
  const lines = new TextDecoder().decode(blobsCsv(20 + rng.int(40))).split('\n');
  for (let k = 0; k < 1 + rng.int(3); k++) {
    const i = rng.int(lines.length);
    const cells = (lines[i] ?? '').split(',');
    const what = rng.int(5);
    if (what === 0) cells.pop();
    else if (what === 1) cells.push('extra');
    else if (what === 2)
      cells[rng.int(cells.length)] = ['abc', '1e999', '', '"', 'NaN'][rng.int(5)] ?? '';
    else if (what === 3)
      for (let j = 1; j < lines.length; j++) lines[j] = (lines[j] ?? '').replace(/right$/, 'left');
    else cells.splice(rng.int(cells.length), 0, ',,');
    lines[i] = cells.join(',');
  }
  return strToU8(lines.join(rng.int(2) === 0 ? '\n' : '\r\n'));
}

/** A zip entry whose local header declares `declared` bytes for `actual` inflated ones. */
function bomb(actual: number, declared: number): Uint8Array {
  const name = strToU8('a/b.png');
  const data = deflateSync(new Uint8Array(actual));
  const head = new Uint8Array(30 + name.length);
  const v = new DataView(head.buffer);
  v.setUint32(0, 0x04034b50, true);
  v.setUint16(8, 8, true);
  v.setUint32(18, data.length, true);
  v.setUint32(22, declared, true);
  v.setUint16(26, name.length, true);
  head.set(name, 30);
  return new Uint8Array([...head, ...data]);
}

/** Inflation caps lowered to 256 KiB a file and 1 MiB in all, so a bomb is caught after a few chunks rather than 20 MiB. */
const CAPS = { entryBytes: 256 * 1024, inflatedBytes: 1024 * 1024 };

/** Seeds of the zip mutations: class folders, mixed formats, nested archives, bombs. */
function zipSeeds(): Uint8Array[] {
  return [
    classFolderZip(3),
    zipSync({ 'r/a.jpg': rgbJpeg(6, 5, 200, 0, 0), 'g/b.jpg': rgbJpeg(5, 6, 0, 200, 0) }),
    zipSync({ 'cat_1.png': grayPng(5, 5, 10), 'dog_1.png': grayPng(6, 4, 250, true) }),
    zipSync({ 'a/x.png': grayPng(4, 4, 1), 'b/inner.zip': classFolderZip(1) }),
    zipSync({ 'a/x.png': grayPng(4, 4, 1), 'b/y.png': grayPng(4, 4, 9) }, { level: 0 }),
    bomb(300 * 1024, 100),
    bomb(1000, 400 * 1024 * 1024),
  ];
}

/** Asserts a parse result is a consistent dataset or a described (not internal) problem. */
function expectWellFormed(r: Parsed<{ examples: UploadedExamples }>): void {
  if (!r.ok) {
    expect(r.problem.length).toBeGreaterThan(10);
    expect(r.problem).not.toMatch(/could not be read \(/);
    return;
  }
  const { x, y, count, input, classNames } = r.value.examples;
  const width =
    input.kind === 'vector' ? input.features : input.height * input.width * input.channels;
  expect(x.length).toBe(count * width);
  expect(y.length).toBe(count);
  expect(classNames.length).toBeGreaterThanOrEqual(2);
  for (const c of y) expect(c >= 0 && c < classNames.length).toBe(true);
  for (const v of x) expect(Number.isFinite(v)).toBe(true);
}

describe('upload fuzzing', () => {
  it('gives 10,000 mutated CSVs and zips a dataset or a described problem, never an exception', async () => {
    const rng = createRng(20261207);
    const csvSeeds = [blobsCsv(30), strToU8('a;b;label\n1;2;x\n3;4;y\n"5";6;x\n')];
    const zips = zipSeeds();
    let refusedCount = 0;
    for (let i = 0; i < 10_000; i++) {
      const kind = i % 4;
      let bytes: Uint8Array;
      let name: string;
      if (kind === 0) {
        bytes = mutate(csvSeeds[rng.int(csvSeeds.length)] ?? new Uint8Array(), rng);
        name = 'data.csv';
      } else if (kind === 1) {
        bytes = raggedCsv(rng);
        name = 'data.csv';
      } else {
        const seed = zips[rng.int(zips.length)] ?? new Uint8Array();
        bytes = kind === 2 ? mutate(seed, rng) : mutate(mutate(seed, rng), rng);
        name = 'images.zip';
      }
      const choices =
        name === 'images.zip'
          ? { side: 7, channels: rng.int(2) === 0 ? (1 as const) : (3 as const) }
          : {};
      const r = await parseUpload({ name, bytes }, choices, CAPS);
      expectWellFormed(r);
      if (!r.ok) refusedCount += 1;
    }
    // Both outcomes occur: the mutations neither all break nor all spare the files.
    expect(refusedCount).toBeGreaterThan(1000);
    expect(refusedCount).toBeLessThan(10_000);
  }, 120_000);

  it('refuses files far over the caps before reading them', async () => {
    const huge = new Uint8Array(60 * 1024 * 1024);
    huge.set([0x50, 0x4b, 3, 4]);
    const r = await parseUpload({ name: 'big.zip', bytes: huge });
    expect(r.ok ? '' : r.problem).toMatch(/60\.0 MiB; zip files are read up to 50 MiB/);
  });
});
