/** Structural schema (zod) of a run checkpoint as the run history stores it (structured clone: Float32Array tensors). */
import { STRATEGY_KINDS } from '../strategy/kinds';
import { z } from 'zod';
import type { RunCheckpoint } from './checkpoint';

const num = z.custom<number>((v) => typeof v === 'number', 'Expected a number');

const tensor = z.object({ shape: z.array(num), values: z.instanceof(Float32Array) });

const trial = z.object({
  key: z.string(),
  steps: num,
  trainLoss: num,
  validAcc: num,
  validLoss: num,
  testAcc: num,
  testLoss: num,
});

const latencyTable = z.object({
  backend: z.string(),
  device: z.string(),
  created: z.string(),
  batch: num,
  warmup: num,
  repeats: num,
  entries: z.record(z.string(), num),
});

/** A checkpoint of any layout version (the caller refuses one of another version before resuming it). */
export const checkpointSchema: z.ZodType<RunCheckpoint> = z.object({
  version: num,
  strategy: z.enum(STRATEGY_KINDS),
  step: num,
  epoch: num,
  activeMs: num,
  weights: z.array(tensor),
  alphas: z.array(tensor),
  velocity: z.array(tensor),
  adamM: z.array(tensor),
  adamS: z.array(tensor),
  adamT: num,
  trials: z.array(trial),
  latency: latencyTable.nullable(),
  diagnostics: z
    .object({
      eigenvector: z.instanceof(Float64Array).nullable(),
      ranking: z.array(z.array(num)).nullable(),
      stableFor: num,
    })
    .optional(),
  zeroCost: z
    .object({
      scores: z.instanceof(Float64Array),
      trainedProxies: z.array(z.instanceof(Float64Array)),
    })
    .optional(),
  warmup: z.object({ scores: z.instanceof(Float64Array) }).optional(),
});
