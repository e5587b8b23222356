/** Plain data shared by the two halves of the benchmark (Node and the Chromium bench page). */
import type { BackendName } from '../core/run/protocol';

/** Where a benchmark row was measured. */
export type BenchRuntime = 'node' | 'chromium';

/** How many untimed and timed steps to take; slow backends get fewer timed repeats. */
export interface BenchPlan {
  readonly warmups: number;
  readonly repeats: number;
  /** Timed repeats when a warm-up step took longer than `slowMs`. */
  readonly slowRepeats: number;
  readonly slowMs: number;
}

/** One line of the benchmark table. */
export interface BenchRow {
  readonly backend: BackendName;
  readonly runtime: BenchRuntime;
  readonly status: 'ok' | 'skipped' | 'failed';
  /** Median ms of one DARTS step (weight step + alpha step), when measured. */
  readonly msPerStep: number | null;
  /** Every timed step, ms, in order. */
  readonly samples: readonly number[];
  /** Warm-up steps taken before timing, ms. */
  readonly warmupMs: readonly number[];
  readonly note: string;
}

/** Messages from the bench worker to the bench page. */
export type BenchWorkerMessage =
  | { readonly type: 'progress'; readonly text: string }
  | { readonly type: 'result'; readonly row: BenchRow };

/** What the bench page exposes on `window.nasBench` for the Node driver to read. */
export interface BenchPageState {
  readonly done: boolean;
  readonly rows: readonly BenchRow[];
  readonly log: readonly string[];
}

declare global {
  interface Window {
    /** Set by the bench page (bench.html); read by the Node driver through Playwright. */
    nasBench?: BenchPageState;
  }
}
