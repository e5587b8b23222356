/** Turns a dataset spec into seeded, split, plain typed-array data. */
import type {
  DataSplit,
  DatasetSpec,
  InputShape,
  LoadedDataset,
  UploadSpec,
} from '../experiment/spec';
import { createRng } from '../random';
import { parseMnist, selectMnist } from './mnist';
import { splitData, takeExamples } from './split';
import { generateTwoD, isTwoD } from './two-d';
import { standardizeSplits } from './upload/standardize';
import type { UploadedExamples } from './upload/types';

/** Mixed into the seed so the data's random stream differs from the run's (which starts from the bare seed). */
const DATA_SALT = 0x0da7a5e7;

/** The examples of an uploaded dataset, read from wherever the caller keeps its file (IndexedDB, disk). */
export type ReadUpload = (upload: UploadSpec) => Promise<UploadedExamples>;

/** The input shape and class count of an uploaded dataset, from its record alone. */
export function uploadInput(u: UploadSpec): { input: InputShape; classes: number } {
  if (u.kind === 'table')
    return { input: { kind: 'vector', features: u.features.length }, classes: u.classes };
  return {
    input: { kind: 'image', height: u.side, width: u.side, channels: u.channels },
    classes: u.classes,
  };
}

/** The input shape and class count a dataset spec produces: 2D sets are 2-feature vectors with 2 classes; MNIST is imageSize² x 1 with 10; an upload says its own. */
export function datasetInput(d: DatasetSpec): { input: InputShape; classes: number } {
  if (isTwoD(d.id)) return { input: { kind: 'vector', features: 2 }, classes: 2 };
  if (d.id === 'upload' && d.upload !== undefined) return uploadInput(d.upload);
  return {
    input: { kind: 'image', height: d.imageSize, width: d.imageSize, channels: 1 },
    classes: 10,
  };
}

/** Why `examples` are not what `u` recorded (a different file or reading), or null. */
export function uploadMismatch(u: UploadSpec, examples: UploadedExamples): string | null {
  const want = uploadInput(u);
  if (examples.count !== u.rows || examples.classNames.length !== want.classes)
    return `${u.name} gives ${examples.count} examples in ${examples.classNames.length} classes; the experiment expects ${u.rows} in ${want.classes}.`;
  if (JSON.stringify(examples.input) !== JSON.stringify(want.input))
    return `${u.name} gives examples of another shape than the experiment expects.`;
  return null;
}

/** Reads and checks an upload's examples. */
async function uploadedExamples(
  d: DatasetSpec,
  readUpload?: ReadUpload,
): Promise<UploadedExamples> {
  const u = d.upload;
  if (u === undefined) throw new Error('The uploaded dataset does not say which file it is.');
  if (readUpload === undefined)
    throw new Error(`The uploaded file ${u.name} is not available here.`);
  const examples = await readUpload(u);
  const mismatch = uploadMismatch(u, examples);
  if (mismatch !== null) throw new Error(mismatch);
  return examples;
}

/** A 2D dataset drawn and split from `seed`, synchronously: exactly what loadDataset gives for it. Throws when `d` is not a 2D set. */
export function twoDDataset(d: DatasetSpec, seed: number): LoadedDataset {
  if (!isTwoD(d.id)) throw new Error(`${d.id} is not a 2D dataset.`);
  const rng = createRng((seed ^ DATA_SALT) >>> 0);
  const drawRng = rng.fork();
  const splitRng = rng.fork();
  const all = generateTwoD(d.id, Math.floor(d.samples), d.noise, drawRng);
  const { input, classes } = datasetInput(d);
  return {
    id: d.id,
    input,
    classes,
    ...splitData(all, d.trainFraction, d.validFraction, splitRng),
  };
}

/**
 * Draws (2D) or picks (MNIST: a seeded random subset of `samples` digits from the file `readMnist`
 * returns; an upload: a seeded random subset of `samples` of its examples from `readUpload`) the
 * examples and splits them, all from `seed`: the same spec and seed give identical data. An upload
 * table marked `standardize` is standardised with its training split's statistics.
 */
export async function loadDataset(
  d: DatasetSpec,
  seed: number,
  readMnist: () => Promise<Uint8Array>,
  readUpload?: ReadUpload,
): Promise<LoadedDataset> {
  if (isTwoD(d.id)) return twoDDataset(d, seed);
  const rng = createRng((seed ^ DATA_SALT) >>> 0);
  const drawRng = rng.fork();
  const splitRng = rng.fork();
  const samples = Math.floor(d.samples);
  const { input, classes } = datasetInput(d);
  let all: DataSplit;
  if (d.id === 'upload') {
    const examples = await uploadedExamples(d, readUpload);
    if (samples > examples.count)
      throw new Error(
        `${d.upload?.name ?? 'The file'} has ${examples.count} examples; ${samples} were asked for.`,
      );
    const chosen =
      samples === examples.count
        ? Array.from({ length: samples }, (_, i) => i)
        : drawRng.shuffle(Array.from({ length: examples.count }, (_, i) => i)).slice(0, samples);
    all = takeExamples(examples, chosen);
  } else {
    const pool = parseMnist(await readMnist());
    if (samples > pool.count)
      throw new Error(`MNIST has ${pool.count} digits; ${samples} were asked for.`);
    const chosen = drawRng
      .shuffle(Array.from({ length: pool.count }, (_, i) => i))
      .slice(0, samples);
    all = selectMnist(pool, chosen, d.imageSize);
  }
  const splits = splitData(all, d.trainFraction, d.validFraction, splitRng);
  const u = d.upload;
  const scaled =
    d.id === 'upload' && u?.kind === 'table' && u.standardize
      ? standardizeSplits(splits, u.features.length)
      : splits;
  return { id: d.id, input, classes, ...scaled };
}
