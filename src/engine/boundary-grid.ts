/** Decision-boundary frames of a DARTS run on 2-feature data: the supernet and the derived cell predicted over a grid. */
import * as tf from '@tensorflow/tfjs';
import type { InputShape, LoadedDataset } from '../core/experiment/spec';
import {
  BOUNDARY_GRID,
  boundaryDomain,
  gridPoints,
  type BoundaryDomain,
  type BoundaryFrame,
  type GridPrediction,
} from '../core/run/boundary';
import { createRng } from '../core/random';
import type { SubnetPath } from '../core/strategies/path';
import type { HostBatch } from './batches';
import { calibrationBatches, recalibrate, withStatistics } from './bn-recalibrate';
import type { Supernet } from './supernet';

/** Training batches BatchNorm statistics are recalibrated on before a grid is predicted. */
const CALIBRATION_BATCHES = 2;

/** True when a dataset's examples are points in the plane (2-feature vectors), so a boundary can be drawn. */
export function hasBoundary(input: InputShape): boolean {
  return input.kind === 'vector' && input.features === 2;
}

/**
 * The class and its softmax probability at every point of `points` (pairs), from `forward` run with
 * BatchNorm statistics recalibrated on `calibration` (training batches), so the grid's own
 * spread never normalises it. Leaves no tensor behind.
 */
export async function predictGrid(
  forward: (x: tf.Tensor) => tf.Tensor,
  points: Float32Array,
  calibration: readonly HostBatch[],
  input: InputShape,
): Promise<GridPrediction> {
  const count = points.length / 2;
  const stats = recalibrate(forward, calibration, input);
  try {
    const [cls, conf] = tf.tidy(() =>
      withStatistics(stats, () => {
        const probs = tf.softmax(forward(tf.tensor2d(points, [count, 2])));
        return [tf.argMax(probs, 1), tf.max(probs, 1)];
      }),
    );
    const classes = Uint8Array.from(await cls.data());
    const confidence = Float32Array.from(await conf.data());
    tf.dispose([cls, conf]);
    return { classes, confidence };
  } finally {
    stats.dispose();
  }
}

/**
 * One frame after `epoch`: the supernet (softmax(α) op weights) and the derived cell `path` (its
 * inherited weights) predicted over a BOUNDARY_GRID² grid covering every split of `data`. Both use
 * BatchNorm statistics from CALIBRATION_BATCHES training batches drawn with a generator seeded by
 * `seed` alone, so computing a frame leaves the run's own random streams untouched.
 */
export async function boundaryFrame(
  net: Supernet,
  path: SubnetPath,
  data: LoadedDataset,
  at: { readonly step: number; readonly epoch: number; readonly seed: number },
  batchSize: number,
  size: number = BOUNDARY_GRID,
): Promise<BoundaryFrame> {
  const domain: BoundaryDomain = boundaryDomain([data.train, data.valid, data.test]);
  const points = gridPoints(domain, size);
  const calibration = calibrationBatches(
    data.train,
    data.input,
    batchSize,
    CALIBRATION_BATCHES,
    createRng(at.seed >>> 0),
  );
  const supernet = await predictGrid((x) => net.forward(x), points, calibration, data.input);
  const derived = await predictGrid(
    (x) => net.forwardPath(x, path),
    points,
    calibration,
    data.input,
  );
  return { step: at.step, epoch: at.epoch, size, domain, supernet, derived };
}
