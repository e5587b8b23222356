/** Pure read-outs of a DARTS run's collapse diagnostics: the chart series and the sentences beside them. */
import type { LineSeries } from '../../charts/line-chart';
import {
  DARTS_ES,
  DARTS_PLUS_SKIPS,
  dartsEsEpoch,
  dartsPlusChecks,
  dartsPlusRule,
} from '../../core/diagnostics/collapse';
import type { DartsStrategySpec } from '../../core/experiment/spec';
import type { EarlyStop, EpochDiagnostics } from '../../core/run/protocol';

/** Line colours of the diagnostics charts. */
export const DIAGNOSTICS_COLORS = {
  eigenvalue: 'var(--series-danger)',
  skip: 'var(--series-warn)',
  parameterFree: 'var(--chart-neutral)',
} as const;

/** The dominant Hessian eigenvalue per epoch (a gap where none was computed). */
export function eigenvalueSeries(diagnostics: readonly EpochDiagnostics[]): LineSeries[] {
  return [
    {
      name: 'largest eigenvalue',
      color: DIAGNOSTICS_COLORS.eigenvalue,
      markers: true,
      points: diagnostics.map((d) => ({ x: d.epoch, y: d.hessianEigenvalue ?? Number.NaN })),
    },
  ];
}

/** Skip connections and parameter-free ops of the derived normal cell per epoch. */
export function collapseSeries(diagnostics: readonly EpochDiagnostics[]): LineSeries[] {
  return [
    {
      name: 'skip connections',
      color: DIAGNOSTICS_COLORS.skip,
      markers: true,
      points: diagnostics.map((d) => ({ x: d.epoch, y: d.skipCount })),
    },
    {
      name: 'parameter-free ops',
      color: DIAGNOSTICS_COLORS.parameterFree,
      markers: true,
      points: diagnostics.map((d) => ({ x: d.epoch, y: d.parameterFreeCount })),
    },
  ];
}

/** The first epoch DARTS+ reads (dartsPlusChecks) at which one of its rules holds in `diagnostics`, with the rule; null when none does. */
export function dartsPlusWouldStop(
  diagnostics: readonly EpochDiagnostics[],
  s: Pick<DartsStrategySpec, 'warmupEpochs' | 'stableEpochs'>,
): { readonly epoch: number; readonly rule: NonNullable<ReturnType<typeof dartsPlusRule>> } | null {
  for (const d of diagnostics) {
    if (!dartsPlusChecks(d.epoch, s.warmupEpochs, d.alphaEntropy)) continue;
    const rule = dartsPlusRule(d.skipCount, d.stableEpochs, s.stableEpochs);
    if (rule !== null) return { epoch: d.epoch, rule };
  }
  return null;
}

/** The sentence about DARTS+: why it stopped the run, what it watches, or when it would have stopped. */
export function dartsPlusText(
  diagnostics: readonly EpochDiagnostics[],
  earlyStop: EarlyStop | null,
  s: Pick<DartsStrategySpec, 'earlyStop' | 'warmupEpochs' | 'stableEpochs'>,
): string {
  if (earlyStop !== null) return earlyStop.message;
  const last = diagnostics[diagnostics.length - 1];
  const now =
    last === undefined
      ? ''
      : ` Now: ${last.skipCount} skip connection${last.skipCount === 1 ? '' : 's'}, rankings unchanged for ${last.stableEpochs} epoch${last.stableEpochs === 1 ? '' : 's'}.`;
  const waiting =
    last !== undefined && !dartsPlusChecks(last.epoch, s.warmupEpochs, last.alphaEntropy)
      ? ` The alphas are still close to uniform (or warming up), so it does not read the derived cell yet.`
      : '';
  if (s.earlyStop === 'darts+')
    return `DARTS+ is on: the search stops once the derived normal cell holds ${DARTS_PLUS_SKIPS} or more skip connections, or every edge has kept its op ranking for ${s.stableEpochs} epochs.${now}${waiting}`;
  const would = dartsPlusWouldStop(diagnostics, s);
  if (would === null)
    return `DARTS+ early stopping is off, and neither of its rules has held so far (${DARTS_PLUS_SKIPS}+ skip connections in the derived normal cell; op rankings unchanged for ${s.stableEpochs} epochs).${now}`;
  return `DARTS+ early stopping is off; its ${would.rule === 'skip-connections' ? `skip-connection rule (${DARTS_PLUS_SKIPS}+ in the derived normal cell)` : `ranking rule (${s.stableEpochs} stable epochs)`} would have stopped this search after epoch ${would.epoch}.${now}`;
}

/**
 * The sentence about RobustDARTS's early stop (DARTS-ES) on the eigenvalues so far, counting only
 * epochs after the warm-up in which the alphas had left uniform (dartsPlusChecks): the eigenvalues
 * of near-uniform alphas are small and noisy, and their ratios would stop most searches at once.
 */
export function dartsEsText(
  diagnostics: readonly EpochDiagnostics[],
  warmupEpochs: number,
): string {
  const read = diagnostics.filter(
    (d) => d.hessianEigenvalue !== null && dartsPlusChecks(d.epoch, warmupEpochs, d.alphaEntropy),
  );
  if (read.length <= DARTS_ES.window)
    return `RobustDARTS's early stop (DARTS-ES) compares the eigenvalue with its value ${DARTS_ES.window} epochs earlier, from the epochs in which the alphas have left uniform; it needs ${DARTS_ES.window + 1} such epochs (${read.length} so far).`;
  const i = dartsEsEpoch(read.map((d) => d.hessianEigenvalue));
  if (i === null)
    return `The eigenvalue has not grown by more than a third over any ${DARTS_ES.window} epochs since the alphas left uniform: RobustDARTS's early stop (DARTS-ES) would not stop this search.`;
  const now = read[i];
  const before = read[i - DARTS_ES.window];
  if (!now || !before) return '';
  return `The eigenvalue grew from ${(before.hessianEigenvalue ?? 0).toPrecision(3)} at epoch ${before.epoch} to ${(now.hessianEigenvalue ?? 0).toPrecision(3)} at epoch ${now.epoch}: RobustDARTS's early stop (DARTS-ES) would stop there and keep the alphas of epoch ${before.epoch}.`;
}
