/**
 * Hand-built supernets for selection tests: dense 2-wide cells whose weights are set so that the
 * answer is known. Points lie on the diagonal, x = (s, s); the label is s > 0.5. The stem passes x
 * through; the head predicts class 1 when feature 0 exceeds feature 1 (a 1e-4 margin breaks ties
 * towards class 0). So `skip_connect` (which adds s to both features) never changes a prediction,
 * and only a path through the thresholding dense op carries the label: removing it drops accuracy
 * to exactly one half.
 */
import * as tf from '@tensorflow/tfjs';
import type { DataSplit, LoadedDataset } from '../../core/experiment/spec';
import { createRng } from '../../core/random';
import type { OpName } from '../../core/search-space/ops';
import type { CellSpec, EdgeSpec, SearchSpaceSpec } from '../../core/search-space/types';
import { smallDartsCell } from '../spaces.testkit';
import { buildSupernet, type Supernet } from '../supernet';

/** The ops of every hand-built edge, in alpha order. */
export const HAND_OPS: readonly OpName[] = ['none', 'skip_connect', 'dense_relu'];

/** `count` points x = (s, s) with s evenly spaced in (0, 1) (never 0.5) and label s > 0.5; half of each class when `count` is even. */
export function diagonalSplit(count: number): DataSplit {
  const x = new Float32Array(count * 2);
  const y = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const s = (i + 0.5) / count;
    x[2 * i] = s;
    x[2 * i + 1] = s;
    y[i] = s > 0.5 ? 1 : 0;
  }
  return { x, y, count };
}

/** The diagonal points as a dataset (the same points in every split). */
export function diagonalData(count = 20): LoadedDataset {
  const split = diagonalSplit(count);
  return {
    id: 'spiral',
    input: { kind: 'vector', features: 2 },
    classes: 2,
    train: split,
    valid: split,
    test: split,
  };
}

/** A vector space of one 2-wide cell. */
export function handSpace(cell: CellSpec): SearchSpaceSpec {
  return {
    preset: null,
    normal: cell,
    reduce: null,
    macro: { channels: 2, stemMultiplier: 1, stages: 1, cellsPerStage: 1, reduction: 'none' },
  };
}

const edge = (id: string, from: string, to: string): EdgeSpec => ({ id, from, to, ops: HAND_OPS });

/** One edge x -> h1, one op per edge (NAS-Bench-201 rule). */
export function perEdgeCell(): CellSpec {
  return {
    inputs: ['x'],
    nodes: ['h1'],
    edges: [edge('e0', 'x', 'h1')],
    output: 'last',
    derive: { rule: 'per-edge' },
  };
}

/** x -> h1 (e0), x -> h2 (e1), h1 -> h2 (e2); output h2; each node keeps its strongest input (top-k, k = 1). */
export function topOneCell(): CellSpec {
  return {
    inputs: ['x'],
    nodes: ['h1', 'h2'],
    edges: [edge('e0', 'x', 'h1'), edge('e1', 'x', 'h2'), edge('e2', 'h1', 'h2')],
    output: 'last',
    derive: { rule: 'top-k', k: 1 },
  };
}

function assign(v: tf.Variable | undefined, values: number[], shape: number[]): void {
  if (!v || !tf.util.arraysEqual(v.shape, shape))
    throw new Error(`Expected a weight of shape [${shape}], got [${v?.shape ?? 'none'}].`);
  tf.tidy(() => v.assign(tf.tensor(values, shape)));
}

/**
 * Builds the supernet of `space` and sets its weights: identity stem, swapping head with the tie
 * margin, and on each edge `thresholds` names the dense op that outputs (relu(x0 - 0.5),
 * relu(0.5 - x0)); every other dense op outputs zeros. `alphas` gives each edge's alpha row.
 */
export function handSupernet(
  space: SearchSpaceSpec,
  thresholds: readonly number[],
  alphas: readonly (readonly number[])[],
): Supernet {
  const net = buildSupernet(space, { kind: 'vector', features: 2 }, 2, createRng(1));
  const w = net.weights;
  assign(w[0], [1, 0, 0, 1], [2, 2]);
  assign(w[1], [0, 0], [2]);
  assign(w[w.length - 2], [0, 1, 1, 0], [2, 2]);
  assign(w[w.length - 1], [1e-4, 0], [2]);
  space.normal.edges.forEach((_, e) => {
    const [dw, db] = net.opVariables('normal', e, HAND_OPS.indexOf('dense_relu'));
    const on = thresholds.includes(e);
    assign(dw, on ? [1, -1, 0, 0] : [0, 0, 0, 0], [2, 2]);
    assign(db, on ? [-0.5, 0.5] : [0, 0], [2]);
  });
  const a = net.alphas.normal;
  if (!a) throw new Error('The supernet has no normal alphas.');
  tf.tidy(() => a.variable.assign(tf.tensor2d(alphas.map((r) => [...r]))));
  return net;
}

/**
 * A small DARTS-style space: normal and reduction cells with 2 inputs and nodes n0 (2 inputs) and
 * n1 (3 inputs: e2, e3, e4), 4 ops per edge, each node keeping 2 inputs; 2 channels, two stages.
 */
export function smallTopTwo(): SearchSpaceSpec {
  const cell = smallDartsCell(['none', 'max_pool_3x3', 'skip_connect', 'sep_conv_3x3']);
  return {
    preset: null,
    normal: cell,
    reduce: cell,
    macro: { channels: 2, stemMultiplier: 1, stages: 2, cellsPerStage: 1, reduction: 'cell' },
  };
}
