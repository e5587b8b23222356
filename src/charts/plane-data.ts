/** Plain data of the plane view: labelled 2D points by split, class colours, and heatmap cell shading. */
import type { BoundaryDomain } from '../core/run/boundary';
import type { DataSplit } from '../core/experiment/spec';
import { NEUTRAL_COLOR } from './op-colors';

/** The split a point belongs to, drawn as a marker: filled circle, ring, triangle. */
export type PointSplit = 'train' | 'valid' | 'test';

/** One point of the scatter. */
export interface PlanePoint {
  readonly x: number;
  readonly y: number;
  readonly label: number;
  readonly split: PointSplit;
}

/** The three splits of a 2-feature dataset. */
export interface PlaneSplits {
  readonly train: DataSplit;
  readonly valid: DataSplit;
  readonly test: DataSplit;
}

/** Split names as the legend writes them. */
export const SPLIT_NAMES: Record<PointSplit, string> = {
  train: 'training',
  valid: 'validation',
  test: 'test',
};

/** Class colours: the first two as TensorFlow Playground's (orange, blue), then Tableau's. */
const CLASS_COLORS = [
  '#f59322',
  '#0877bd',
  '#59a14f',
  '#e15759',
  '#b07aa1',
  '#76b7b2',
  '#edc948',
  '#9c755f',
  '#ff9da7',
  '#bab0ac',
];

/** The colour of class `label`. */
export function classColor(label: number): string {
  return CLASS_COLORS[label % CLASS_COLORS.length] ?? NEUTRAL_COLOR;
}

/** Every point of `splits` (2 features each), training points first so the others draw on top. */
export function planePoints(splits: PlaneSplits): PlanePoint[] {
  const out: PlanePoint[] = [];
  for (const split of ['train', 'valid', 'test'] as const) {
    const s = splits[split];
    for (let i = 0; i < s.count; i++)
      out.push({ x: s.x[2 * i] ?? 0, y: s.x[2 * i + 1] ?? 0, label: s.y[i] ?? 0, split });
  }
  return out;
}

/** The rectangle every point lies in, padded by a tenth of its span; [-1, 1]² without points. */
export function pointsDomain(points: readonly PlanePoint[]): BoundaryDomain {
  if (points.length === 0) return { x0: -1, x1: 1, y0: -1, y1: 1 };
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const pad = Math.max(x1 - x0, y1 - y0, 1e-3) * 0.1;
  return { x0: x0 - pad, x1: x1 + pad, y0: y0 - pad, y1: y1 + pad };
}

/** Fill opacity of a heatmap cell: 0.1 where the model is at chance among `classes`, 0.7 where it is certain. */
export function cellOpacity(confidence: number, classes: number): number {
  const chance = 1 / Math.max(2, classes);
  const t = Math.min(1, Math.max(0, (confidence - chance) / (1 - chance)));
  return 0.1 + 0.6 * t;
}

/** How many of `points` a grid prediction puts in their own class (nearest grid cell), of all. */
export function gridAgreement(
  points: readonly PlanePoint[],
  grid: { readonly size: number; readonly domain: BoundaryDomain; readonly classes: Uint8Array },
): { readonly agree: number; readonly total: number } {
  const { size, domain: d, classes } = grid;
  let agree = 0;
  for (const p of points) {
    const c = Math.min(size - 1, Math.max(0, Math.floor(((p.x - d.x0) / (d.x1 - d.x0)) * size)));
    const r = Math.min(size - 1, Math.max(0, Math.floor(((p.y - d.y0) / (d.y1 - d.y0)) * size)));
    if (classes[r * size + c] === p.label) agree += 1;
  }
  return { agree, total: points.length };
}

/**
 * A decision-boundary heatmap in words, its text alternative: the share of the grid given to each
 * class, how sure the model is on average, and how many points lie on their own class's side.
 */
export function boundarySummary(
  points: readonly PlanePoint[],
  grid: {
    readonly size: number;
    readonly domain: BoundaryDomain;
    readonly classes: Uint8Array;
    readonly confidence: Float32Array;
  },
  classes: number,
): string {
  const cells = grid.size * grid.size;
  const perClass = new Array<number>(Math.max(1, classes)).fill(0);
  let sure = 0;
  for (let i = 0; i < cells; i++) {
    const c = grid.classes[i] ?? 0;
    perClass[c] = (perClass[c] ?? 0) + 1;
    sure += grid.confidence[i] ?? 0;
  }
  const pct = (n: number, of: number): string => `${Math.round((100 * n) / Math.max(1, of))}%`;
  const shares = perClass.map((n, c) => `class ${c} on ${pct(n, cells)}`).join(', ');
  const { agree, total } = gridAgreement(points, grid);
  const onSide =
    total === 0
      ? ''
      : ` ${agree} of ${total} points (${pct(agree, total)}) lie on their own class's side.`;
  return `Over a ${grid.size} × ${grid.size} grid the model predicts ${shares}, with a mean confidence of ${pct(sure, cells)}.${onSide}`;
}
