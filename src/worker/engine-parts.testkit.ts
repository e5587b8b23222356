/** Test helpers for the engine API: scripted parts that record negotiations, loads, deliveries and releases in one log. */
import type { RunEstimate } from '../core/cost/run-estimate';
import type { ExperimentSpec, LoadedDataset } from '../core/experiment/spec';
import type { RunControl } from '../core/run/control';
import type {
  BackendChoice,
  BackendReport,
  EventSink,
  RunEvent,
  StandaloneScore,
} from '../core/run/protocol';
import { createEngineApi, type EngineParts } from './engine-api';

/** A minimal spec: only its identity matters to the engine API. */
export const testSpec = {
  version: 1,
  name: 'test',
  seed: 7,
  dataset: { id: 'xor' },
} as unknown as ExperimentSpec;

/** A stand-in dataset (the scripted parts never read it). */
export const testData = { id: 'xor' } as unknown as LoadedDataset;

/** The report a scripted negotiation resolves. */
export const testReport = (choice: BackendChoice): BackendReport => ({
  backend: 'wasm',
  choice,
  reason: 'Using wasm.',
  probes: [],
});

/** The estimate a scripted estimator resolves. */
export const testEstimate: RunEstimate = {
  backend: 'wasm',
  totalSeconds: 12,
  phases: { training: 12 },
  units: { weightStep: 40 },
  timings: { weightStep: 300 },
  probeMs: 600,
};

/** A score for subnet `key` after `steps` steps. */
export const testScore = (key: string, steps: number): StandaloneScore => ({
  key,
  initialValidAcc: 0.5,
  validAcc: 0.9,
  testAcc: 0.88,
  trainLoss: 0.3,
  steps,
  paramCount: 120,
  elapsedMs: 42,
});

/** Parts over a scripted runner and stand-alone trainer; every part logs what it did. */
export function setupEngine(run: EngineParts['run'], overrides: Partial<EngineParts> = {}) {
  const log: string[] = [];
  const events: RunEvent[] = [];
  const parts: EngineParts = {
    negotiate: async (choice) => (log.push(`negotiate ${choice}`), testReport(choice)),
    loadData: async () => (log.push('load'), testData),
    run,
    trainStandalone: async (request) => (log.push('train'), testScore(request.key, 0)),
    estimate: async () => (log.push('estimate'), testEstimate),
    exportStandaloneModel: async (key) => (
      log.push(`export ${key}`),
      { problem: 'No trained subnet is kept here.' }
    ),
    deliver: (_sink, batch) => {
      log.push(`deliver ${batch.length}`);
      events.push(...batch);
    },
    release: () => log.push('release'),
    intervalMs: 1000,
    ...overrides,
  };
  return { api: createEngineApi(parts), log, events };
}

/** A sink that drops every batch. */
export const dropSink: EventSink = () => undefined;

/** A runner that takes `steps` gated steps, emitting a step event each. */
export const gatedRunner =
  (steps: number, seen: { control?: RunControl } = {}): EngineParts['run'] =>
  async (_spec, _data, control, emit) => {
    seen.control = control;
    for (let i = 1; i <= steps; i++) {
      if (!(await control.gate())) return 'stopped';
      emit({
        type: 'step',
        step: i,
        epoch: 0,
        trainLoss: 1,
        trainAcc: 0,
        alphaLoss: 1,
        elapsedMs: 0,
      });
    }
    return 'finished';
  };
