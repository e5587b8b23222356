import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseUpload, type ParsedUpload } from './parse';
import { PREVIEW_IMAGES_PER_CLASS, PREVIEW_ROWS, previewOf } from './preview';
import { blobsCsv, classFolderZip } from './upload.testkit';

/** The parsed upload, failing the test with the problem when it was refused. */
async function ok(name: string, bytes: Uint8Array, choices = {}): Promise<ParsedUpload> {
  const r = await parseUpload({ name, bytes }, choices);
  if (!r.ok) throw new Error(r.problem);
  return r.value;
}

describe('upload preview', () => {
  it('a 2-feature table gives class counts, every point of the scatter and the first rows', async () => {
    const p = previewOf(await ok('blobs.csv', blobsCsv(60)));
    expect(p.classNames).toEqual(['left', 'right']);
    expect(p.counts).toEqual([30, 30]);
    expect(p.points).toHaveLength(60);
    expect(p.rows).toHaveLength(PREVIEW_ROWS);
    expect(p.rows[1]?.label).toBe('right');
    expect(p.images).toEqual([]);
  });

  it('a table of 3 features gives rows and no scatter', async () => {
    const p = previewOf(await ok('t.csv', strToU8('a,b,c,l\n1,2,3,x\n4,5,6,y\n')));
    expect(p.points).toEqual([]);
    expect(p.features).toEqual(['a', 'b', 'c']);
    expect(p.rows.map((r) => r.values)).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
  });

  it('images give a few examples per class with their pixels', async () => {
    const p = previewOf(await ok('s.zip', classFolderZip(6), { side: 7 }));
    expect(p.counts).toEqual([6, 6]);
    expect(p.images).toHaveLength(2 * PREVIEW_IMAGES_PER_CLASS);
    expect(p.images.every((i) => i.pixels.length === 49)).toBe(true);
    expect(p.images.filter((i) => i.c === 1)).toHaveLength(PREVIEW_IMAGES_PER_CLASS);
  });
});
