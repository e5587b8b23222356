/** Turns a dataset spec into seeded, split, plain typed-array data. */
import type { DataSplit, DatasetSpec, InputShape, LoadedDataset } from '../experiment/spec';
import { createRng } from '../random';
import { parseMnist, selectMnist } from './mnist';
import { splitData } from './split';
import { generateTwoD, isTwoD } from './two-d';

/** Mixed into the seed so the data's random stream differs from the run's (which starts from the bare seed). */
const DATA_SALT = 0x0da7a5e7;

/** The input shape and class count a dataset spec produces: 2D sets are 2-feature vectors with 2 classes; MNIST is imageSize² x 1 with 10. */
export function datasetInput(d: DatasetSpec): { input: InputShape; classes: number } {
  if (isTwoD(d.id)) return { input: { kind: 'vector', features: 2 }, classes: 2 };
  return {
    input: { kind: 'image', height: d.imageSize, width: d.imageSize, channels: 1 },
    classes: 10,
  };
}

/**
 * Draws (2D) or picks (MNIST: a seeded random subset of `samples` digits from the file `readMnist`
 * returns) the examples and splits them, all from `seed`: the same spec and seed give identical data.
 */
export async function loadDataset(
  d: DatasetSpec,
  seed: number,
  readMnist: () => Promise<Uint8Array>,
): Promise<LoadedDataset> {
  const rng = createRng((seed ^ DATA_SALT) >>> 0);
  const drawRng = rng.fork();
  const splitRng = rng.fork();
  const samples = Math.floor(d.samples);
  const { input, classes } = datasetInput(d);
  let all: DataSplit;
  if (isTwoD(d.id)) {
    all = generateTwoD(d.id, samples, d.noise, drawRng);
  } else {
    const pool = parseMnist(await readMnist());
    if (samples > pool.count)
      throw new Error(`MNIST has ${pool.count} digits; ${samples} were asked for.`);
    const chosen = drawRng
      .shuffle(Array.from({ length: pool.count }, (_, i) => i))
      .slice(0, samples);
    all = selectMnist(pool, chosen, d.imageSize);
  }
  return {
    id: d.id,
    input,
    classes,
    ...splitData(all, d.trainFraction, d.validFraction, splitRng),
  };
}
