/** Validation of experiment specs: strategy and dataset ranges, their interplay, and the search space. */
import { pushCheck, shown } from '../checks';
import { datasetInput } from '../data/load';
import { splitCounts } from '../data/split';
import { isTwoD } from '../data/two-d';
import type { Problem } from '../problems';
import { validateSpace } from '../search-space/validate';
import { LIMITS } from './limits';
import { validateUpload } from './validate-upload';
import { validateStrategy } from '../strategy/registry';
import type { DatasetSpec, ExperimentSpec, StrategySpec } from './spec';

/** Every cap the validators enforce (from ./limits). */
export { LIMITS };

/** Every problem of a strategy's hyper-parameters (the registry's rule for its kind). */
export { validateStrategy };

/** Fraction checks and the sizes of the three splits. */
function splitProblems(d: DatasetSpec): Problem[] {
  const out: Problem[] = [];
  pushCheck(out, 'dataset.trainFraction', 'Train fraction', d.trainFraction, LIMITS.fraction);
  pushCheck(out, 'dataset.validFraction', 'Valid fraction', d.validFraction, LIMITS.fraction);
  if (out.length > 0) return out;
  const sum = d.trainFraction + d.validFraction;
  if (sum >= 1) {
    return [
      {
        path: 'dataset.validFraction',
        code: 'fractions-sum',
        message: `Train and valid fractions must leave some data for the test split: ${d.trainFraction} + ${d.validFraction} = ${Number(sum.toFixed(6))} is not below 1.`,
      },
    ];
  }
  if (!Number.isInteger(d.samples)) return out;
  const n = splitCounts(d.samples, d.trainFraction, d.validFraction);
  const paths = {
    train: 'dataset.trainFraction',
    valid: 'dataset.validFraction',
    test: 'dataset.validFraction',
  } as const;
  for (const split of ['train', 'valid', 'test'] as const) {
    if (n[split] < 1) {
      out.push({
        path: paths[split],
        code: 'empty-split',
        message: `The ${split} split gets no examples from ${d.samples} samples at fractions ${d.trainFraction} / ${d.validFraction}; it needs at least 1.`,
      });
    }
  }
  return out;
}

/** Every problem of a dataset spec on its own (paths 'dataset.<field>'); batch-size fit is checked by validateExperiment. */
export function validateDataset(d: DatasetSpec): Problem[] {
  const out: Problem[] = [];
  const twoD = isTwoD(d.id);
  if (d.id === 'upload') return [...validateUpload(d), ...splitProblems(d)];
  if (d.upload !== undefined)
    return [
      {
        path: 'dataset.upload',
        code: 'unexpected-upload',
        message: `The built-in dataset ${shown(d.id)} cannot also name an uploaded file.`,
      },
    ];
  if (!twoD && d.id !== 'mnist') {
    return [
      {
        path: 'dataset.id',
        code: 'unknown-dataset',
        message: `Dataset ${shown(d.id)} is not known; choose spiral, circles, xor, gaussian, mnist or upload your own.`,
      },
    ];
  }
  pushCheck(
    out,
    'dataset.samples',
    twoD ? 'Samples' : 'MNIST samples',
    d.samples,
    twoD ? LIMITS.samplesTwoD : LIMITS.samplesMnist,
  );
  if (twoD) pushCheck(out, 'dataset.noise', 'Noise', d.noise, LIMITS.noise);
  if (!twoD && !(LIMITS.imageSizes as readonly number[]).includes(d.imageSize)) {
    out.push({
      path: 'dataset.imageSize',
      code: 'out-of-range',
      message: `Image size must be 7, 14 or 28 pixels (got ${shown(d.imageSize)}).`,
    });
  }
  out.push(...splitProblems(d));
  return out;
}

/** Train and valid splits must each hold at least one batch. */
function batchProblems(d: DatasetSpec, s: StrategySpec): Problem[] {
  const n = splitCounts(d.samples, d.trainFraction, d.validFraction);
  return (['train', 'valid'] as const)
    .filter((split) => n[split] >= 1 && n[split] < s.batchSize)
    .map((split) => ({
      path: 'strategy.batchSize',
      code: 'split-smaller-than-batch',
      message: `The ${split} split has ${n[split]} examples, fewer than one batch of ${s.batchSize}; lower the batch size or use more data.`,
    }));
}

/** The divisors of `c` up to 16, in words ('1, 2, 4 or 8'). */
function divisors(c: number): string {
  const d = Array.from({ length: Math.min(c, 16) }, (_, i) => i + 1).filter((k) => c % k === 0);
  return d.length === 1 ? '1' : `${d.slice(0, -1).join(', ')} or ${d[d.length - 1] ?? 1}`;
}

/** PC-DARTS's K must divide every cell's channel count (the space's channels, doubled at each reduction). */
function partialChannelProblems(spec: ExperimentSpec, strategy: readonly Problem[]): Problem[] {
  const s = spec.strategy;
  if (!('partialK' in s) || strategy.some((p) => p.path === 'strategy.partialK')) return [];
  const c = spec.space.macro.channels;
  if (!Number.isInteger(c) || c % s.partialK === 0) return [];
  return [
    {
      path: 'strategy.partialK',
      code: 'partial-channels',
      message: `Partial-channel ratio K = ${s.partialK} must divide the cells' ${c} channels (each edge sends ${c} / K of them through its ops); ${divisors(c)} do.`,
    },
  ];
}

/** Everything wrong with an experiment: version, seed, dataset, strategy, their fit, and the space for the dataset's input. */
export function validateExperiment(spec: ExperimentSpec): Problem[] {
  const out: Problem[] = [];
  if (spec.version !== 1)
    out.push({
      path: 'version',
      code: 'unknown-version',
      message: `Spec version must be 1 (got ${shown(spec.version)}).`,
    });
  pushCheck(out, 'seed', 'Seed', spec.seed, LIMITS.seed);
  const dataset = validateDataset(spec.dataset);
  const strategy = validateStrategy(spec.strategy);
  out.push(...dataset, ...strategy, ...partialChannelProblems(spec, strategy));
  if (dataset.length === 0 && !strategy.some((p) => p.path === 'strategy.batchSize'))
    out.push(...batchProblems(spec.dataset, spec.strategy));
  if (
    !dataset.some(
      (p) =>
        p.path === 'dataset.id' ||
        p.path === 'dataset.imageSize' ||
        p.path.startsWith('dataset.upload'),
    )
  ) {
    out.push(...validateSpace(spec.space, datasetInput(spec.dataset).input));
  }
  return out;
}
