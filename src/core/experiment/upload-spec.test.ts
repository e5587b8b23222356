import { describe, expect, it } from 'vitest';
import { loadDataset } from '../data/load';
import { parseUpload, examplesOfUpload } from '../data/upload/parse';
import { blobsCsv, classFolderZip } from '../data/upload/upload.testkit';
import { decodeLink, encodeLink } from '../link';
import { defaultExperiment, defaultUploadExperiment, uploadFits } from './defaults';
import { experimentSchema } from './schema';
import type { UploadSpec } from './spec';
import { validateExperiment } from './validate';

/** The record and examples of an upload, failing the test when it is refused. */
async function upload(name: string, bytes: Uint8Array, choices = {}) {
  const r = await parseUpload({ name, bytes }, choices);
  if (!r.ok) throw new Error(r.problem);
  return r.value;
}

const noMnist = (): Promise<Uint8Array> => Promise.reject(new Error('no MNIST here'));

describe('experiments on uploaded data', () => {
  it('a table on the teaching preset validates and survives a link round trip', async () => {
    const u = await upload('blobs.csv', blobsCsv(100));
    const spec = defaultUploadExperiment('teaching', u.spec);
    expect(spec.name).toBe('Teaching (dense) on blobs.csv');
    expect(spec.dataset).toMatchObject({ id: 'upload', samples: 100, upload: u.spec });
    expect(validateExperiment(spec)).toEqual([]);
    const link = decodeLink(encodeLink({ spec }));
    expect(link.ok && link.payload.spec).toEqual(spec);
  });

  it('images run on image presets only, tables on vector presets only', async () => {
    const img = await upload('shapes.zip', classFolderZip(6), { side: 8 });
    expect(uploadFits('nb201', img.spec)).toBe(true);
    expect(uploadFits('teaching', img.spec)).toBe(false);
    expect(validateExperiment(defaultUploadExperiment('nb201', img.spec))).toEqual([]);
    expect(validateExperiment(defaultUploadExperiment('darts', img.spec))).toEqual([]);
    const table = await upload('blobs.csv', blobsCsv(100));
    const wrong = validateExperiment(defaultUploadExperiment('nb201', table.spec));
    expect(wrong.length).toBeGreaterThan(0);
  });

  it('old specs without an upload parse and validate as before', () => {
    const spec = defaultExperiment('teaching', 'spiral');
    const parsed = experimentSchema.parse(JSON.parse(JSON.stringify(spec)));
    expect(parsed).toEqual(spec);
    expect('upload' in parsed.dataset).toBe(false);
  });

  it('refuses a bad record with the field named', async () => {
    const u = await upload('blobs.csv', blobsCsv(100));
    const spec = defaultUploadExperiment('teaching', u.spec);
    const bad = (patch: Partial<UploadSpec>) =>
      validateExperiment({
        ...spec,
        dataset: { ...spec.dataset, upload: { ...u.spec, ...patch } as UploadSpec },
      }).map((p) => p.path);
    expect(bad({ hash: 'abc' })).toContain('dataset.upload.hash');
    expect(bad({ classes: 1 })).toContain('dataset.upload.classes');
    expect(bad({ rows: 50 })).toContain('dataset.samples');
    const { upload: _, ...noUpload } = spec.dataset;
    expect(validateExperiment({ ...spec, dataset: noUpload }).map((p) => p.path)).toContain(
      'dataset.upload',
    );
    const spiral = defaultExperiment('teaching', 'spiral');
    expect(
      validateExperiment({ ...spiral, dataset: { ...spiral.dataset, upload: u.spec } }).map(
        (p) => p.code,
      ),
    ).toContain('unexpected-upload');
  });

  it('loads seeded splits and standardises features with the training split alone', async () => {
    const bytes = blobsCsv(100);
    const u = await upload('blobs.csv', bytes);
    const spec = defaultUploadExperiment('teaching', u.spec);
    const read = async () => {
      const r = await examplesOfUpload(u.spec, bytes);
      if (!r.ok) throw new Error(r.problem);
      return r.value;
    };
    const data = await loadDataset(spec.dataset, spec.seed, noMnist, read);
    expect([data.train.count, data.valid.count, data.test.count]).toEqual([40, 40, 20]);
    expect(data.input).toEqual({ kind: 'vector', features: 2 });
    for (let f = 0; f < 2; f++) {
      const values = Array.from({ length: 40 }, (_, r) => data.train.x[r * 2 + f] ?? 0);
      const mean = values.reduce((a, b) => a + b, 0) / 40;
      const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / 40);
      expect(mean).toBeCloseTo(0, 5);
      expect(sd).toBeCloseTo(1, 4);
    }
    const again = await loadDataset(spec.dataset, spec.seed, noMnist, read);
    expect(Array.from(again.valid.x)).toEqual(Array.from(data.valid.x));
    if (u.spec.kind !== 'table') throw new Error('expected a table');
    const raw = await loadDataset(
      { ...spec.dataset, upload: { ...u.spec, standardize: false } },
      spec.seed,
      noMnist,
      read,
    );
    expect(Math.max(...raw.train.x.map(Math.abs))).toBeGreaterThan(1.4);
  });

  it('refuses to load when the file is missing or reads differently than recorded', async () => {
    const u = await upload('blobs.csv', blobsCsv(100));
    const spec = defaultUploadExperiment('teaching', u.spec);
    await expect(loadDataset(spec.dataset, 1, noMnist)).rejects.toThrow(/not available/);
    const other = await upload('blobs.csv', blobsCsv(80));
    await expect(
      loadDataset(spec.dataset, 1, noMnist, () => Promise.resolve(other.examples)),
    ).rejects.toThrow(/expects 100/);
  });
});
