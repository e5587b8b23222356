/**
 * Exports a trained stand-alone subnet as a tfjs model (model.json + weights.bin). Before the
 * files are handed out, the model is checked against the engine: its parameter count must equal
 * the trained network's, and its logits on a probe batch must match the engine's (a mismatch is
 * refused with a plain message rather than exported as a different network).
 */
import * as tf from '@tensorflow/tfjs';
import type { InputShape } from '../../core/experiment/spec';
import { createRng } from '../../core/random';
import type { TfjsModelFiles } from '../../core/run/protocol';
import { formatDartsGenotype } from '../../core/search-space/format';
import { buildSubnetModel } from './model-graph';
import { manifestParamCount, saveModelFiles } from './save-model';
import type { TrainedSubnet } from './trained-subnet';
import { ExportMismatch } from './weight-cursor';

/** Largest difference between model and engine logits allowed, relative to the logits' size. */
export const PROBE_TOLERANCE = 1e-3;

/** Examples in the probe batch. */
const PROBE_EXAMPLES = 4;

/** A seeded probe batch shaped like the subnet's input (values drawn from N(0, 1)). */
function probeBatch(input: InputShape): tf.Tensor {
  const shape =
    input.kind === 'image'
      ? [PROBE_EXAMPLES, input.height, input.width, input.channels]
      : [PROBE_EXAMPLES, input.features];
  const rng = createRng(7);
  const values = Float32Array.from({ length: tf.util.sizeFromShape(shape) }, () => rng.normal());
  return tf.tensor(values, shape, 'float32');
}

/** The largest |a - b| and the largest |a|, read with `await data()`. */
async function compare(a: tf.Tensor, b: tf.Tensor): Promise<{ diff: number; scale: number }> {
  const t = tf.tidy(() => tf.stack([tf.max(tf.abs(tf.sub(a, b))), tf.max(tf.abs(a))]));
  const [diff = Number.NaN, scale = Number.NaN] = await t.data();
  t.dispose();
  return { diff, scale };
}

/**
 * The tfjs model files of `subnet`, with its genotype, input shape and class count in model.json's
 * userDefinedMetadata. Throws an Error with a plain message when the model cannot be built or does
 * not compute what the engine computes. Everything read from `subnet` is read before the first
 * await, so the subnet may be disposed while the files are written. Leaves no tensor behind.
 */
export async function exportTrainedSubnet(subnet: TrainedSubnet): Promise<TfjsModelFiles> {
  const trainedParams = subnet.weights.reduce((n, w) => n + w.size, 0);
  const genotype = formatDartsGenotype(subnet.space, subnet.genotype);
  let model: tf.LayersModel;
  try {
    model = buildSubnetModel(subnet);
  } catch (err) {
    if (err instanceof ExportMismatch)
      throw new Error(`The tfjs model cannot be built: ${err.message}.`);
    throw err;
  }
  const x = probeBatch(subnet.input);
  const outputs: tf.Tensor[] = [];
  try {
    outputs.push(tf.tidy(() => subnet.logits(x)));
    outputs.push(tf.tidy(() => model.predict(x) as tf.Tensor));
    model.setUserDefinedMetadata({
      nasStudio: {
        genotype,
        input: { ...subnet.input },
        classes: subnet.classes,
        output: 'logits',
      },
    });
    const files = await saveModelFiles(model);
    const params = manifestParamCount(files.modelJson);
    if (params !== trainedParams)
      throw new Error(
        `The tfjs model would hold ${params.toLocaleString('en-US')} parameters but the trained subnet has ${trainedParams.toLocaleString('en-US')}, so it was not exported.`,
      );
    const { diff, scale } = await compare(outputs[0] as tf.Tensor, outputs[1] as tf.Tensor);
    if (!(diff <= PROBE_TOLERANCE * Math.max(1, scale)))
      throw new Error(
        `The tfjs model's outputs differ from the trained subnet's (by up to ${diff.toPrecision(3)}), so it was not exported.`,
      );
    return files;
  } finally {
    tf.dispose([x, ...outputs]);
    model.dispose();
  }
}
