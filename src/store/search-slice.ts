/** The search view (Pareto chart, subnet table, inspector) and the stand-alone trainings it asks the shared engine client for. */
import type { StateCreator } from 'zustand';
import { NO_TRAINED_WORKER } from '../bridge/model-export';
import type { ExperimentSpec } from '../core/experiment/spec';
import type { StandaloneOutcome } from '../core/run/protocol';
import type { EngineHolder, NegotiationHooks } from './engine-holder';
import { describeError } from './run-slice';
import { initialSearchView } from './search-archive';
import {
  anyPending,
  modelZip,
  modelZipName,
  outcomeEntry,
  pointEntry,
  resolveTrainings,
  type QueuedTraining,
} from './search-queue';
import { standaloneProblem } from './search-selectors';
import type {
  ColorBy,
  CostAxis,
  ModelExportState,
  SearchViewState,
  StandaloneEntry,
  SubnetColumn,
} from './search-state';
import type { StudioState } from './studio-state';

/** The search view's half of the studio state. */
export interface SearchSlice {
  readonly search: SearchViewState;
  /** True while a stand-alone training runs or is queued. */
  readonly standaloneBusy: boolean;
  /** True once the user has set the stand-alone epochs; until then each run sets its default. */
  readonly standaloneEpochsEdited: boolean;
  /** tfjs model downloads being prepared, or that failed, by stand-alone entry key. */
  readonly modelExports: Readonly<Record<string, ModelExportState>>;
  setCostAxis(axis: CostAxis): void;
  setColorBy(by: ColorBy): void;
  setCompareRuns(on: boolean): void;
  selectPoint(id: string | null): void;
  /** [] clears the brush. */
  brushPoints(ids: readonly string[]): void;
  /** Same column again flips the direction. */
  sortSubnets(column: SubnetColumn): void;
  /** NaN / out of range kept, refused by standaloneProblem. */
  setStandaloneEpochs(epochs: number): void;
  /** Queues the points' genotypes (skips ones done, queued or training) and trains them one by one; refused while standaloneProblem stands. */
  trainStandalone(ids: readonly string[]): void;
  /** Stops the current training and drops the queue. */
  cancelStandalone(): void;
  /**
   * Fetches the tfjs model of point `id`'s trained stand-alone subnet from the worker and hands
   * it to `save` as one zip (model.json + weights.bin); modelExports shows it preparing, then
   * drops it, or keeps why it failed. Does nothing unless the point's training is done.
   */
  downloadStandaloneModel(
    id: string,
    save: (filename: string, zip: Uint8Array) => void,
  ): Promise<void>;
}

/** Columns whose first click sorts best-first (largest first). */
const DESCENDING_FIRST: ReadonlySet<SubnetColumn> = new Set(['accuracy', 'standalone']);

/** Builds the search slice over the shared engine `holder`; the stand-alone epochs start at the default for `initial`. */
export function createSearchSlice(
  initial: ExperimentSpec,
  holder: EngineHolder,
): StateCreator<StudioState, [], [], SearchSlice> {
  return (set, get) => {
    /** Trainings waiting, in order (their entries say 'queued'). */
    let queue: QueuedTraining[] = [];
    let draining = false;
    /** The training in progress (a fresh token each, so late progress of an ended one is ignored). */
    let active: { readonly key: string; stopRequested: boolean } | null = null;

    const view = (change: (search: SearchViewState) => SearchViewState): void =>
      set((s) => ({ search: change(s.search) }));

    const entries = (
      change: (all: Readonly<Record<string, StandaloneEntry>>) => Record<string, StandaloneEntry>,
    ): void =>
      set((s) => {
        const standalone = change(s.search.standalone);
        return { search: { ...s.search, standalone }, standaloneBusy: anyPending(standalone) };
      });

    /** Sets (or, with null, drops) the model export state of entry `key`. */
    const exportState = (key: string, next: ModelExportState | null): void =>
      set((s) => {
        const { [key]: _dropped, ...rest } = s.modelExports;
        return { modelExports: next === null ? rest : { ...rest, [key]: next } };
      });

    const hooks: NegotiationHooks = {
      onBusy: (negotiating) => set({ negotiating }),
      onReport: (report) => set((s) => ({ run: { ...s.run, report } })),
    };

    const train = async (item: QueuedTraining): Promise<void> => {
      const token = { key: item.key, stopRequested: false };
      active = token;
      const progress = (step: number, totalSteps: number): void => {
        if (active === token)
          entries((all) => ({
            ...all,
            [item.key]: { state: 'training', epochs: item.epochs, step, totalSteps },
          }));
      };
      progress(0, 0);
      let outcome: StandaloneOutcome;
      try {
        await holder.negotiate(get().backendChoice, hooks);
        outcome = token.stopRequested
          ? { status: 'stopped', message: 'Stopped before the training began.' }
          : await holder
              .client()
              .trainStandalone(item.request, (p) => progress(p.step, p.totalSteps));
      } catch (err) {
        outcome = {
          status: 'failed',
          message: `The stand-alone training failed: ${describeError(err)}`,
        };
      }
      active = null;
      // A stopped or failed training may have cost the worker; negotiate again before the next task.
      if (outcome.status !== 'finished') holder.forgetBackend();
      entries((all) => ({ ...all, [item.key]: outcomeEntry(item.epochs, outcome) }));
    };

    const drain = async (): Promise<void> => {
      if (draining) return;
      draining = true;
      try {
        for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
          const item = next;
          await holder.serial(() => train(item));
        }
      } finally {
        draining = false;
      }
    };

    return {
      search: initialSearchView(initial),
      standaloneBusy: false,
      standaloneEpochsEdited: false,
      modelExports: {},
      setCostAxis: (costAxis) => view((s) => ({ ...s, costAxis })),
      setColorBy: (colorBy) => view((s) => ({ ...s, colorBy })),
      setCompareRuns: (compareRuns) => view((s) => ({ ...s, compareRuns })),
      selectPoint: (selected) => view((s) => ({ ...s, selected })),
      brushPoints: (ids) => view((s) => ({ ...s, brushed: [...ids] })),
      sortSubnets: (column) =>
        view((s) => ({
          ...s,
          sort:
            s.sort.column === column
              ? { column, descending: !s.sort.descending }
              : { column, descending: DESCENDING_FIRST.has(column) },
        })),
      setStandaloneEpochs: (standaloneEpochs) =>
        set((s) => ({ search: { ...s.search, standaloneEpochs }, standaloneEpochsEdited: true })),
      trainStandalone: (ids) => {
        const state = get();
        if (standaloneProblem(state) !== null) return;
        const items = resolveTrainings(state.run, state.search, ids);
        if (items.length === 0) return;
        queue = [...queue, ...items];
        for (const item of items) exportState(item.key, null);
        entries((all) => {
          const next = { ...all };
          for (const item of items) next[item.key] = { state: 'queued', epochs: item.epochs };
          return next;
        });
        void drain();
      },
      downloadStandaloneModel: async (id, save) => {
        const state = get();
        const found = pointEntry(state.run, state.search, id);
        if (found === null) return;
        const { key } = found;
        const entry = state.search.standalone[key];
        if (entry?.state !== 'done' || state.modelExports[key]?.state === 'preparing') return;
        exportState(key, { state: 'preparing' });
        try {
          const client = holder.existing();
          const files =
            client === null
              ? { problem: NO_TRAINED_WORKER }
              : await client.exportStandaloneModel(entry.score.key);
          if ('problem' in files) {
            exportState(key, { state: 'failed', message: files.problem });
            return;
          }
          save(modelZipName(found.record.key), modelZip(files));
          exportState(key, null);
        } catch (err) {
          exportState(key, {
            state: 'failed',
            message: `The tfjs model could not be downloaded: ${describeError(err).replace(/\.$/, '')}.`,
          });
        }
      },
      cancelStandalone: () => {
        const dropped = new Set(queue.map((q) => q.key));
        queue = [];
        if (dropped.size > 0)
          entries((all) =>
            Object.fromEntries(
              Object.entries(all).filter(([key, e]) => !(dropped.has(key) && e.state === 'queued')),
            ),
          );
        if (active !== null) {
          active.stopRequested = true;
          holder.existing()?.stop();
        }
      },
    };
  };
}
