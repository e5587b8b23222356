/** What the shared-result card says about a carried run: a readable date and the headline figures. */
import { formatCompact } from '../../charts/pareto-format';
import { subnetCost } from '../../core/cost/network-cost';
import { datasetInput } from '../../core/data/load';
import { STRATEGY_LABELS } from '../../core/strategy/registry';
import { DATASET_LABELS } from '../../core/experiment/defaults';
import type { ExperimentSpec } from '../../core/experiment/spec';
import type { RunSummary } from '../../core/link';

/** An ISO time as the reader's locale writes a day and a time ("7 December 2026 at 14:05" in en-GB); null when it is not a time. */
export function readableDate(iso: string | null, locale?: string): string | null {
  if (iso === null) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}

/** One labelled figure of the card. */
export interface Headline {
  readonly label: string;
  readonly value: string;
}

/** A percentage with one decimal, or a dash for a split that was empty. */
const percent = (x: number): string => (Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : '–');

/** The headline figures of a carried run on `spec`: accuracies, the derived network's params and FLOPs, strategy, dataset and steps. */
export function headlines(summary: RunSummary, spec: ExperimentSpec): Headline[] {
  let params = '–';
  let flops = '–';
  try {
    const { input, classes } = datasetInput(spec.dataset);
    const cost = subnetCost(spec.space, summary.genotype, input, classes);
    params = formatCompact(cost.params);
    flops = formatCompact(cost.flops);
  } catch {
    // A genotype the cost model cannot price keeps its dashes.
  }
  const dataset =
    spec.dataset.id === 'upload' && spec.dataset.upload !== undefined
      ? `${DATASET_LABELS.upload}: ${spec.dataset.upload.name}`
      : DATASET_LABELS[spec.dataset.id];
  return [
    { label: 'Validation accuracy', value: percent(summary.validAcc) },
    { label: 'Test accuracy', value: percent(summary.testAcc) },
    { label: 'Params', value: params },
    { label: 'FLOPs', value: flops },
    { label: 'Strategy', value: STRATEGY_LABELS[summary.strategy] },
    { label: 'Dataset', value: dataset },
    { label: 'Steps', value: String(summary.steps) },
  ];
}
