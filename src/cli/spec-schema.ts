/**
 * Shape checks for spec files read from disk: untrusted JSON becomes a typed ExperimentSpec or
 * SearchSpaceSpec, or a list of problems. Only the structure is checked here; names and ranges
 * (unknown ops, datasets, limits) are left to the core validators, which explain them better.
 */
import { z } from 'zod';
import type { DatasetId, ExperimentSpec } from '../core/experiment/spec';
import type { Problem } from '../core/problems';
import type { OpName } from '../core/search-space/ops';
import type { SearchSpaceSpec } from '../core/search-space/types';

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

const space = z.object({
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

const dataset = z.object({
  id: name<DatasetId>(),
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
const constraints = z.object({
  maxParams: z.number().nullable(),
  maxFlops: z.number().nullable(),
  maxLatencyMs: z.number().nullable(),
});

/** The discrete search's kind; validateStrategy explains one that is not known. */
const search = name<'evolution' | 'random'>();

const darts = z.object({
  kind: z.literal('darts'),
  order: z.union([z.literal(1), z.literal(2)]),
  ...weightTraining,
  alphaLr: z.number(),
  alphaBeta1: z.number(),
  alphaBeta2: z.number(),
  alphaWeightDecay: z.number(),
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
  constraints,
});

const multiTrial = z.object({
  kind: z.literal('multi-trial'),
  ...weightTraining,
  search,
  trials: z.number(),
  population: z.number(),
  sample: z.number(),
  calibrationBatches: z.number(),
  constraints,
});

const strategy = z.discriminatedUnion('kind', [darts, spos, multiTrial]);

const experiment = z.object({
  version: z.literal(1),
  name: z.string(),
  seed: z.number(),
  space,
  dataset,
  strategy,
});

/** A parsed spec file: an experiment, a bare search space, or what is wrong with its shape. */
export type SpecFile =
  | { readonly kind: 'experiment'; readonly spec: ExperimentSpec }
  | { readonly kind: 'space'; readonly space: SearchSpaceSpec }
  | { readonly kind: 'invalid'; readonly problems: Problem[] };

/** Converts zod issues into problems with dotted paths. */
function toProblems(error: z.ZodError): Problem[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    code: 'bad-shape',
    message: `${issue.message}.`,
  }));
}

/** Reads parsed JSON as an experiment spec (an object with a `space` field) or else as a bare search space. */
export function parseSpecJson(json: unknown): SpecFile {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return {
      kind: 'invalid',
      problems: [
        {
          path: '',
          code: 'bad-shape',
          message: 'The file must hold a JSON object: an experiment spec or a search space.',
        },
      ],
    };
  }
  if ('space' in json) {
    const r = experiment.safeParse(json);
    return r.success
      ? { kind: 'experiment', spec: r.data }
      : { kind: 'invalid', problems: toProblems(r.error) };
  }
  const r = space.safeParse(json);
  return r.success
    ? { kind: 'space', space: r.data }
    : { kind: 'invalid', problems: toProblems(r.error) };
}
