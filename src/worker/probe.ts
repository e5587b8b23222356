/** A tiny timed training step (two convolutions and a dense layer) that ranks tfjs backends cheaply. */
import * as tf from '@tensorflow/tfjs';
import { median } from '../core/stats/median';

/** How many untimed and timed steps a probe takes. */
export interface ProbeOptions {
  readonly warmups: number;
  readonly repeats: number;
}

/** Two warm-ups (shader compilation, kernel set-up), then the median of three timed steps. */
export const DEFAULT_PROBE: ProbeOptions = { warmups: 2, repeats: 3 };

const BATCH = 16;
const SIDE = 16;
const CLASSES = 10;

/**
 * Times the probe step on the active backend: ReLU-conv 3x3 (3 to 16 channels), ReLU-conv 3x3
 * stride 2 (16 to 16), global average pool, dense to 10 classes, softmax cross-entropy, one SGD
 * update. Each timed step ends by reading (with `await data()`, never `dataSync`) a value computed
 * after the update, so asynchronous backends are timed to completion. Resolves the median ms;
 * rejects when a kernel is missing or the step gives a non-finite value.
 */
export async function probeStep(options: ProbeOptions = DEFAULT_PROBE): Promise<number> {
  const owned: tf.Tensor[] = [];
  const optimizer = tf.train.sgd(0.05);
  const keep = <T extends tf.Tensor>(t: T): T => {
    owned.push(t);
    return t;
  };
  try {
    const x = keep(tf.randomNormal([BATCH, SIDE, SIDE, 3], 0, 1, 'float32', 11));
    const labels = keep(
      tf.tidy(() =>
        tf.oneHot(
          tf.tensor1d(
            Array.from({ length: BATCH }, (_, i) => i % CLASSES),
            'int32',
          ),
          CLASSES,
        ),
      ),
    );
    // Each initial value is made and dropped inside tidy; a variable outlives it (TFJS-NOTES: init leaks otherwise).
    const w1 = keep(
      tf.tidy(() => tf.variable(tf.randomNormal([3, 3, 3, 16], 0, 0.3, 'float32', 12))),
    );
    const w2 = keep(
      tf.tidy(() => tf.variable(tf.randomNormal([3, 3, 16, 16], 0, 0.1, 'float32', 13))),
    );
    const w3 = keep(
      tf.tidy(() => tf.variable(tf.randomNormal([16, CLASSES], 0, 0.2, 'float32', 14))),
    );
    const b3 = keep(tf.tidy(() => tf.variable(tf.zeros([CLASSES]))));
    const vars = [w1, w2, w3, b3];
    const loss = (): tf.Scalar => {
      const h1 = tf.relu(tf.conv2d(x as tf.Tensor4D, w1 as tf.Tensor4D, 1, 'same'));
      const h2 = tf.relu(tf.conv2d(h1, w2 as tf.Tensor4D, 2, 'same'));
      const logits = tf.add(tf.matMul(tf.mean(h2, [1, 2]), w3 as tf.Tensor2D), b3);
      return tf.losses.softmaxCrossEntropy(labels, logits).asScalar();
    };
    const step = async (): Promise<number> => {
      const start = performance.now();
      const out = tf.tidy(() => {
        const { value, grads } = tf.variableGrads(loss, vars);
        optimizer.applyGradients(grads);
        return tf.stack([value, tf.sum(w1)]);
      });
      const values = await out.data();
      out.dispose();
      const ms = performance.now() - start;
      for (const v of values)
        if (!Number.isFinite(v)) throw new Error(`the probe step produced ${v}`);
      return ms;
    };
    for (let i = 0; i < options.warmups; i++) await step();
    const times: number[] = [];
    for (let i = 0; i < options.repeats; i++) times.push(await step());
    return median(times);
  } finally {
    optimizer.dispose();
    for (const t of owned) t.dispose();
  }
}
