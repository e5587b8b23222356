/**
 * Reads a trained subnet's weights and BatchNorm statistics in the order the engine created them,
 * checking each weight's label and shape, so a tfjs layer only ever receives the weight the engine
 * op it stands for was trained with.
 */
import type * as tf from '@tensorflow/tfjs';

/** Recalibrated statistics of one BatchNorm layer: mean and unbiased variance, each [1, channels]. */
export interface BnMoments {
  readonly mean: tf.Tensor;
  readonly variance: tf.Tensor;
}

/** Thrown when the trained weights do not line up with the layers being built. */
export class ExportMismatch extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportMismatch';
  }
}

/** Walks the weights and statistics one by one. */
export interface WeightCursor {
  /** The next weight; throws ExportMismatch when its label or shape is not the expected one. */
  take(label: string, shape: readonly number[]): tf.Tensor;
  /** The statistics of the next BatchNorm layer; throws ExportMismatch when it has none. */
  takeStatistics(channels: number): BnMoments;
  /** Throws ExportMismatch unless every weight and every BatchNorm layer was taken. */
  finish(): void;
}

/** The label a ParamStore gave a weight: its name is `<store>/<index>_<label>`. */
export function weightLabel(name: string): string {
  const tail = name.slice(name.lastIndexOf('/') + 1);
  const cut = tail.indexOf('_');
  return cut < 0 ? tail : tail.slice(cut + 1);
}

const sameShape = (a: readonly number[], b: readonly number[]): boolean =>
  a.length === b.length && a.every((d, i) => d === b[i]);

/** A cursor over `weights` (creation order) and `statistics` (one per BatchNorm layer, creation order). */
export function createWeightCursor(
  weights: readonly tf.Variable[],
  statistics: readonly (BnMoments | undefined)[],
): WeightCursor {
  let w = 0;
  let s = 0;
  return {
    take(label, shape) {
      const v = weights[w];
      if (v === undefined)
        throw new ExportMismatch(`the network has no weight left for a ${label} layer`);
      const got = weightLabel(v.name);
      if (got !== label || !sameShape(v.shape, shape))
        throw new ExportMismatch(
          `weight ${w + 1} is ${got} [${v.shape.join(', ')}] where a ${label} [${shape.join(', ')}] was expected`,
        );
      w += 1;
      return v;
    },
    takeStatistics(channels) {
      const m = statistics[s];
      if (m === undefined)
        throw new ExportMismatch(
          `BatchNorm layer ${s + 1} has no recalibrated statistics (it did not run on the subnet’s path)`,
        );
      if (m.mean.size !== channels)
        throw new ExportMismatch(
          `BatchNorm layer ${s + 1} has ${m.mean.size} channels where ${channels} were expected`,
        );
      s += 1;
      return m;
    },
    finish() {
      if (w !== weights.length || s !== statistics.length)
        throw new ExportMismatch(
          `the layers used ${w} of ${weights.length} weights and ${s} of ${statistics.length} BatchNorm layers`,
        );
    },
  };
}
