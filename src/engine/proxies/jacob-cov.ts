/**
 * jacob_cov (Mellor et al. 2020, v1; as a proxy in Abdelfattah et al. 2021): J = the gradient of
 * the sum of the logits with respect to the input, one row per example of the batch (BatchNorm with
 * batch statistics, so rows see the whole batch, as in the reference); C = the correlation matrix of
 * the rows; score = -sum over C's eigenvalues v of (log(v + k) + 1 / (v + k)), k = 1e-5. Labels are
 * not used. The eigenvalues come from a symmetric solver in float64 (the reference calls a general
 * one on the same symmetric matrix). A row that is constant (an input gradient of zero) makes C
 * undefined and the score NaN, as numpy gives.
 */
import * as tf from '@tensorflow/tfjs';
import { rowCorrelation, symmetricEigenvalues } from '../../core/proxies/linalg';
import type { ProxyBatch, ProxyNetwork } from './network';

/** The regulariser k of the score. */
export const JACOB_COV_K = 1e-5;

/** -sum(log(v + k) + 1 / (v + k)) over the eigenvalues of the row-correlation matrix of `jacobian` [rows, cols]. */
export function jacobCovOf(jacobian: ArrayLike<number>, rows: number, cols: number): number {
  const c = rowCorrelation(jacobian, rows, cols);
  if (!c.every(Number.isFinite)) return Number.NaN;
  let score = 0;
  for (const v of symmetricEigenvalues(c, rows))
    score -= Math.log(v + JACOB_COV_K) + 1 / (v + JACOB_COV_K);
  return score;
}

/** The jacob_cov score of `net` on the inputs of `batch`. */
export async function jacobCovScore(net: ProxyNetwork, batch: ProxyBatch): Promise<number> {
  const j = tf.tidy(() => tf.grad((x: tf.Tensor) => tf.sum(net.forward(x)))(batch.x));
  const values = await j.data();
  const rows = j.shape[0] ?? 0;
  j.dispose();
  return jacobCovOf(values, rows, rows === 0 ? 0 : values.length / rows);
}
