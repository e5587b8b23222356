import { describe, expect, it } from 'vitest';
import type { EngineClient } from '../bridge/types';
import { parseUpload } from '../core/data/upload/parse';
import { blobsCsv, classFolderZip } from '../core/data/upload/upload.testkit';
import { validateExperiment } from '../core/experiment/validate';
import { createStudioStore } from './studio-store';

const noClient = (): EngineClient => {
  throw new Error('no worker in these tests');
};

/** The record of a parsed upload. */
async function record(name: string, bytes: Uint8Array, choices = {}) {
  const r = await parseUpload({ name, bytes }, choices);
  if (!r.ok) throw new Error(r.problem);
  return r.value.spec;
}

describe('experiment slice: uploaded data', () => {
  it('uses a table on the teaching preset, keeping the strategy kind, and a valid spec', async () => {
    const store = createStudioStore(noClient);
    store.getState().setStrategyKind('spos');
    const table = await record('blobs.csv', blobsCsv(100));
    store.getState().setUploadedDataset(table);
    const { spec, preset } = store.getState();
    expect(preset).toBe('teaching');
    expect(spec.dataset).toMatchObject({ id: 'upload', upload: table, samples: 100 });
    expect(spec.strategy.kind).toBe('spos');
    expect(validateExperiment(spec)).toEqual([]);
  });

  it('switches to an image preset for images, and keeps the upload across fitting preset switches', async () => {
    const store = createStudioStore(noClient);
    const images = await record('shapes.zip', classFolderZip(20), { side: 8 });
    store.getState().setUploadedDataset(images);
    expect(store.getState().preset).toBe('nb201');
    expect(validateExperiment(store.getState().spec)).toEqual([]);
    store.getState().setPreset('darts');
    expect(store.getState().spec.dataset.upload).toEqual(images);
    expect(validateExperiment(store.getState().spec)).toEqual([]);
    store.getState().setPreset('teaching');
    expect(store.getState().spec.dataset.id).toBe('spiral');
    expect(store.getState().spec.dataset.upload).toBeUndefined();
  });
});
