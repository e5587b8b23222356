/** The experiment being edited: preset, dataset, strategy and its hyper-parameters, seed, and the backend choice. */
import type { StateCreator } from 'zustand';
import {
  datasetsFor,
  defaultExperiment,
  defaultUploadExperiment,
  uploadFits,
} from '../core/experiment/defaults';
import {
  liveDrafts,
  needsDraft,
  NO_DRAFTS,
  valueAtPath,
  type FieldDrafts,
} from '../core/experiment/drafts';
import type {
  BuiltInDatasetId,
  DartsStrategySpec,
  DatasetId,
  DatasetSpec,
  ExperimentSpec,
  StrategyKind,
  UploadSpec,
} from '../core/experiment/spec';
import type { BackendChoice } from '../core/run/protocol';
import { pushHistory } from '../core/history';
import { uploadInput } from '../core/data/load';
import { validateSpace } from '../core/search-space/validate';
import type { PresetName } from '../core/search-space/presets';
import { defaultOpsOf, specDomain } from './composer-logic';
import { composerFor, placeAll } from './composer-slice';
import { strategyFor } from '../core/experiment/strategy-for';
import { withStrategyChoice } from '../core/strategy/registry';
import type { ProxyName } from '../core/proxies/names';
import type { WarmupProxy } from '../core/strategies/warmup';
import {
  withConstraint,
  withLatencyLoss,
  withSearchMode,
  withStrategyKind,
  withStrategyNumber,
} from './strategy-edits';
import type {
  ConstraintField,
  DartsChoiceField,
  SearchMode,
  StrategyNumberField,
} from './strategy-fields';
import type { StudioState } from './studio-state';
import type { LatencyLossSpec } from '../core/latency-loss/spec';

/** A numeric field of any strategy kind (defined with the per-kind field lists). */
export type { StrategyNumberField } from './strategy-fields';

/** Dataset settings edited as numbers. */
export type DatasetNumberField = Exclude<keyof DatasetSpec, 'id' | 'upload'>;

/** The editing half of the studio state. */
export interface ExperimentSlice {
  readonly preset: PresetName;
  readonly spec: ExperimentSpec;
  /**
   * The raw text typed into numeric fields, by spec path ('strategy.epochs': 'abc'), where the value
   * alone would not give it back; a draft is shown only while it still parses to the value there.
   */
  readonly drafts: FieldDrafts;
  /** Applies to the next run. */
  readonly backendChoice: BackendChoice;
  /**
   * Switches preset; keeps the dataset when it fits and the strategy kind, and resets to that
   * combination's defaults. The composer loads the preset's space: undoably while the domain stays,
   * on a fresh history otherwise.
   */
  setPreset(preset: PresetName): void;
  /** Switches dataset (within the space's domain) and resets to the preset's defaults for it, keeping the composed space and the strategy kind. */
  setDataset(id: BuiltInDatasetId): void;
  /**
   * Switches to an uploaded dataset (every example, the preset's defaults for it, the composed space
   * and strategy kind kept); a table on an image preset switches to teaching first, images on a
   * vector preset to nb201.
   */
  setUploadedDataset(upload: UploadSpec): void;
  /** Switches strategy kind, to its defaults for the dataset and the space's size; the same kind keeps its settings. */
  setStrategyKind(kind: StrategyKind): void;
  /** DARTS only: first or second order. */
  setOrder(order: 1 | 2): void;
  /** DARTS only: one of its list settings (order, early stopping, selection rule). */
  setDartsChoice<K extends DartsChoiceField>(field: K, value: DartsStrategySpec[K]): void;
  /** Sets one hyper-parameter of the active kind (a field it lacks does nothing); NaN (an unreadable entry) is kept so validation can refuse it. */
  setStrategyNumber(field: StrategyNumberField, value: number): void;
  /** SPOS and multi-trial: evolution or random search (DARTS ignores it). */
  setSearchMode(mode: SearchMode): void;
  /** SPOS and multi-trial: one bound, or null for none (DARTS ignores it); NaN is kept so validation can refuse it. */
  setConstraint(field: ConstraintField, value: number | null): void;
  /** Differentiable searches: edits the latency loss (a strategy without one ignores it); NaN is kept so validation can refuse it. */
  setLatencyLoss(edit: (l: LatencyLossSpec) => LatencyLossSpec): void;
  setDatasetNumber(field: DatasetNumberField, value: number): void;
  setSeed(seed: number): void;
  /** Records `text` as typed into the field at spec path `path`, after its value was set; drops drafts that no longer hold. */
  setDraft(path: string, text: string): void;
  setBackendChoice(choice: BackendChoice): void;
  /** Zero-cost only: the proxy that ranks the space. */
  setProxy(proxy: ProxyName): void;
  /** Multi-trial only: the proxy of evolution's zero-cost warm-up, or 'none' for a random first population. */
  setWarmupProxy(proxy: WarmupProxy): void;
}

/** The preset and dataset the studio opens with: the small dense space on the spiral. */
export const INITIAL_PRESET: PresetName = 'teaching';

/** The seed the studio opens with. */
export const INITIAL_SEED = 1;

/** The dataset a preset switch lands on: the current one when compatible, else the preset's first. */
export function datasetForPreset(preset: PresetName, current: DatasetId): BuiltInDatasetId {
  const options = datasetsFor(preset);
  return options.find((o) => o === current) ?? options[0] ?? 'spiral';
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
    /** A reset of many fields: the spec, and only the drafts that still hold for it. */
    const resetSpec = (spec: ExperimentSpec): void =>
      set({ spec, drafts: liveDrafts(spec, get().drafts) });
    return {
      preset: INITIAL_PRESET,
      spec: initial,
      drafts: NO_DRAFTS,
      backendChoice: 'auto',
      setPreset: (preset) => {
        const { spec, composer } = get();
        const upload = spec.dataset.upload;
        const base =
          upload !== undefined && uploadFits(preset, upload)
            ? defaultUploadExperiment(preset, upload, spec.seed)
            : defaultExperiment(preset, datasetForPreset(preset, spec.dataset.id), spec.seed);
        const next = { ...base, strategy: strategyFor(spec.strategy.kind, base) };
        const composerEpoch = get().composerEpoch + 1;
        const drafts = liveDrafts(next, get().drafts);
        if (specDomain(next) !== specDomain(spec)) {
          set({ preset, spec: next, drafts, ...composerFor(next.space, next), composerEpoch });
          return;
        }
        set({
          preset,
          spec: next,
          drafts,
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
        const next = { ...defaultExperiment(preset, id, spec.seed), space: spec.space };
        resetSpec({ ...next, strategy: strategyFor(spec.strategy.kind, next) });
      },
      setUploadedDataset: (upload) => {
        if (!uploadFits(get().preset, upload))
          get().setPreset(upload.kind === 'table' ? 'teaching' : 'nb201');
        const { preset, spec } = get();
        const fresh = defaultUploadExperiment(preset, upload, spec.seed);
        // The composed space is kept; its macro follows the new input when the old one cannot run on it.
        const fits = validateSpace(spec.space, uploadInput(upload).input).length === 0;
        const space = fits ? spec.space : { ...spec.space, macro: fresh.space.macro };
        const next = { ...fresh, space };
        resetSpec({ ...next, strategy: strategyFor(spec.strategy.kind, next) });
      },
      setStrategyKind: (kind) => resetSpec(withStrategyKind(get().spec, kind)),
      setOrder: (order) => get().setDartsChoice('order', order),
      setDartsChoice: (field, value) => {
        const { spec } = get();
        const strategy = withStrategyChoice(spec.strategy, field, value);
        if (strategy !== spec.strategy) setSpec({ ...spec, strategy });
      },
      setStrategyNumber: (field, value) => {
        const { spec } = get();
        const strategy = withStrategyNumber(spec.strategy, field, value);
        if (strategy !== spec.strategy) setSpec({ ...spec, strategy });
      },
      setSearchMode: (mode) => {
        const { spec } = get();
        const strategy = withSearchMode(spec.strategy, mode);
        if (strategy !== spec.strategy) setSpec({ ...spec, strategy });
      },
      setConstraint: (field, value) => {
        const { spec } = get();
        const strategy = withConstraint(spec.strategy, field, value);
        if (strategy !== spec.strategy) setSpec({ ...spec, strategy });
      },
      setLatencyLoss: (edit) => {
        const { spec } = get();
        const strategy = withLatencyLoss(spec.strategy, edit);
        if (strategy !== spec.strategy) setSpec({ ...spec, strategy });
      },
      setDatasetNumber: (field, value) => {
        const { spec } = get();
        setSpec({ ...spec, dataset: { ...spec.dataset, [field]: value } });
      },
      setSeed: (seed) => setSpec({ ...get().spec, seed }),
      setDraft: (path, text) => {
        const { spec, drafts } = get();
        const value = valueAtPath(spec, path);
        const next: Record<string, string> = { ...liveDrafts(spec, drafts) };
        if (value !== undefined && needsDraft(path, text, value)) next[path] = text;
        else delete next[path];
        set({ drafts: next });
      },
      setBackendChoice: (backendChoice) => set({ backendChoice }),
      setProxy: (proxy) => {
        const { spec } = get();
        const strategy = withStrategyChoice(spec.strategy, 'proxy', proxy);
        if (strategy !== spec.strategy) setSpec({ ...spec, strategy });
      },
      setWarmupProxy: (proxy) => {
        const { spec } = get();
        const strategy = withStrategyChoice(spec.strategy, 'warmupProxy', proxy);
        if (strategy !== spec.strategy) setSpec({ ...spec, strategy });
      },
    };
  };
}
