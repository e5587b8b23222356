/** fast-check arbitraries for valid experiment specs (presets with random field values) and run summaries fitted to them. */
import { PROXY_NAMES } from '../proxies/names';
import { LATENCY_FORMS } from '../latency-loss/spec';
import fc from 'fast-check';
import { datasetsFor, defaultExperiment } from '../experiment/defaults';
import type {
  ConstraintsSpec,
  DatasetSpec,
  ExperimentSpec,
  StrategySpec,
  WeightTrainingSpec,
} from '../experiment/spec';
import { validateExperiment } from '../experiment/validate';
import { PRESET_NAMES } from '../search-space/presets';
import type { CellGenotype, CellSpec } from '../search-space/types';
import type { RunSummary } from './summary';

/** Names that must survive as plain text. */
export const HOSTILE_NAMES = [
  '<img src=x onerror=alert(1)>',
  '<script>alert("x")</script>',
  '"; alert(1); //',
  'javascript:alert(1)',
  '{{constructor.constructor("alert(1)")()}}',
];

const name = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }).filter((s) => s.length <= 120),
  fc.constantFrom(...HOSTILE_NAMES),
);

const weights: fc.Arbitrary<WeightTrainingSpec> = fc.record({
  epochs: fc.integer({ min: 1, max: 500 }),
  batchSize: fc.integer({ min: 1, max: 64 }),
  weightLr: fc.double({ min: 0.01, max: 1, noNaN: true }),
  weightLrMin: fc.double({ min: 0, max: 0.01, noNaN: true }),
  momentum: fc.double({ min: 0, max: 0.99, noNaN: true }),
  weightDecay: fc.double({ min: 0, max: 0.01, noNaN: true }),
  gradClip: fc.double({ min: 0.1, max: 10, noNaN: true }),
});

const constraints: fc.Arbitrary<ConstraintsSpec> = fc.record({
  maxParams: fc.option(fc.integer({ min: 1, max: 10_000_000 }), { nil: null }),
  maxFlops: fc.option(fc.integer({ min: 1, max: 1_000_000_000 }), { nil: null }),
  maxLatencyMs: fc.option(fc.double({ min: 0.001, max: 1000, noNaN: true }), { nil: null }),
});

const search = fc.constantFrom('evolution' as const, 'random' as const);

const strategy: fc.Arbitrary<StrategySpec> = fc.oneof(
  fc
    .record({
      w: weights,
      order: fc.constantFrom(1 as const, 2 as const),
      alphaLr: fc.double({ min: 1e-4, max: 0.1, noNaN: true }),
      alphaBeta1: fc.double({ min: 0, max: 0.9, noNaN: true }),
      alphaBeta2: fc.double({ min: 0.9, max: 0.999, noNaN: true }),
      alphaWeightDecay: fc.double({ min: 0, max: 0.01, noNaN: true }),
      warmupEpochs: fc.constant(0),
      earlyStop: fc.constantFrom('off' as const, 'darts+' as const),
      stableEpochs: fc.integer({ min: 1, max: 50 }),
      selection: fc.constantFrom('magnitude' as const, 'perturbation' as const),
      tuneEpochs: fc.integer({ min: 0, max: 10 }),
      latency: fc.record({
        form: fc.constantFrom(...LATENCY_FORMS),
        targetMs: fc.double({ min: 0.01, max: 1000, noNaN: true }),
        alpha: fc.double({ min: 0.01, max: 10, noNaN: true }),
        beta: fc.double({ min: 0.01, max: 5, noNaN: true }),
        lambda: fc.double({ min: 0.01, max: 10, noNaN: true }),
      }),
    })
    .map(({ w, ...d }) => ({ kind: 'darts' as const, ...w, ...d })),
  fc
    .record({
      w: weights,
      search,
      generations: fc.integer({ min: 1, max: 50 }),
      population: fc.integer({ min: 1, max: 100 }),
      topK: fc.integer({ min: 1, max: 100 }),
      mutations: fc.integer({ min: 0, max: 50 }),
      crossovers: fc.integer({ min: 0, max: 50 }),
      mutationProb: fc.double({ min: 0, max: 1, noNaN: true }),
      samples: fc.integer({ min: 1, max: 1000 }),
      calibrationBatches: fc.integer({ min: 1, max: 10 }),
      validSubset: fc.integer({ min: 1, max: 10000 }),
      constraints,
    })
    .map(({ w, topK, population, ...s }) => ({
      kind: 'spos' as const,
      ...w,
      ...s,
      population,
      topK: Math.min(topK, population),
    })),
  fc
    .record({
      w: weights,
      search,
      trials: fc.integer({ min: 1, max: 1000 }),
      population: fc.integer({ min: 1, max: 100 }),
      sample: fc.integer({ min: 1, max: 100 }),
      warmupProxy: fc.constantFrom('none' as const, ...PROXY_NAMES),
      warmupPool: fc.integer({ min: 100, max: 20000 }),
      calibrationBatches: fc.integer({ min: 1, max: 10 }),
      constraints,
    })
    .map(({ w, ...s }) => ({ kind: 'multi-trial' as const, ...w, ...s })),
);

/** Random dataset settings that keep every split above one batch of 64. */
function datasetArb(base: DatasetSpec): fc.Arbitrary<DatasetSpec> {
  return fc
    .record({
      samples:
        base.id === 'mnist'
          ? fc.integer({ min: 500, max: 10000 })
          : fc.integer({ min: 400, max: 5000 }),
      noise: base.id === 'mnist' ? fc.constant(0) : fc.double({ min: 0, max: 0.5, noNaN: true }),
      trainFraction: fc.double({ min: 0.3, max: 0.5, noNaN: true }),
      validFraction: fc.double({ min: 0.3, max: 0.45, noNaN: true }),
    })
    .map((d) => ({ ...base, ...d }));
}

/** A valid experiment: a preset on one of its datasets, with random name, seed, data settings and strategy. */
export const specArb: fc.Arbitrary<ExperimentSpec> = fc
  .constantFrom(...PRESET_NAMES)
  .chain((preset) =>
    fc.constantFrom(...datasetsFor(preset)).map((id) => defaultExperiment(preset, id)),
  )
  .chain((base) =>
    fc
      .record({
        name,
        seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        dataset: datasetArb(base.dataset),
        strategy,
      })
      .map((r) => ({ ...base, ...r })),
  )
  .filter((spec) => validateExperiment(spec).length === 0);

/** A subnet of `cell`: one op per edge, chosen by `pick`. */
function subnetOf(cell: CellSpec, pick: readonly number[]): CellGenotype {
  return {
    edges: cell.edges.map((e, i) => ({
      from: e.from,
      to: e.to,
      op: e.ops[(pick[i] ?? 0) % e.ops.length] ?? 'none',
    })),
    concat: [...cell.nodes],
  };
}

/** A run summary that fits `spec`'s space and strategy. */
export function summaryArb(spec: ExperimentSpec): fc.Arbitrary<RunSummary> {
  return fc
    .record({
      pick: fc.array(fc.nat(), { minLength: 16, maxLength: 16 }),
      validAcc: fc.double({ min: 0, max: 1, noNaN: true }),
      testAcc: fc.double({ min: 0, max: 1, noNaN: true }),
      steps: fc.nat({ max: 100000 }),
      finishedAt: fc.option(fc.constant('2025-01-02T03:04:05.000Z'), { nil: null }),
    })
    .map(({ pick, ...r }) => ({
      ...r,
      strategy: spec.strategy.kind,
      genotype: {
        normal: subnetOf(spec.space.normal, pick),
        reduce: spec.space.reduce ? subnetOf(spec.space.reduce, pick) : null,
      },
    }));
}
