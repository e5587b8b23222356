/**
 * The two rules a default experiment must meet. Time: the run ends within 3 minutes on the wasm
 * backend of a 2-core machine (a DARTS run's per-epoch collapse diagnostics included). Accuracy: the architecture it ends with is at least halfway
 * from chance to its reference: DARTS's and GDAS's derived cell (inherited weights, BatchNorm recalibrated)
 * against the supernet; SPOS's and multi-trial's best subnet against that subnet trained
 * stand-alone.
 */
import type { StrategyKind } from '../../core/experiment/spec';

/** Minutes of run time each strategy's default may take. */
export const TIME_LIMIT_MINUTES: Readonly<Record<StrategyKind, number>> = {
  darts: 3,
  gdas: 3,
  'pc-darts': 3,
  spos: 3,
  'multi-trial': 3,
  // Scoring a whole space of up to 20,000 architectures is the point of the strategy: the issue's
  // target for all of NAS-Bench-201 on MNIST is 15 minutes (synflow took about 5 in Node).
  'zero-cost': 15,
};

/** The accuracy of always predicting the most frequent label of `labels` (what chance means for a split). */
export function chanceAccuracy(labels: ArrayLike<number>): number {
  if (labels.length === 0) return Number.NaN;
  const counts = new Map<number, number>();
  let most = 0;
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i] ?? -1;
    const n = (counts.get(label) ?? 0) + 1;
    counts.set(label, n);
    most = Math.max(most, n);
  }
  return most / labels.length;
}

/** Halfway from `chance` to `reference`: the least accuracy the found architecture may have. */
export function halfwayBar(chance: number, reference: number): number {
  return chance + (reference - chance) / 2;
}

/** What one run measured, as the rules read it. */
export interface Measured {
  readonly strategy: StrategyKind;
  /** Run time in minutes, as the time rule judges it. */
  readonly minutes: number;
  /** DARTS: the derived cell's accuracy; SPOS / multi-trial: the best subnet's. */
  readonly found: number;
  /** DARTS: the supernet's accuracy; SPOS / multi-trial: the best subnet trained stand-alone. */
  readonly reference: number;
  readonly chance: number;
}

/** Each rule's outcome and the bar the accuracy rule set. */
export interface Verdict {
  readonly bar: number;
  readonly inTime: boolean;
  readonly halfway: boolean;
  readonly pass: boolean;
}

/** Judges one run by both rules; a missing (NaN) number fails its rule. */
export function judge(m: Measured): Verdict {
  const bar = halfwayBar(m.chance, m.reference);
  const inTime = m.minutes <= TIME_LIMIT_MINUTES[m.strategy];
  const halfway = m.found >= bar;
  return { bar, inTime, halfway, pass: inTime && halfway };
}
