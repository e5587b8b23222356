/** The benchmark's printed table and its JSON record. */
import type { BenchRow } from './protocol';

/** ms/step as printed: one decimal under 100 ms, whole numbers above. */
function msCell(ms: number | null): string {
  if (ms === null) return '-';
  return ms < 100 ? ms.toFixed(1) : Math.round(ms).toLocaleString('en-US');
}

/** Steps per second as printed. */
function rateCell(ms: number | null): string {
  if (ms === null || ms <= 0) return '-';
  const rate = 1000 / ms;
  return rate >= 10 ? rate.toFixed(1) : rate >= 0.1 ? rate.toFixed(2) : rate.toFixed(3);
}

/** A fixed-width text table: backend, runtime, ms/step, steps/s, note. */
export function formatTable(rows: readonly BenchRow[]): string {
  const header = ['backend', 'runtime', 'ms/step', 'steps/s', 'note'];
  const body = rows.map((r) => [
    r.backend,
    r.runtime,
    msCell(r.msPerStep),
    rateCell(r.msPerStep),
    r.note,
  ]);
  const widths = header.map((h, i) =>
    Math.max(h.length, ...body.map((cells) => (cells[i] ?? '').length)),
  );
  const numeric = new Set([2, 3]);
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) =>
        i === cells.length - 1
          ? c
          : numeric.has(i)
            ? c.padStart(widths[i] ?? 0)
            : c.padEnd(widths[i] ?? 0),
      )
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(header), rule, ...body.map(line)].join('\n');
}

/** The JSON written to bench-results/bench.json. */
export interface BenchRecord {
  readonly date: string;
  readonly workload: string;
  readonly machine: {
    readonly platform: string;
    readonly cpus: number;
    readonly node: string;
    readonly chromium: string | null;
  };
  readonly rows: readonly BenchRow[];
}
