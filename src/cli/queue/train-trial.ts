/**
 * A worker's half of a trial: the experiment's data (loaded once per dataset and seed) and one
 * stand-alone training of the job's subnet, exactly as an in-process multi-trial run trains it.
 */
import { readFile } from 'node:fs/promises';
import { loadDataset } from '../../core/data/load';
import type { LoadedDataset } from '../../core/experiment/spec';
import { genotypeKey } from '../../core/strategies/genotype-key';
import { genotypeProblems } from '../../core/strategies/genotype-check';
import type { TrialMemo } from '../../core/run/checkpoint';
import { trialMemo } from '../../engine/multi-trial/checkpoint';
import { trainStandalone } from '../../engine/standalone';
import { MNIST_FILE } from '../headless';
import type { TrialJobData } from './trial-job';

/** Datasets loaded so far, by dataset spec and seed (a worker trains many trials of one search). */
const datasets = new Map<string, Promise<LoadedDataset>>();

/** The job's data, loaded once. Uploaded files never travel on the queue, so their experiments are refused. */
function dataOf(job: TrialJobData): Promise<LoadedDataset> {
  if (job.spec.dataset.id === 'upload')
    return Promise.reject(
      new Error('Experiments on an uploaded file cannot be trained by queue workers.'),
    );
  const id = JSON.stringify([job.spec.dataset, job.spec.seed]);
  let data = datasets.get(id);
  if (data === undefined) {
    data = loadDataset(job.spec.dataset, job.spec.seed, async () => {
      try {
        return new Uint8Array(await readFile(MNIST_FILE));
      } catch {
        throw new Error(`${MNIST_FILE} is missing on this worker; run \`npm run prepare-data\`.`);
      }
    });
    data.catch(() => datasets.delete(id));
    datasets.set(id, data);
  }
  return data;
}

/**
 * Trains the job's subnet from scratch and scores it; `onStep` hears each step. Throws a plain
 * message when the job's subnet does not belong to its space.
 */
export async function trainTrialJob(
  job: TrialJobData,
  onStep: (step: number, total: number) => void,
): Promise<TrialMemo> {
  const problems = genotypeProblems(job.spec.space, job.genotype);
  if (problems.length > 0)
    throw new Error(
      `Trial ${job.index}'s subnet does not fit its space: ${problems[0]?.message ?? ''}`,
    );
  const key = genotypeKey(job.spec.space, job.genotype);
  if (key !== job.key) throw new Error(`Trial ${job.index}'s key does not match its subnet.`);
  const data = await dataOf(job);
  // Asking to stop (never) makes the training yield to the event loop every step, so the worker
  // keeps renewing its lock on the job while it trains (a lapsed lock reads as a dead worker).
  const r = await trainStandalone(job.spec.space, job.genotype, data, job.training, {
    onStep,
    shouldStop: () => false,
  });
  return trialMemo(key, r);
}
