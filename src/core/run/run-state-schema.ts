/**
 * Structural schema (zod) of a run state as the run history stores it (structured clone, not JSON):
 * numbers may be NaN or infinite (a loss a strategy does not have, a diverged step), alphas are
 * Float32Arrays. Only the shape is checked; what the numbers mean is the fold's business.
 */
import { z } from 'zod';
import { experimentSchema } from '../experiment/schema';
import type { OpName } from '../search-space/ops';
import type { RunState } from './state';

/** Any JavaScript number, NaN and ±Infinity included (zod's own number refuses them). */
const num = z.custom<number>((v) => typeof v === 'number', 'Expected a number');
const opName = z.custom<OpName>((v) => typeof v === 'string', 'Expected an op name');
const status = z.enum(['idle', 'running', 'paused', 'finished', 'stopped', 'failed']);
const phase = z.enum(['supernet', 'latency', 'search', 'check', 'selection', 'standalone']);

/** A per-cell-role record (normal, optionally reduce) of `value`. */
const perRole = <T extends z.ZodType>(value: T) =>
  z.object({ normal: value.optional(), reduce: value.optional() });

/** A downsampled series (src/core/series/downsample.ts) of `point`. */
const downsampled = <T extends z.ZodType>(point: T) =>
  z.object({ kept: z.array(point), latest: point.nullable(), stride: num, seen: num, cap: num });

const cellGenotype = z.object({
  edges: z.array(z.object({ from: z.string(), to: z.string(), op: opName })),
  concat: z.array(z.string()),
});

/** A genotype: the normal cell and, where the space has one, the reduction cell. */
export const genotypeSchema = z.object({ normal: cellGenotype, reduce: cellGenotype.nullable() });

const step = z.object({
  step: num,
  epoch: num,
  trainLoss: num,
  trainAcc: num,
  alphaLoss: num,
  elapsedMs: num,
});

const evalPoint = z.object({ step: num, epoch: num, validLoss: num, validAcc: num });

const alphaPoint = z.object({ step: num, weights: z.instanceof(Float32Array) });

const metrics = z.object({
  trainAcc: num,
  validAcc: num,
  testAcc: num,
  trainLoss: num,
  validLoss: num,
  testLoss: num,
});

const backendName = z.enum(['webgpu', 'wasm', 'webgl', 'cpu']);

const report = z.object({
  backend: backendName,
  choice: z.union([z.literal('auto'), backendName]),
  reason: z.string(),
  probes: z.array(
    z.object({
      backend: backendName,
      ok: z.boolean(),
      msPerStep: num.nullable(),
      note: z.string(),
    }),
  ),
  threads: z.object({ count: num, limit: z.string().nullable() }).optional(),
});

const started = z.object({
  totalSteps: num,
  stepsPerEpoch: num,
  cells: perRole(
    z.array(
      z.object({ id: z.string(), from: z.string(), to: z.string(), ops: z.array(z.string()) }),
    ),
  ),
  trainCount: num,
  validCount: num,
  testCount: num,
  paramCount: num,
});

const subnet = z.object({
  key: z.string(),
  genotype: genotypeSchema,
  accuracy: num,
  evaluation: z.enum(['inherited', 'standalone', 'proxy']),
  params: num,
  flops: num,
  latencyMs: num.nullable(),
  generation: num,
  origin: z.enum(['random', 'mutation', 'crossover', 'derived', 'perturbation', 'warmup']),
  proxies: z.record(z.string(), num).optional(),
});

const diagnostics = z.object({
  epoch: num,
  step: num,
  hessianEigenvalue: num.nullable(),
  skipCount: num,
  parameterFreeCount: num,
  opCount: num,
  stableEpochs: num,
  // Added after diagnostics themselves: older epochs have none.
  alphaEntropy: num.nullable().default(null),
});

const maskedScore = z.object({ acc: num, loss: num });
const role = z.enum(['normal', 'reduce']);

const decision = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('op'),
    role,
    edge: z.string(),
    unmasked: maskedScore,
    candidates: z.array(opName),
    masked: z.array(maskedScore),
    op: opName,
  }),
  z.object({
    kind: z.literal('node'),
    role,
    node: z.string(),
    unmasked: maskedScore,
    edges: z.array(z.string()),
    masked: z.array(maskedScore),
    kept: z.array(z.string()),
  }),
]);

const gridPrediction = z.object({
  classes: z.instanceof(Uint8Array),
  confidence: z.instanceof(Float32Array),
});

const boundaryFrame = z.object({
  step: num,
  epoch: num,
  size: num,
  domain: z.object({ x0: num, x1: num, y0: num, y1: num }),
  supernet: gridPrediction,
  derived: gridPrediction,
});

/** Every field of RunState, so a field added to the run state without a schema fails to compile. */
const runStateShape = {
  runId: num,
  status,
  spec: experimentSchema.nullable(),
  report: report.nullable(),
  started: started.nullable(),
  steps: downsampled(step),
  evals: downsampled(evalPoint),
  alphas: perRole(downsampled(alphaPoint)),
  genotype: z.object({ step: num, genotype: genotypeSchema }).nullable(),
  result: z
    .object({
      step: num,
      genotype: genotypeSchema,
      metrics,
      weights: perRole(z.instanceof(Float32Array)),
      // PC-DARTS's edge weights; absent for every other strategy and in older run files.
      edgeWeights: perRole(z.instanceof(Float32Array)).optional(),
    })
    .nullable(),
  stepLog: z.object({ head: z.array(step), tail: z.array(step), seen: num, size: num }),
  messages: z.array(z.object({ status, step: num, message: z.string() })),
  error: z.string().nullable(),
  phase: z.object({ phase, message: z.string() }).nullable(),
  progress: z.object({ phase, done: num, total: num }).nullable(),
  subnets: z.array(subnet),
  latency: z
    .object({
      backend: z.string(),
      device: z.string(),
      batch: num,
      entries: num,
      measured: num,
      reused: num,
      elapsedMs: num,
    })
    .nullable(),
  latencyChecks: z.array(z.object({ key: z.string(), predictedMs: num, measuredMs: num })),
  diagnostics: z.array(diagnostics),
  // Added with the latency loss: runs saved before it have none.
  expectedLatency: z
    .array(z.object({ epoch: num, step: num, expectedMs: num, targetMs: num }))
    .default([]),
  earlyStop: z
    .object({
      rule: z.enum(['skip-connections', 'stable-ranking']),
      epoch: num,
      step: num,
      message: z.string(),
    })
    .nullable(),
  selection: z.array(decision).nullable(),
  boundary: boundaryFrame.nullable(),
  recoveries: z.array(
    z.object({
      cause: z.enum(['worker', 'device']),
      atStep: num,
      from: z.object({ step: num, epoch: num }).nullable(),
      backend: z.union([z.literal('auto'), backendName]),
      message: z.string(),
    }),
  ),
} satisfies Record<keyof RunState, z.ZodType>;

/** A stored run state (structure only; unknown keys are dropped). */
export const runStateSchema: z.ZodType<RunState> = z.object(runStateShape);
