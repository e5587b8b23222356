/** What makes two runs comparable (same space, same data) and how runs are named in the search view. */
import { hash53 } from '../core/hash';
import { datasetInput } from '../core/data/load';
import { isTwoD } from '../core/data/two-d';
import type { ExperimentSpec, StrategySpec } from '../core/experiment/spec';
import { strategyEntry } from '../core/strategy/registry';

/** JSON with object keys sorted, so equal values give equal text whatever order their keys were written in. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Contexts already computed, by spec object (specs are immutable). */
const contexts = new WeakMap<ExperimentSpec, string>();

/**
 * Fingerprint of space + dataset (+ input) of a spec: runs compare only within one context. The
 * cells and macro skeleton (not the preset name), the dataset's settings that change its examples
 * (noise only for 2D sets, image size only for MNIST, the file and its reading for an upload) and
 * the input shape; neither the seed nor
 * the strategy, so runs of several seeds and strategies on the same problem are plotted together.
 */
export function runContext(spec: ExperimentSpec): string {
  const known = contexts.get(spec);
  if (known !== undefined) return known;
  const { space, dataset } = spec;
  const twoD = isTwoD(dataset.id);
  const text = canonicalJson({
    space: { normal: space.normal, reduce: space.reduce, macro: space.macro },
    data: {
      id: dataset.id,
      samples: dataset.samples,
      noise: twoD ? dataset.noise : null,
      imageSize: twoD ? null : dataset.imageSize,
      trainFraction: dataset.trainFraction,
      validFraction: dataset.validFraction,
      ...(dataset.upload === undefined ? {} : { upload: dataset.upload }),
    },
    ...datasetInput(dataset),
  });
  const context = `${dataset.id}:${hash53(text)}`;
  contexts.set(spec, context);
  return context;
}

/** Key of a stand-alone training: `${context}|${genotypeKey}`. */
export function standaloneKey(context: string, genotypeKey: string): string {
  return `${context}|${genotypeKey}`;
}

/** The strategy part of a run's label (the registry's, e.g. "SPOS + evolution"). */
function strategyLabel(strategy: StrategySpec): string {
  return strategyEntry(strategy.kind).runLabel(strategy);
}

/** Label of a run: "SPOS + evolution · seed 1", "Random search (stand-alone) · seed 2", ... */
export function runLabel(spec: ExperimentSpec): string {
  return `${strategyLabel(spec.strategy)} · seed ${spec.seed}`;
}
