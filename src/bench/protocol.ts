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
  /** Kernel calls tfjs ran in one step (what tf.profile lists: every op and custom gradient), when measured. */
  readonly kernelsPerStep: number | null;
  /**
   * GPU programs one step ran, when the backend runs them: WebGPU compute dispatches, WebGL shader
   * runs; null on wasm and cpu.
   */
  readonly programsPerStep: number | null;
  /** Tensors alive after the timed steps (weights, optimiser state, batches, caches). */
  readonly tensorsAlive: number | null;
  /** Bytes of those tensors (tf.memory().numBytes). */
  readonly bytesAlive: number | null;
  /** Scalar network weights of the supernet this row built (alphas excluded). */
  readonly paramCount: number | null;
  readonly note: string;
}

/** The PyTorch peer's timing of the benchmark step at one intra-op thread count. */
export interface PeerRun {
  readonly threads: number;
  /** Median ms of the timed steps. */
  readonly msPerStep: number;
  readonly samples: readonly number[];
  readonly warmupMs: readonly number[];
}

/**
 * The PyTorch peer (scripts/bench-peer.py): the same step in PyTorch on the CPU, at each thread
 * count; skipped when /usr/bin/python3 cannot import torch, failed when it did not run or its
 * network is not the studio's (parameter counts differ).
 */
export interface PeerResult {
  readonly status: 'ok' | 'skipped' | 'failed';
  /** torch.__version__, when the script ran. */
  readonly torch: string | null;
  /** The peer network's weight count, when the script ran. */
  readonly params: number | null;
  /** The studio supernet's weight count it was checked against. */
  readonly studioParams: number | null;
  readonly runs: readonly PeerRun[];
  readonly note: string;
}

/** Messages from the bench worker to the bench page. */
export type BenchWorkerMessage =
  | { readonly type: 'progress'; readonly text: string }
  /** Sent as soon as the counted step ends, so a backend that then times out still reports them. */
  | { readonly type: 'counts'; readonly kernels: number; readonly programs: number | null }
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
