/**
 * The expected run time of a spec on the current backend: its work counted by core (run-work.ts),
 * priced with unit times the probe measures here. Unit times are kept per search space, input,
 * batch size and backend, so a change that keeps those (more epochs, another seed, a larger split)
 * is estimated again without a new probe; only kinds of unit not timed yet are probed.
 */
import { capabilitiesOf } from '../../core/strategy/registry';
import * as tf from '@tensorflow/tfjs';
import { latencyKeys, missingKeys, type LatencyKey } from '../../core/cost/latency';
import {
  estimateOf,
  untimedUnits,
  type RunEstimate,
  type UnitTimings,
} from '../../core/cost/run-estimate';
import { runWork } from '../../core/cost/run-work';
import type { EngineWorkSettings } from '../../core/cost/work-units';
import type { ExperimentSpec, LoadedDataset } from '../../core/experiment/spec';
import type { BackendName } from '../../core/run/protocol';
import { EIGEN_DEFAULTS } from '../diagnostics/hessian';
import { HESSIAN_EXAMPLES } from '../diagnostics/epoch';
import { DEFAULT_MEASURE } from '../latency/measure';
import { cachedLatencyTable, latencyDevice } from '../latency/table-cache';
import { CHECKED_SUBNETS } from '../search-check';
import { probeUnits } from './probe-units';
import { PROBE_TIMING, type ProbeTiming } from './time-unit';

/** The engine's settings the work model counts with. */
export const ENGINE_WORK: EngineWorkSettings = {
  hessianExamples: HESSIAN_EXAMPLES,
  hessianProducts: EIGEN_DEFAULTS.maxIterations,
  checkedSubnets: CHECKED_SUBNETS,
};

/** Probes kept at most (one per space, input, batch size and backend; the oldest goes first). */
export const KEPT_PROBES = 16;

/** Estimates run times in one worker, keeping the unit times it has measured. */
export interface RunEstimator {
  /** The estimate of `spec` (a valid one) on `data` on the current backend; `shouldStop` may end the probe (it then throws ProbeStopped). */
  estimate(
    spec: ExperimentSpec,
    data: LoadedDataset,
    shouldStop?: () => boolean,
  ): Promise<RunEstimate>;
}

/** The latency-table entries a run of `spec` would measure now: the keys the worker's cached table for this backend lacks. */
export function keysToMeasure(spec: ExperimentSpec, data: LoadedDataset): LatencyKey[] {
  if (!capabilitiesOf(spec.strategy.kind).constraints) return [];
  const keys = latencyKeys(spec.space, data.input, data.classes);
  const cached = cachedLatencyTable(tf.getBackend(), latencyDevice(), DEFAULT_MEASURE.batch);
  return cached === null ? keys : missingKeys(keys, cached);
}

const BACKENDS: readonly BackendName[] = ['webgpu', 'wasm', 'webgl', 'cpu'];

/** The active tfjs backend as the protocol names it; throws for one the studio does not use. */
function currentBackend(): BackendName {
  const active = tf.getBackend();
  const name = BACKENDS.find((b) => b === active);
  if (name === undefined)
    throw new Error(`The run time cannot be estimated on backend "${active}".`);
  return name;
}

/** What unit times depend on: backend, search space, input, classes and batch size. */
function probeKey(backend: BackendName, spec: ExperimentSpec, data: LoadedDataset): string {
  return JSON.stringify([backend, spec.space, data.input, data.classes, spec.strategy.batchSize]);
}

/** Creates an estimator; `probe` times units (the real probe unless a test passes another). */
export function createRunEstimator(
  probe: typeof probeUnits = probeUnits,
  timing: ProbeTiming = PROBE_TIMING,
): RunEstimator {
  const kept = new Map<string, UnitTimings>();
  return {
    async estimate(spec, data, shouldStop) {
      const backend = currentBackend();
      const latency = keysToMeasure(spec, data);
      const work = runWork(spec, { engine: ENGINE_WORK, latencyEntries: latency.length });
      const key = probeKey(backend, spec, data);
      const known = kept.get(key) ?? {};
      const missing = untimedUnits(work, known);
      const started = performance.now();
      const measured =
        missing.length === 0
          ? {}
          : await probe(spec, data, missing, { timing, shouldStop, latencyKeys: latency });
      const probeMs = missing.length === 0 ? 0 : performance.now() - started;
      const timings = { ...known, ...measured };
      kept.delete(key);
      kept.set(key, timings);
      for (const old of kept.keys()) {
        if (kept.size <= KEPT_PROBES) break;
        kept.delete(old);
      }
      return estimateOf(work, timings, backend, probeMs);
    },
  };
}
