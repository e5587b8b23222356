/** The benchmark's printed table and its JSON record. */
import { formatRelativeSpeed, peerRelativeSpeed } from './peer-output';
import type { BenchRow, PeerResult, PeerRun } from './protocol';

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

/** A count as printed, with thousands separators; "-" when unknown. */
function countCell(n: number | null): string {
  return n === null ? '-' : n.toLocaleString('en-US');
}

/** Bytes as printed, in MB (10^6) with one decimal; "-" when unknown. */
function mbCell(bytes: number | null): string {
  return bytes === null ? '-' : (bytes / 1e6).toFixed(1);
}

/** "1 thread", "2 threads". */
function threadsText(n: number): string {
  return n === 1 ? '1 thread' : `${n} threads`;
}

/** Lays out cells in columns: numeric columns right-aligned, the last column (note) left free. */
function layout(
  header: readonly string[],
  body: readonly string[][],
  numeric: Set<number>,
): string {
  const widths = header.map((h, i) =>
    Math.max(h.length, ...body.map((cells) => (cells[i] ?? '').length)),
  );
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

/**
 * A fixed-width text table: backend, runtime, ms/step, steps/s, kernel calls and GPU programs per
 * step, tensors and MB alive after the steps, then (when the PyTorch peer ran and is the studio's
 * network) the studio's speed relative to the peer at each of its thread counts (peer ms / studio
 * ms), and a note. The peer's own rows follow the studio's, or one row saying why it did not run.
 */
export function formatTable(rows: readonly BenchRow[], peer: PeerResult | null = null): string {
  const compared = peer?.status === 'ok' ? peer.runs : [];
  const header = [
    'backend',
    'runtime',
    'ms/step',
    'steps/s',
    'kernels',
    'GPU programs',
    'tensors',
    'MB alive',
    ...compared.map((r) => `vs torch ${r.threads}t`),
    'note',
  ];
  const noRatios = compared.map(() => '-');
  const body = rows.map((r) => [
    r.backend,
    r.runtime,
    msCell(r.msPerStep),
    rateCell(r.msPerStep),
    countCell(r.kernelsPerStep),
    countCell(r.programsPerStep),
    countCell(r.tensorsAlive),
    mbCell(r.bytesAlive),
    ...compared.map((p) => formatRelativeSpeed(peerRelativeSpeed(r.msPerStep, p.msPerStep))),
    r.note,
  ]);
  if (peer !== null) {
    const single = peer.runs.find((run) => run.threads === 1)?.msPerStep ?? null;
    const busy = (run: PeerRun): string =>
      single !== null && run.threads > 1 && run.msPerStep > single
        ? '; slower than 1 thread: other processes hold the cores'
        : '';
    const measured = peer.runs.map((run) => [
      'pytorch',
      threadsText(run.threads),
      msCell(run.msPerStep),
      rateCell(run.msPerStep),
      '-',
      '-',
      '-',
      '-',
      ...noRatios,
      `${peer.note}; median of ${run.samples.length} after ${run.warmupMs.length} warm-up(s)${busy(run)}`,
    ]);
    body.push(
      ...(measured.length > 0
        ? measured
        : [['pytorch', 'cpu', '-', '-', '-', '-', '-', '-', ...noRatios, peer.note]]),
    );
  }
  const numeric = new Set(header.map((_, i) => i).filter((i) => i >= 2 && i < header.length - 1));
  return layout(header, body, numeric);
}

/** The JSON written to bench-results/bench.json. */
export interface BenchRecord {
  readonly date: string;
  readonly workload: string;
  readonly machine: {
    readonly platform: string;
    readonly cpus: number;
    /** 1, 5 and 15 minute load averages when the bench started (other work skews timings). */
    readonly loadAverage: readonly number[];
    readonly node: string;
    readonly chromium: string | null;
  };
  readonly rows: readonly BenchRow[];
  /** The PyTorch peer, or null when the flags left it out. */
  readonly peer: PeerResult | null;
}
