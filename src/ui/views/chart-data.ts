/** Pure conversions from run state to the plain data the d3 views draw. */
import { capabilitiesOf } from '../../core/strategy/registry';
import type { AlphaCell } from '../../charts/alpha-data';
import type { StrategyKind } from '../../core/experiment/spec';
import type { LineSeries } from '../../charts/line-chart';
import { nodeIndex } from '../../core/search-space/cell';
import type { CellRole, CellSpec } from '../../core/search-space/types';
import { seriesPoints } from '../../core/series/downsample';
import type { RunState } from '../../core/run/state';

/** Line colours of the metric charts. */
export const METRIC_COLORS = {
  train: 'var(--series-train)',
  alpha: 'var(--series-alpha)',
  valid: 'var(--series-valid)',
} as const;

/** The searched cells of a run, in display order, with their specs. */
export function searchedCells(
  run: Pick<RunState, 'spec'>,
): { role: CellRole; title: string; cell: CellSpec }[] {
  const space = run.spec?.space;
  if (!space) return [];
  const cells: { role: CellRole; title: string; cell: CellSpec }[] = [
    { role: 'normal', title: space.reduce ? 'Normal cell' : 'Cell', cell: space.normal },
  ];
  if (space.reduce) cells.push({ role: 'reduce', title: 'Reduction cell', cell: space.reduce });
  return cells;
}

/** Training loss per step, alpha-step loss per step and validation loss per evaluation (the last two for DARTS runs only: other strategies have neither). */
export function lossSeries(
  run: Pick<RunState, 'steps' | 'evals'>,
  strategy: StrategyKind = 'darts',
): LineSeries[] {
  const steps = seriesPoints(run.steps);
  const all: LineSeries[] = [
    {
      name: 'train',
      color: METRIC_COLORS.train,
      points: steps.map((p) => ({ x: p.step, y: p.trainLoss })),
    },
    {
      name: 'alpha step',
      color: METRIC_COLORS.alpha,
      points: steps.map((p) => ({ x: p.step, y: p.alphaLoss })),
    },
    {
      name: 'validation',
      color: METRIC_COLORS.valid,
      markers: true,
      points: seriesPoints(run.evals).map((p) => ({ x: p.step, y: p.validLoss })),
    },
  ];
  return capabilitiesOf(strategy).alphas ? all : all.slice(0, 1);
}

/** Training accuracy per step and validation accuracy per evaluation (DARTS only: other strategies have no per-epoch evaluation). */
export function accuracySeries(
  run: Pick<RunState, 'steps' | 'evals'>,
  strategy: StrategyKind = 'darts',
): LineSeries[] {
  const all: LineSeries[] = [
    {
      name: 'train',
      color: METRIC_COLORS.train,
      points: seriesPoints(run.steps).map((p) => ({ x: p.step, y: p.trainAcc })),
    },
    {
      name: 'validation',
      color: METRIC_COLORS.valid,
      markers: true,
      points: seriesPoints(run.evals).map((p) => ({ x: p.step, y: p.validAcc })),
    },
  ];
  return capabilitiesOf(strategy).alphas ? all : all.slice(0, 1);
}

/** Node id to DARTS number, as text, for edge titles. */
function numberLabels(cell: CellSpec): Map<string, string> {
  return new Map([...nodeIndex(cell)].map(([id, i]) => [id, String(i)]));
}

/** Each searched cell's edges with its sampled softmax alphas, tagged with its role. */
export function alphaCells(
  run: Pick<RunState, 'spec' | 'started' | 'alphas'>,
): (AlphaCell & { role: CellRole })[] {
  const labels = run.started?.cells;
  if (!labels) return [];
  return searchedCells(run).flatMap(({ role, title, cell }) => {
    const edges = labels[role];
    const series = run.alphas[role];
    if (!edges) return [];
    return [
      {
        role,
        title,
        edges,
        nodeLabels: numberLabels(cell),
        samples: series ? seriesPoints(series) : [],
      },
    ];
  });
}
