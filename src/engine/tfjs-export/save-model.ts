/** Serialises a LayersModel to the two files of a tfjs model: model.json and weights.bin. */
import * as tf from '@tensorflow/tfjs';
import type { TfjsModelFiles } from '../../core/run/protocol';

/** The one weights file model.json names. */
export const WEIGHTS_FILE = 'weights.bin';

/** Saves `model` in memory as model.json text (its weightsManifest naming weights.bin) and that file's bytes. */
export async function saveModelFiles(model: tf.LayersModel): Promise<TfjsModelFiles> {
  let files: TfjsModelFiles | null = null;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      const weights =
        artifacts.weightData === undefined
          ? new ArrayBuffer(0)
          : tf.io.CompositeArrayBuffer.join(artifacts.weightData);
      const json: tf.io.ModelJSON = {
        modelTopology: artifacts.modelTopology ?? {},
        format: artifacts.format,
        generatedBy: artifacts.generatedBy,
        convertedBy: artifacts.convertedBy ?? null,
        weightsManifest: [{ paths: [WEIGHTS_FILE], weights: artifacts.weightSpecs ?? [] }],
        ...(artifacts.userDefinedMetadata === undefined
          ? {}
          : { userDefinedMetadata: artifacts.userDefinedMetadata }),
      };
      files = { modelJson: JSON.stringify(json), weights };
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
    }),
  );
  if (files === null) throw new Error('The model was not saved.');
  return files;
}

/** BatchNorm's running statistics: stored weights that are not trained parameters. */
const RUNNING_STATISTIC = /\/moving_(mean|variance)$/;

/**
 * The number of trainable parameters model.json lists: every weight of its manifest but the
 * BatchNorm moving mean and variance (the convention of the studio's params, and Keras's).
 */
export function manifestParamCount(modelJson: string): number {
  const json = JSON.parse(modelJson) as tf.io.ModelJSON;
  return json.weightsManifest
    .flatMap((group) => group.weights)
    .filter((w) => !RUNNING_STATISTIC.test(w.name))
    .reduce((n, w) => n + w.shape.reduce((a, d) => a * d, 1), 0);
}
