/** The defaults bench's printed table. */
import type { ComboResult } from './run-combo';

/** A percentage with one decimal, or '-' when there is no number. */
function pct(v: number | null): string {
  return v === null || !Number.isFinite(v) ? '-' : `${(100 * v).toFixed(1)}%`;
}

/** Minutes with two decimals, or '-'. */
function mins(v: number | null): string {
  return v === null || !Number.isFinite(v) ? '-' : v.toFixed(2);
}

/** yes / no for a rule. */
const yesNo = (ok: boolean): string => (ok ? 'yes' : 'NO');

/** The column headers, in order. */
export const TABLE_HEADER = [
  'preset',
  'dataset',
  'strategy',
  'cpu min',
  'wall min',
  'load',
  'training',
  'supernet / best',
  'derived',
  'stand-alone',
  'chance',
  'bar',
  'in time',
  'halfway',
  'pass',
] as const;

/** One row's cells: for DARTS the supernet and derived accuracies, for SPOS / multi-trial the best subnet and its stand-alone reference. */
export function tableCells(r: ComboResult): string[] {
  return [
    r.preset,
    r.dataset,
    r.strategy,
    mins(r.cpuMinutes),
    mins(r.wallMinutes),
    r.load.map((l) => l.toFixed(1)).join('-'),
    pct(r.trainingShare),
    pct(r.accuracy),
    pct(r.derived),
    pct(r.referenceAccuracy),
    pct(r.chance),
    pct(r.verdict.bar),
    yesNo(r.verdict.inTime),
    yesNo(r.verdict.halfway),
    r.status === 'finished' ? yesNo(r.verdict.pass) : r.status,
  ];
}

/** A fixed-width table of the results, numbers right-aligned. */
export function formatDefaultsTable(rows: readonly ComboResult[]): string {
  const body = rows.map(tableCells);
  const widths = TABLE_HEADER.map((h, i) =>
    Math.max(h.length, ...body.map((cells) => (cells[i] ?? '').length)),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => (i < 3 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(TABLE_HEADER), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}
