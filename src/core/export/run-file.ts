/**
 * The run file: a versioned JSON record of one run (spec, status, result, every evaluated subnet,
 * downsampled loss and accuracy series, DARTS diagnostics and selections), written from the run state and read back with size,
 * depth and structure checks. Never throws when reading.
 */
import { z } from 'zod';
import { experimentSchema } from '../experiment/schema';
import type { ExperimentSpec } from '../experiment/spec';
import { jsonDepth } from '../link/depth';
import { PROXY_NAMES } from '../proxies/names';
import type {
  AlphaSnapshot,
  EarlyStop,
  EpochDiagnostics,
  ExpectedLatencyPoint,
  FinalMetrics,
  RunStatus,
  RunStep,
  SubnetRecord,
} from '../run/protocol';
import type { SelectionDecision } from '../search-space/selection';
import type { OpName } from '../search-space/ops';
import type { CellRole, Genotype } from '../search-space/types';
import { seriesPoints, type Downsampled } from '../series/downsample';
import {
  genotypeSchema as genotype,
  queueBlockSchema,
  repeatsBlockSchema,
  type RunFileQueue,
  type RunFileRepeats,
} from './run-file-blocks';

export type {
  QueueFailure,
  QueueTrialRecord,
  RepeatSeed,
  RunFileQueue,
  RunFileRepeats,
} from './run-file-blocks';

/** The `format` tag of a run file. */
export const RUN_FILE_FORMAT = 'nas-studio-run';

/** The run file version this code writes and reads. */
export const RUN_FILE_VERSION = 1;

/** Largest run file read, in characters. */
export const RUN_FILE_MAX_CHARS = 64 * 1024 * 1024;

/** Deepest JSON nesting a run file may have. */
export const RUN_FILE_MAX_DEPTH = 32;

/** One evaluation on the validation split, as the run state keeps it. */
export interface RunFileEval {
  readonly step: number;
  readonly epoch: number;
  readonly validLoss: number;
  readonly validAcc: number;
}

/** The parts of a run's state a run file records (core's view of the store's RunState). */
export interface RunFileSource {
  readonly spec: ExperimentSpec;
  readonly status: RunStatus;
  readonly result: {
    readonly genotype: Genotype;
    readonly metrics: FinalMetrics;
    readonly edgeWeights?: AlphaSnapshot;
  } | null;
  readonly subnets: readonly SubnetRecord[];
  readonly steps: Downsampled<RunStep>;
  readonly evals: Downsampled<RunFileEval>;
  /** DARTS only; absent means none. */
  readonly diagnostics?: readonly EpochDiagnostics[];
  /** A search with a latency loss; absent means none. */
  readonly expectedLatency?: readonly ExpectedLatencyPoint[];
  readonly earlyStop?: EarlyStop | null;
  readonly selection?: readonly SelectionDecision[] | null;
  /** A search carried out by queue workers: who trained each trial and how long it took. */
  readonly queue?: RunFileQueue;
  /** One experiment run once per seed: each seed's final result and the spread. */
  readonly repeats?: RunFileRepeats;
}

/** When the run started and when it was exported (ISO times). */
export interface RunFileMeta {
  readonly startedAt?: string;
  readonly exportedAt: string;
}

/** A run file's content. Non-finite numbers in the series (a strategy without an alpha loss) are written as null. */
export interface RunFile {
  readonly format: typeof RUN_FILE_FORMAT;
  readonly version: typeof RUN_FILE_VERSION;
  readonly exportedAt: string;
  readonly startedAt?: string;
  readonly spec: ExperimentSpec;
  readonly status: RunStatus;
  /** The final genotype and metrics; for PC-DARTS also `edgeWeights`, per searched cell each edge's softmax of its beta over its node's incoming edges. */
  readonly result: {
    readonly genotype: Genotype;
    readonly metrics: FinalMetrics;
    readonly edgeWeights?: EdgeWeightLists;
  } | null;
  readonly subnets: readonly SubnetRecord[];
  readonly series: { readonly steps: readonly RunStep[]; readonly evals: readonly RunFileEval[] };
  /**
   * DARTS collapse diagnostics, one per epoch: `hessianEigenvalue` (the dominant eigenvalue of the
   * validation loss's Hessian in the alphas, null in warm-up epochs), `skipCount`,
   * `parameterFreeCount` and `opCount` of the derived normal cell, and `stableEpochs` (epochs in a
   * row with every edge's op ranking unchanged) and `alphaEntropy` (mean normalised entropy of the
   * softmax(α) rows, 1 = uniform). Empty for other strategies and older files.
   */
  readonly diagnostics: readonly EpochDiagnostics[];
  /** A search with a latency loss: E[LAT] (`expectedMs`) and the `targetMs` after each epoch. Empty without one and in older files. */
  readonly expectedLatency: readonly ExpectedLatencyPoint[];
  /** When DARTS+ stopped the search: its `rule` ('skip-connections' | 'stable-ranking'), `epoch`, `step` and `message`; null otherwise. */
  readonly earlyStop: EarlyStop | null;
  /**
   * Perturbation-based selection's decisions (each edge's op with the validation accuracy and loss
   * measured with each candidate masked; each node's kept inputs), or null when it did not run.
   * Both selected cells are among `subnets`: origin 'derived' (magnitude) and 'perturbation'.
   */
  readonly selection: readonly SelectionDecision[] | null;
  /** Present when queue workers carried the run out (see RunFileQueue). */
  readonly queue?: RunFileQueue;
  /** Present in a repeats file (see RunFileRepeats). */
  readonly repeats?: RunFileRepeats;
}

/** PC-DARTS's edge weights as a run file writes them: per searched cell, one number per edge. */
export type EdgeWeightLists = Partial<Record<CellRole, readonly number[]>>;

/** `weights` as plain number lists. */
function edgeWeightLists(weights: AlphaSnapshot): EdgeWeightLists {
  const out: { -readonly [R in CellRole]?: readonly number[] } = {};
  for (const role of ['normal', 'reduce'] as const) {
    const w = weights[role];
    if (w) out[role] = Array.from(w);
  }
  return out;
}

/** The run file of a run: its spec, status, result, subnets and the downsampled series. */
export function runFileOf(run: RunFileSource, meta: RunFileMeta): RunFile {
  return {
    format: RUN_FILE_FORMAT,
    version: RUN_FILE_VERSION,
    exportedAt: meta.exportedAt,
    ...(meta.startedAt === undefined ? {} : { startedAt: meta.startedAt }),
    spec: run.spec,
    status: run.status,
    result: run.result
      ? {
          genotype: run.result.genotype,
          metrics: run.result.metrics,
          ...(run.result.edgeWeights === undefined
            ? {}
            : { edgeWeights: edgeWeightLists(run.result.edgeWeights) }),
        }
      : null,
    subnets: run.subnets,
    series: { steps: [...seriesPoints(run.steps)], evals: [...seriesPoints(run.evals)] },
    diagnostics: run.diagnostics ?? [],
    expectedLatency: run.expectedLatency ?? [],
    earlyStop: run.earlyStop ?? null,
    selection: run.selection ?? null,
    ...(run.queue === undefined ? {} : { queue: run.queue }),
    ...(run.repeats === undefined ? {} : { repeats: run.repeats }),
  };
}

/** JSON has no infinities: they are written as these strings (a proxy's log-score of a dead cell is -Infinity), NaN as null. */
const INFINITY_TEXT = {
  Infinity: Number.POSITIVE_INFINITY,
  '-Infinity': Number.NEGATIVE_INFINITY,
} as const;

/** A JSON.stringify replacer that writes ±Infinity as "Infinity" / "-Infinity" (JSON would write null). */
export function infinityAsText(_key: string, value: unknown): unknown {
  if (value === Number.POSITIVE_INFINITY) return 'Infinity';
  if (value === Number.NEGATIVE_INFINITY) return '-Infinity';
  return value;
}

/** The run file as JSON text; ±Infinity written as "Infinity" / "-Infinity", NaN as null. */
export function serializeRunFile(file: RunFile): string {
  return JSON.stringify(file, infinityAsText);
}

/** A number that was written as null when it was NaN comes back as NaN, and "Infinity" / "-Infinity" as themselves. */
const num = z
  .union([z.number(), z.null(), z.enum(['Infinity', '-Infinity'])])
  .transform((v) => (v === null ? Number.NaN : typeof v === 'string' ? INFINITY_TEXT[v] : v));
const text = z.string().max(256);

const metrics = z.object({
  trainAcc: num,
  validAcc: num,
  testAcc: num,
  trainLoss: num,
  validLoss: num,
  testLoss: num,
});

const subnet = z.object({
  key: z.string().max(65536),
  genotype,
  accuracy: num,
  evaluation: z.enum(['inherited', 'standalone', 'proxy']),
  params: z.number(),
  flops: z.number(),
  latencyMs: z.number().nullable(),
  generation: z.number(),
  origin: z.enum(['random', 'mutation', 'crossover', 'derived', 'perturbation', 'warmup']),
  // Zero-cost runs and warm-up members: the proxy scores (NaN written as null, ±Infinity as strings; both read back as they were).
  proxies: z.partialRecord(z.enum(PROXY_NAMES), num).optional(),
  seed: z.number().optional(),
});

const step = z.object({
  step: z.number(),
  epoch: z.number(),
  trainLoss: num,
  trainAcc: num,
  alphaLoss: num,
  elapsedMs: z.number(),
});

const evalPoint = z.object({ step: z.number(), epoch: z.number(), validLoss: num, validAcc: num });

const diagnosticsPoint = z.object({
  epoch: z.number(),
  step: z.number(),
  hessianEigenvalue: z.number().nullable(),
  skipCount: z.number(),
  parameterFreeCount: z.number(),
  opCount: z.number(),
  stableEpochs: z.number(),
  alphaEntropy: z.number().nullable().default(null),
});

const earlyStop = z.object({
  rule: z.enum(['skip-connections', 'stable-ranking']),
  epoch: z.number(),
  step: z.number(),
  message: z.string().max(1024),
});

const maskedScore = z.object({ acc: num, loss: num });
const opName = z.custom<OpName>((v) => typeof v === 'string', 'Expected a string');
const role = z.enum(['normal', 'reduce']);

const decision = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('op'),
    role,
    edge: text,
    unmasked: maskedScore,
    candidates: z.array(opName).max(64),
    masked: z.array(maskedScore).max(64),
    op: opName,
  }),
  z.object({
    kind: z.literal('node'),
    role,
    node: text,
    unmasked: maskedScore,
    edges: z.array(text).max(1024),
    masked: z.array(maskedScore).max(1024),
    kept: z.array(text).max(1024),
  }),
]);

const runFileSchema = z.object({
  format: z.literal(RUN_FILE_FORMAT),
  version: z.literal(RUN_FILE_VERSION),
  exportedAt: z.string().max(64),
  startedAt: z.string().max(64).optional(),
  spec: experimentSchema,
  status: z.enum(['idle', 'running', 'paused', 'finished', 'stopped', 'failed']),
  result: z
    .object({
      genotype,
      metrics,
      edgeWeights: z
        .object({
          normal: z.array(z.number()).max(100_000).optional(),
          reduce: z.array(z.number()).max(100_000).optional(),
        })
        .optional(),
    })
    .nullable(),
  subnets: z.array(subnet).max(100_000),
  series: z.object({ steps: z.array(step).max(100_000), evals: z.array(evalPoint).max(100_000) }),
  diagnostics: z.array(diagnosticsPoint).max(100_000).default([]),
  expectedLatency: z
    .array(
      z.object({
        epoch: z.number(),
        step: z.number(),
        expectedMs: z.number(),
        targetMs: z.number(),
      }),
    )
    .max(100_000)
    .default([]),
  earlyStop: earlyStop.nullable().default(null),
  selection: z.array(decision).max(100_000).nullable().default(null),
  queue: queueBlockSchema.optional(),
  repeats: repeatsBlockSchema.optional(),
});

/** Reading a run file: the run, or every problem found, in plain words. */
export type RunFileResult =
  | { readonly ok: true; readonly run: RunFile }
  | { readonly ok: false; readonly problems: readonly string[] };

const refuse = (...problems: string[]): RunFileResult => ({ ok: false, problems });

/** Reads run file text. Never throws: every input gives the run or the problems. */
export function parseRunFile(input: string): RunFileResult {
  if (typeof input !== 'string') return refuse('A run file is text.');
  if (input.length > RUN_FILE_MAX_CHARS)
    return refuse(
      `The file is too large for a run file (over ${RUN_FILE_MAX_CHARS / 1048576} MiB).`,
    );
  if (jsonDepth(input, RUN_FILE_MAX_DEPTH) < 0)
    return refuse(`The file nests deeper than a run file can (${RUN_FILE_MAX_DEPTH} levels).`);
  let json: unknown;
  try {
    json = JSON.parse(input);
  } catch (e) {
    return refuse(`The file is not valid JSON: ${e instanceof Error ? e.message : String(e)}.`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    return refuse('The file is not a NAS Studio run file (expected a JSON object).');
  const head = json as Record<string, unknown>;
  if (head.format !== RUN_FILE_FORMAT)
    return refuse(
      `The file is not a NAS Studio run file (its "format" is not "${RUN_FILE_FORMAT}").`,
    );
  if (head.version !== RUN_FILE_VERSION)
    return refuse(
      `The run file has version ${JSON.stringify(head.version)}; this studio reads version ${RUN_FILE_VERSION}.`,
    );
  const parsed = runFileSchema.safeParse(json);
  if (!parsed.success)
    return refuse(
      ...parsed.error.issues
        .slice(0, 20)
        .map((i) => `${i.path.length > 0 ? i.path.join('.') : 'The file'}: ${i.message}`),
    );
  return { ok: true, run: parsed.data as RunFile };
}
