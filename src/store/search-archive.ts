/** Pure changes of the search view state around runs: its opening state, archiving ended runs, and what a new run keeps. */
import type { ExperimentSpec } from '../core/experiment/spec';
import { isEnded } from '../core/run/fold';
import { standaloneEpochs } from '../core/trust/standalone-epochs';
import type { RunState } from '../core/run/state';
import { runContext, runLabel } from './search-context';
import { searchPoints } from './search-selectors';
import type { SearchRun, SearchViewState } from './search-state';

/** Discrete-search runs kept for comparison; the oldest is dropped beyond this. */
export const ARCHIVE_LIMIT = 20;

/** Stand-alone epochs for subnets of `spec`: at least the supernet's own epochs (core/trust standaloneEpochs; 4 on MNIST, 100 on 2D sets by default). */
export function defaultStandaloneEpochs(spec: ExperimentSpec): number {
  return standaloneEpochs(spec);
}

/** The search view before any run: params axis, coloured by strategy, comparing runs, table in evaluation order. */
export function initialSearchView(spec: ExperimentSpec): SearchViewState {
  return {
    costAxis: 'params',
    colorBy: 'strategy',
    compareRuns: true,
    selected: null,
    brushed: [],
    sort: { column: 'order', descending: false },
    archive: [],
    standalone: {},
    standaloneEpochs: defaultStandaloneEpochs(spec),
  };
}

/** The archived copy of an ended run with at least one subnet record (a DARTS run has its derived cell), else null. */
export function searchRunOf(run: RunState): SearchRun | null {
  const spec = run.spec;
  if (spec === null || !isEnded(run.status) || run.subnets.length === 0) return null;
  return {
    runId: run.runId,
    label: runLabel(spec),
    strategy: spec.strategy.kind,
    context: runContext(spec),
    spec,
    records: run.subnets,
    latency: run.latency,
    checks: run.latencyChecks,
  };
}

/**
 * Keeps an ended SPOS or multi-trial run (finished, stopped or failed) with at least one subnet in
 * the archive: appended once, refreshed if records arrive after its end, oldest dropped past
 * ARCHIVE_LIMIT. Returns `search` itself when nothing changes.
 */
export function archiveRun(search: SearchViewState, run: RunState): SearchViewState {
  const entry = searchRunOf(run);
  if (entry === null) return search;
  const i = search.archive.findIndex((a) => a.runId === entry.runId);
  const known = search.archive[i];
  if (known === undefined)
    return { ...search, archive: [...search.archive, entry].slice(-ARCHIVE_LIMIT) };
  if (
    known.records === entry.records &&
    known.latency === entry.latency &&
    known.checks === entry.checks
  )
    return search;
  return { ...search, archive: search.archive.map((a, j) => (j === i ? entry : a)) };
}

/**
 * What a new run (`run`, just begun) keeps of the view: the selection and brush only where they
 * name archived points it still plots; everything else about them is cleared.
 */
export function keepPlotted(search: SearchViewState, run: RunState): SearchViewState {
  if (search.selected === null && search.brushed.length === 0) return search;
  const plotted = new Set(searchPoints(run, search).map((p) => p.id));
  const selected =
    search.selected !== null && plotted.has(search.selected) ? search.selected : null;
  const brushed = search.brushed.filter((id) => plotted.has(id));
  if (selected === search.selected && brushed.length === search.brushed.length) return search;
  return { ...search, selected, brushed };
}
