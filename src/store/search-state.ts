/** The search view's data: discrete-search runs kept for comparison, stand-alone trainings, and what the Pareto view shows. Plain data only. */
import type { CostAxis as CoreCostAxis } from '../core/pareto/cost-axes';
import type { ExperimentSpec, StrategyKind } from '../core/experiment/spec';
import type {
  LatencyCheck,
  LatencyTableSummary,
  StandaloneScore,
  SubnetRecord,
} from '../core/run/protocol';

/** A discrete-search run of this session (SPOS or multi-trial), kept so later runs can be plotted with it. */
export interface SearchRun {
  readonly runId: number;
  /** Names the run in legends and tables, e.g. "SPOS + evolution · seed 1". */
  readonly label: string;
  readonly strategy: StrategyKind;
  /** Space, dataset and input fingerprint: only runs with equal contexts are plotted together. */
  readonly context: string;
  readonly spec: ExperimentSpec;
  readonly records: readonly SubnetRecord[];
  readonly latency: LatencyTableSummary | null;
  readonly checks: readonly LatencyCheck[];
}

/** The Pareto chart's horizontal (cost) axis. */
export type CostAxis = CoreCostAxis;

/** What colours the Pareto chart's points. */
export type ColorBy = 'strategy' | 'generation';

/** Sortable columns of the subnet table. */
export type SubnetColumn =
  'order' | 'run' | 'accuracy' | 'standalone' | 'params' | 'flops' | 'latencyMs' | 'generation';

/** The subnet table's order. */
export interface SubnetSort {
  readonly column: SubnetColumn;
  readonly descending: boolean;
}

/** One stand-alone training the user asked for, by state. */
export type StandaloneEntry =
  | { readonly state: 'queued'; readonly epochs: number }
  | {
      readonly state: 'training';
      readonly epochs: number;
      readonly step: number;
      readonly totalSteps: number;
    }
  | { readonly state: 'done'; readonly epochs: number; readonly score: StandaloneScore }
  | { readonly state: 'stopped'; readonly epochs: number; readonly message: string }
  | { readonly state: 'failed'; readonly epochs: number; readonly message: string };

/** A tfjs model download of a trained subnet being prepared, or why the last one failed (no state once saved). */
export type ModelExportState =
  { readonly state: 'preparing' } | { readonly state: 'failed'; readonly message: string };

/** One evaluated subnet as the Pareto chart, table and inspector show it. */
export interface SearchPoint {
  /** Unique across runs: `${runId}:${record.key}`. */
  readonly id: string;
  readonly runId: number;
  readonly runLabel: string;
  readonly strategy: StrategyKind;
  /** Evaluation order within its run (1-based). */
  readonly order: number;
  readonly record: SubnetRecord;
  /** The stand-alone training of this genotype in this context, if one was asked for. */
  readonly standalone: StandaloneEntry | null;
  /** True when no other plotted point is at least as accurate and at most as costly on the current axis (and better in one). */
  readonly onFront: boolean;
}

/** The search view's state. */
export interface SearchViewState {
  readonly costAxis: CostAxis;
  readonly colorBy: ColorBy;
  /** Plot earlier runs of this session whose context equals the current run's. */
  readonly compareRuns: boolean;
  /** The inspected point's id. */
  readonly selected: string | null;
  /** Point ids inside the brush (empty: no brush). */
  readonly brushed: readonly string[];
  readonly sort: SubnetSort;
  /** Finished or stopped discrete-search runs of this session, oldest first. */
  readonly archive: readonly SearchRun[];
  /** Stand-alone trainings by `${context}|${genotypeKey}`. */
  readonly standalone: Readonly<Record<string, StandaloneEntry>>;
  /** Epochs of the next stand-alone training. */
  readonly standaloneEpochs: number;
}
