/**
 * Structural schema (zod) of an experiment spec and a search space: untrusted JSON (a spec file, an
 * experiment link) becomes typed data or zod issues. Only the structure is checked here; names and
 * ranges (unknown ops, datasets, limits) are left to validateExperiment, which explains them better.
 */
import { z } from 'zod';
import type { OpName } from '../search-space/ops';
import type { ProxyName } from '../proxies/names';
import { WARMUP_POOL_DEFAULT, type WarmupProxy } from '../strategies/warmup';
import { DARTS_OPTIONS, SPOS_OPTIONS } from './defaults';
import type { LatencyForm } from '../latency-loss/spec';
import type { DartsEarlyStop, DartsSelection, DatasetId } from './spec';

/** A string typed as a name; validateCell / validateDataset report names that are not known. */
const name = <T extends string>() => z.custom<T>((v) => typeof v === 'string', 'Expected a string');

const edge = z.object({
  id: z.string(),
  from: z.string(),
  to: z.string(),
  ops: z.array(name<OpName>()),
});

const cell = z.object({
  inputs: z.array(z.string()),
  nodes: z.array(z.string()),
  edges: z.array(edge),
  output: z.enum(['concat', 'last']),
  derive: z.discriminatedUnion('rule', [
    z.object({ rule: z.literal('top-k'), k: z.number() }),
    z.object({ rule: z.literal('per-edge') }),
  ]),
});

/** A search space: cells and macro skeleton (structure only). */
export const spaceSchema = z.object({
  preset: z.string().nullable(),
  normal: cell,
  reduce: cell.nullable(),
  macro: z.object({
    channels: z.number(),
    stemMultiplier: z.number(),
    stages: z.number(),
    cellsPerStage: z.number(),
    reduction: z.enum(['cell', 'residual', 'none']),
  }),
});

const uploadFile = {
  name: z.string(),
  hash: z.string(),
  bytes: z.number(),
  classes: z.number(),
  rows: z.number(),
};

/** An uploaded dataset (added without a link format change: specs without it are unchanged). */
const upload = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('table'),
    ...uploadFile,
    label: z.string(),
    features: z.array(z.string()),
    standardize: z.boolean(),
  }),
  z.object({
    kind: z.literal('images'),
    ...uploadFile,
    side: z.number(),
    channels: z.union([z.literal(1), z.literal(3)]),
  }),
]);

const dataset = z.object({
  id: name<DatasetId>(),
  upload: upload.optional(),
  samples: z.number(),
  noise: z.number(),
  imageSize: z.number(),
  trainFraction: z.number(),
  validFraction: z.number(),
});

/** The weight-training budget and optimiser every strategy has. */
const weightTraining = {
  epochs: z.number(),
  batchSize: z.number(),
  weightLr: z.number(),
  weightLrMin: z.number(),
  momentum: z.number(),
  weightDecay: z.number(),
  gradClip: z.number(),
};

/** Bounds on a searched subnet; null is no bound. */
export const constraintsSchema = z.object({
  maxParams: z.number().nullable(),
  maxFlops: z.number().nullable(),
  maxLatencyMs: z.number().nullable(),
});

/** The discrete search's kind; validateStrategy explains one that is not known. */
const search = name<'evolution' | 'random'>();

/** The latency-aware loss of a differentiable search; a spec without it has none. */
const latencyLoss = z
  .object({
    form: name<LatencyForm>(),
    targetMs: z.number(),
    alpha: z.number(),
    beta: z.number(),
    lambda: z.number(),
  })
  .default(DARTS_OPTIONS.latency);

const darts = z.object({
  kind: z.literal('darts'),
  order: z.union([z.literal(1), z.literal(2)]),
  ...weightTraining,
  alphaLr: z.number(),
  alphaBeta1: z.number(),
  alphaBeta2: z.number(),
  alphaWeightDecay: z.number(),
  // Added in link format 3: older specs, links and run files take the defaults.
  warmupEpochs: z.number().default(DARTS_OPTIONS.warmupEpochs),
  earlyStop: name<DartsEarlyStop>().default(DARTS_OPTIONS.earlyStop),
  stableEpochs: z.number().default(DARTS_OPTIONS.stableEpochs),
  selection: name<DartsSelection>().default(DARTS_OPTIONS.selection),
  tuneEpochs: z.number().default(DARTS_OPTIONS.tuneEpochs),
  // Added after link format 5 without a format change: specs without it have no latency loss.
  latency: latencyLoss,
});

const pcDarts = darts.extend({
  kind: z.literal('pc-darts'),
  partialK: z.number(),
});

const gdas = z.object({
  kind: z.literal('gdas'),
  ...weightTraining,
  alphaLr: z.number(),
  alphaBeta1: z.number(),
  alphaBeta2: z.number(),
  alphaWeightDecay: z.number(),
  warmupEpochs: z.number(),
  tauMax: z.number(),
  tauMin: z.number(),
  latency: latencyLoss,
});

const spos = z.object({
  kind: z.literal('spos'),
  ...weightTraining,
  search,
  generations: z.number(),
  population: z.number(),
  topK: z.number(),
  mutations: z.number(),
  crossovers: z.number(),
  mutationProb: z.number(),
  samples: z.number(),
  calibrationBatches: z.number(),
  // Added in link format 3: older specs, links and run files score on the whole validation split.
  validSubset: z.number().default(SPOS_OPTIONS.validSubset),
  constraints: constraintsSchema,
});

const multiTrial = z.object({
  kind: z.literal('multi-trial'),
  ...weightTraining,
  search,
  trials: z.number(),
  population: z.number(),
  sample: z.number(),
  // Added after link format 5 without a format change: specs without them start evolution at random.
  warmupProxy: name<WarmupProxy>().default('none'),
  warmupPool: z.number().default(WARMUP_POOL_DEFAULT),
  calibrationBatches: z.number(),
  constraints: constraintsSchema,
});

const zeroCost = z.object({
  kind: z.literal('zero-cost'),
  ...weightTraining,
  proxy: name<ProxyName>(),
  architectures: z.number(),
  topK: z.number(),
  calibrationBatches: z.number(),
});

const strategy = z.discriminatedUnion('kind', [darts, gdas, pcDarts, spos, multiTrial, zeroCost]);

/** An experiment spec (structure only); unknown keys are dropped by zod's default object parsing. */
export const experimentSchema = z.object({
  version: z.literal(1),
  name: z.string(),
  seed: z.number(),
  space: spaceSchema,
  dataset,
  strategy,
});
