/** Classification loss and accuracy on a batch of logits. */
import * as tf from '@tensorflow/tfjs';

/** Mean softmax cross-entropy of `logits` [batch, classes] against integer `labels` [batch]. */
export function crossEntropy(logits: tf.Tensor, labels: tf.Tensor1D): tf.Scalar {
  const classes = logits.shape[1] ?? 0;
  const oneHot = tf.oneHot(labels, classes);
  return tf.neg(tf.mean(tf.sum(tf.mul(oneHot, tf.logSoftmax(logits)), 1))) as tf.Scalar;
}

/** Number of rows whose largest logit is the label (a float scalar). */
export function correctCount(logits: tf.Tensor, labels: tf.Tensor1D): tf.Scalar {
  return tf.sum(tf.cast(tf.equal(tf.argMax(logits, 1), labels), 'float32'));
}
