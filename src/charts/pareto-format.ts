/** Words and numbers of the search views: cost axis titles, cost and accuracy formats, and a subnet's tooltip lines. */
import type { CostAxis } from '../core/pareto/cost-axes';
import type { SubnetEvaluation } from '../core/run/protocol';

/** The cost a Pareto chart plots on x. */
export type CostAxisName = CostAxis;

/** Axis titles with units. */
export const COST_AXIS_TITLES: Record<CostAxisName, string> = {
  params: 'parameters (count)',
  flops: 'FLOPs (multiply-accumulates per example)',
  latencyMs: 'latency (ms per example, on this device)',
};

/** Short names of the cost axes, for selects and table headers. */
export const COST_AXIS_NAMES: Record<CostAxisName, string> = {
  params: 'Params',
  flops: 'FLOPs',
  latencyMs: 'Latency',
};

/** How an accuracy was obtained, in words. */
export const EVALUATION_WORDS: Record<SubnetEvaluation, string> = {
  inherited: 'inherited weights',
  standalone: 'stand-alone',
  proxy: 'not trained (zero-cost proxy score only)',
};

/** A count in compact SI form: 950, 12.3k, 1.53M, 2.1G. */
export function formatCompact(n: number): string {
  if (!Number.isFinite(n)) return '–';
  const abs = Math.abs(n);
  const units: [number, string][] = [
    [1e9, 'G'],
    [1e6, 'M'],
    [1e3, 'k'],
  ];
  for (const [size, unit] of units) {
    if (abs >= size) return `${Number((n / size).toPrecision(3))}${unit}`;
  }
  return String(Number(n.toPrecision(3)));
}

/** Milliseconds with three significant digits ("0.412 ms"), or a dash when unknown. */
export function formatMs(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '–';
  return `${Number(ms.toPrecision(3))} ms`;
}

/** An accuracy in [0, 1] as a percentage with two decimals ("93.42%"). */
export function formatPercent(acc: number): string {
  return Number.isFinite(acc) ? `${(100 * acc).toFixed(2)}%` : '–';
}

/** A cost on its axis as the chart and tooltip print it. */
export function formatCost(axis: CostAxisName, value: number | null): string {
  if (axis === 'latencyMs') return formatMs(value);
  return value === null ? '–' : formatCompact(value);
}

/** What a subnet's tooltip says. */
export interface SubnetSummary {
  readonly runLabel: string;
  /** Evaluation order within its run (1-based). */
  readonly order: number;
  /** The DARTS `Genotype(...)` string, and the NAS-Bench-201 string when the cell is NB201-style. */
  readonly genotype: string;
  readonly nb201: string | null;
  readonly accuracy: number;
  readonly evaluation: SubnetEvaluation;
  readonly params: number;
  readonly flops: number;
  readonly latencyMs: number | null;
  readonly generation: number;
}

/** A tooltip's text: a title line, plain lines, and code lines (genotype strings, shown in monospace). */
export interface TooltipContent {
  readonly title: string;
  readonly lines: readonly string[];
  readonly code: readonly string[];
}

/** The tooltip of a subnet: which one, its accuracy and how it was obtained, its costs, its genotype strings. */
export function tooltipContent(s: SubnetSummary): TooltipContent {
  return {
    title: `#${s.order} · ${s.runLabel} · generation ${s.generation}`,
    lines: [
      `accuracy ${formatPercent(s.accuracy)} (${EVALUATION_WORDS[s.evaluation]})`,
      `${formatCompact(s.params)} params · ${formatCompact(s.flops)} FLOPs · latency ${formatMs(s.latencyMs)}`,
    ],
    code: s.nb201 === null ? [s.genotype] : [s.genotype, s.nb201],
  };
}
