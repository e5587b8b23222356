/** The experiment being edited: preset, dataset, DARTS hyper-parameters, seed, and the backend choice. */
import type { StateCreator } from 'zustand';
import { datasetsFor, defaultExperiment } from '../core/experiment/defaults';
import type {
  DartsStrategySpec,
  DatasetId,
  DatasetSpec,
  ExperimentSpec,
} from '../core/experiment/spec';
import type { BackendChoice } from '../core/run/protocol';
import { pushHistory } from '../core/history';
import type { PresetName } from '../core/search-space/presets';
import { defaultOpsOf, specDomain } from './composer-logic';
import { composerFor, placeAll } from './composer-slice';
import type { StudioState } from './studio-state';

/** DARTS hyper-parameters edited as numbers (everything but `kind` and `order`). */
export type StrategyNumberField = Exclude<keyof DartsStrategySpec, 'kind' | 'order'>;

/** Dataset settings edited as numbers. */
export type DatasetNumberField = Exclude<keyof DatasetSpec, 'id'>;

/** The editing half of the studio state. */
export interface ExperimentSlice {
  readonly preset: PresetName;
  readonly spec: ExperimentSpec;
  /** Applies to the next run. */
  readonly backendChoice: BackendChoice;
  /**
   * Switches preset; keeps the dataset when it fits, and resets to that combination's defaults. The
   * composer loads the preset's space: undoably while the domain stays, on a fresh history otherwise.
   */
  setPreset(preset: PresetName): void;
  /** Switches dataset (within the space's domain) and resets to the preset's defaults for it, keeping the composed space. */
  setDataset(id: DatasetId): void;
  setOrder(order: 1 | 2): void;
  /** Sets one hyper-parameter; NaN (an unreadable entry) is kept so validation can refuse it. */
  setStrategyNumber(field: StrategyNumberField, value: number): void;
  setDatasetNumber(field: DatasetNumberField, value: number): void;
  setSeed(seed: number): void;
  setBackendChoice(choice: BackendChoice): void;
}

/** The preset and dataset the studio opens with: the small dense space on the spiral. */
export const INITIAL_PRESET: PresetName = 'teaching';

/** The seed the studio opens with. */
export const INITIAL_SEED = 1;

/** The dataset a preset switch lands on: the current one when compatible, else the preset's first. */
export function datasetForPreset(preset: PresetName, current: DatasetId): DatasetId {
  const options = datasetsFor(preset);
  return options.includes(current) ? current : (options[0] ?? current);
}

/** The experiment the studio opens with. */
export function initialExperiment(): ExperimentSpec {
  return defaultExperiment(
    INITIAL_PRESET,
    datasetForPreset(INITIAL_PRESET, 'spiral'),
    INITIAL_SEED,
  );
}

/** Builds the experiment slice (zustand slice creator) starting from `initial`. */
export function createExperimentSlice(
  initial: ExperimentSpec,
): StateCreator<StudioState, [], [], ExperimentSlice> {
  return (set, get) => {
    const setSpec = (spec: ExperimentSpec): void => set({ spec });
    return {
      preset: INITIAL_PRESET,
      spec: initial,
      backendChoice: 'auto',
      setPreset: (preset) => {
        const { spec, composer } = get();
        const next = defaultExperiment(
          preset,
          datasetForPreset(preset, spec.dataset.id),
          spec.seed,
        );
        const composerEpoch = get().composerEpoch + 1;
        if (specDomain(next) !== specDomain(spec)) {
          set({ preset, spec: next, ...composerFor(next.space, next), composerEpoch });
          return;
        }
        set({
          preset,
          spec: next,
          composer: pushHistory(composer, { space: next.space, tied: false }),
          composerRole: 'normal',
          defaultOps: defaultOpsOf(next.space, specDomain(next)),
          composerMessage: null,
          positions: placeAll(next.space, { normal: {}, reduce: {} }),
          composerEpoch,
        });
      },
      setDataset: (id) => {
        const { preset, spec } = get();
        setSpec({ ...defaultExperiment(preset, id, spec.seed), space: spec.space });
      },
      setOrder: (order) => {
        const { spec } = get();
        // The form edits DARTS only; other strategies keep their spec.
        if (spec.strategy.kind !== 'darts') return;
        setSpec({ ...spec, strategy: { ...spec.strategy, order } });
      },
      setStrategyNumber: (field, value) => {
        const { spec } = get();
        if (spec.strategy.kind !== 'darts') return;
        setSpec({ ...spec, strategy: { ...spec.strategy, [field]: value } });
      },
      setDatasetNumber: (field, value) => {
        const { spec } = get();
        setSpec({ ...spec, dataset: { ...spec.dataset, [field]: value } });
      },
      setSeed: (seed) => setSpec({ ...get().spec, seed }),
      setBackendChoice: (backendChoice) => set({ backendChoice }),
    };
  };
}
