import { deflateSync, strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { imageLabels, labelOfFileName } from './images';
import { examplesOfUpload, packImageFiles, parseUpload, type ParsedUpload } from './parse';
import { classFolderZip, grayPng, rgbJpeg } from './upload.testkit';

/** The parsed upload, failing the test with the problem when it was refused. */
async function ok(bytes: Uint8Array, choices = {}): Promise<ParsedUpload> {
  const r = await parseUpload({ name: 'images.zip', bytes }, choices);
  if (!r.ok) throw new Error(r.problem);
  return r.value;
}

/** The problem of a refused upload. */
async function problem(bytes: Uint8Array, choices = {}): Promise<string> {
  const r = await parseUpload({ name: 'images.zip', bytes }, choices);
  if (r.ok) throw new Error('expected a problem');
  return r.problem;
}

/** A zip whose one entry declares `declared` bytes but inflates to `actual` zero bytes (a lying zip bomb). */
function lyingBomb(actual: number, declared: number): Uint8Array {
  const name = strToU8('dark/bomb.png');
  const data = deflateSync(new Uint8Array(actual));
  const header = new Uint8Array(30 + name.length);
  const v = new DataView(header.buffer);
  v.setUint32(0, 0x04034b50, true);
  v.setUint16(4, 20, true);
  v.setUint16(8, 8, true);
  v.setUint32(18, data.length, true);
  v.setUint32(22, declared, true);
  v.setUint16(26, name.length, true);
  header.set(name, 30);
  const out = new Uint8Array(header.length + data.length);
  out.set(header);
  out.set(data, header.length);
  return out;
}

describe('image uploads', () => {
  it('labels by class folder, resizes every size to one side, gray in [0, 1]', async () => {
    const u = await ok(classFolderZip(6), { side: 7 });
    expect(u.spec).toMatchObject({ kind: 'images', side: 7, channels: 1, classes: 2, rows: 12 });
    expect(u.examples.input).toEqual({ kind: 'image', height: 7, width: 7, channels: 1 });
    expect(u.examples.classNames).toEqual(['dark', 'light']);
    expect(u.examples.x.length).toBe(12 * 49);
    const first = u.examples.x[0] ?? -1;
    expect(first).toBeCloseTo(30 / 255, 4);
    expect(u.examples.x[u.examples.x.length - 1]).toBeCloseTo(220 / 255, 4);
    expect(Math.max(...u.examples.x)).toBeLessThanOrEqual(1);
  });

  it('reads JPEG as RGB when asked, and PNG with JPEG in one set', async () => {
    const zip = zipSync({
      'red/a.jpg': rgbJpeg(16, 16, 250, 10, 10),
      'red/b.jpg': rgbJpeg(20, 12, 240, 0, 0),
      'blue/a.png': grayPng(9, 9, 0),
    });
    const u = await ok(zip, { side: 8, channels: 3 });
    expect(u.examples.input).toEqual({ kind: 'image', height: 8, width: 8, channels: 3 });
    expect(u.examples.classNames).toEqual(['blue', 'red']);
    const red = u.examples.x.subarray(8 * 8 * 3, 8 * 8 * 3 + 3);
    expect(red[0]).toBeGreaterThan(0.85);
    expect(red[1]).toBeLessThan(0.15);
  });

  it('labels loose files by their names, and packs them the same way every time', () => {
    expect(labelOfFileName('cat_01.png')).toBe('cat');
    expect(labelOfFileName('dir/dog-3.jpg')).toBe('dog');
    expect(labelOfFileName('cat7.png')).toBe('cat');
    expect(labelOfFileName('42.png')).toBe('42');
    expect(imageLabels(['all/cat_1.png', 'all/dog_1.png'])).toEqual(['cat', 'dog']);
    expect(imageLabels(['cat/1.png', 'dog/1.png'])).toEqual(['cat', 'dog']);
    const files = [
      { path: 'b_1.png', bytes: grayPng(5, 5, 9) },
      { path: 'a_1.png', bytes: grayPng(5, 5, 200) },
    ];
    expect(packImageFiles(files)).toEqual(packImageFiles([...files].reverse()));
  });

  it('reads the examples of a recorded upload again only from the same bytes', async () => {
    const bytes = classFolderZip(4);
    const u = await ok(bytes, { side: 9 });
    const again = await examplesOfUpload(u.spec, bytes);
    expect(again.ok && Array.from(again.value.x)).toEqual(Array.from(u.examples.x));
    const other = await examplesOfUpload(u.spec, classFolderZip(5));
    expect(other.ok ? '' : other.problem).toMatch(/not images\.zip: its content hash/);
  });

  it.each([
    [
      'a file that is not an image',
      zipSync({ 'a/x.png': grayPng(4, 4, 1), 'b/y.txt': strToU8('hello') }),
      /b\/y\.txt is not a PNG or JPEG/,
    ],
    [
      'a nested zip',
      zipSync({
        'a/x.png': grayPng(4, 4, 1),
        'b/more.zip': zipSync({ 'c.png': grayPng(4, 4, 1) }),
      }),
      /nested archives/,
    ],
    [
      'a single class',
      zipSync({ 'a/cat_1.png': grayPng(4, 4, 1), 'a/cat_2.png': grayPng(4, 4, 2) }),
      /single class \("cat"\)/,
    ],
    ['no images', zipSync({ '.hidden': strToU8('x') }), /no image files/],
    [
      'a damaged PNG',
      zipSync({ 'a/x.png': grayPng(4, 4, 1).subarray(0, 40), 'b/y.png': grayPng(4, 4, 1) }),
      /a\/x\.png is (a damaged|a truncated) PNG/,
    ],
    ['a truncated zip', classFolderZip(6).subarray(0, 300), /truncated|damaged/],
    ['a file that is not a zip', strToU8('not a zip at all'), /not a zip archive/],
    ['a declared zip bomb', lyingBomb(1000, 300 * 1024 * 1024), /declares 300\.0 MiB/],
    [
      'an undeclared zip bomb',
      lyingBomb(30 * 1024 * 1024, 100),
      /inflates to more than 20 MiB .* zip bomb/,
    ],
  ])('refuses %s with a plain message', async (_, bytes, pattern) => {
    expect(await problem(bytes, { side: 8 })).toMatch(pattern);
  });

  it('refuses sides out of range and an oversized image', async () => {
    expect(await problem(classFolderZip(2), { side: 40 })).toMatch(/from 7 to 32/);
    const huge = zipSync({ 'a/x.png': grayPng(2100, 2100, 0), 'b/y.png': grayPng(4, 4, 1) });
    expect(await problem(huge)).toMatch(/2100x2100 pixels/);
  });
});
