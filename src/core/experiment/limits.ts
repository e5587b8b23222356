/** Ranges of every numeric field of an experiment spec, kept apart from the validators that apply them. */
import type { NumberRule } from '../checks';
import { MACRO_LIMITS } from '../search-space/validate';

/** Every cap the validators enforce, as data (for forms, sliders and docs). */
export const LIMITS = {
  seed: { integer: true, min: 0, max: 2 ** 32 - 1 },
  epochs: { integer: true, min: 1, max: 500 },
  batchSize: { integer: true, min: 1, max: 1024 },
  learningRate: { min: 0, minExclusive: true, max: 10 },
  weightLrMin: { min: 0, max: 10 },
  momentum: { min: 0, max: 1, maxExclusive: true },
  weightDecay: { min: 0, max: 1 },
  gradClip: { min: 0, minExclusive: true },
  beta: { min: 0, max: 1, maxExclusive: true },
  orders: [1, 2],
  warmupEpochs: { integer: true, min: 0, max: 499 },
  stableEpochs: { integer: true, min: 1, max: 500 },
  partialK: { integer: true, min: 1, max: 64 },
  tuneEpochs: { integer: true, min: 0, max: 50 },
  temperature: { min: 0, minExclusive: true, max: 100 },
  earlyStops: ['off', 'darts+'] as const,
  selections: ['magnitude', 'perturbation'] as const,
  samplesTwoD: { integer: true, min: 50, max: 5000 },
  samplesMnist: { integer: true, min: 100, max: 10000 },
  noise: { min: 0, max: 0.5 },
  imageSizes: [7, 14, 28],
  fraction: { min: 0, minExclusive: true, max: 1, maxExclusive: true },
  generations: { integer: true, min: 1, max: 1000 },
  population: { integer: true, min: 1, max: 10000 },
  topK: { integer: true, min: 1, max: 10000 },
  children: { integer: true, min: 0, max: 10000 },
  probability: { min: 0, max: 1 },
  searchSamples: { integer: true, min: 1, max: 100000 },
  trials: { integer: true, min: 1, max: 100000 },
  tournament: { integer: true, min: 1, max: 10000 },
  calibrationBatches: { integer: true, min: 1, max: 1000 },
  validSubset: { integer: true, min: 1, max: 10000 },
  maxCost: { min: 0, minExclusive: true },
  macro: MACRO_LIMITS,
  proxySamples: { integer: true, min: 1, max: 20000 },
  proxyTopK: { integer: true, min: 0, max: 100 },
  warmupPool: { integer: true, min: 1, max: 20000 },
} as const satisfies Record<
  string,
  NumberRule | readonly number[] | readonly string[] | Record<string, NumberRule>
>;
