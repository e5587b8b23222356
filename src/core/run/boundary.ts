/**
 * Decision-boundary frames of a DARTS run on 2-feature data: the predicted class of the supernet
 * and of the current derived cell over a square grid covering the data, as plain typed arrays.
 */
import type { DataSplit } from '../experiment/spec';

/** Grid points per side (the grid holds BOUNDARY_GRID² points). */
export const BOUNDARY_GRID = 40;

/** Frames a run computes at most: one every ceil(epochs / BOUNDARY_FRAMES) epochs, and after the last. */
export const BOUNDARY_FRAMES = 30;

/** The rectangle a grid covers, in feature units. */
export interface BoundaryDomain {
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
}

/** One model's predictions on the grid, row-major from (x0, y0): the class and its softmax probability. */
export interface GridPrediction {
  readonly classes: Uint8Array;
  readonly confidence: Float32Array;
}

/** One frame: the grid, the supernet's and the derived cell's predictions, after epoch `epoch`. */
export interface BoundaryFrame {
  readonly step: number;
  readonly epoch: number;
  readonly size: number;
  readonly domain: BoundaryDomain;
  readonly supernet: GridPrediction;
  readonly derived: GridPrediction;
}

/** Epochs between two frames of a run of `epochs` epochs. */
export function boundaryInterval(epochs: number): number {
  return Math.max(1, Math.ceil(epochs / BOUNDARY_FRAMES));
}

/** True when a frame is computed after epoch `epoch` of `epochs`: every boundaryInterval epochs, the first and the last. */
export function boundaryDue(epoch: number, epochs: number): boolean {
  return epoch === 1 || epoch === epochs || epoch % boundaryInterval(epochs) === 0;
}

/** The square-ish rectangle around every point of `splits` (2 features each), padded by a tenth of its span; [-1, 1]² when empty. */
export function boundaryDomain(splits: readonly DataSplit[]): BoundaryDomain {
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (const s of splits) {
    for (let i = 0; i < s.count; i++) {
      const x = s.x[2 * i] ?? 0;
      const y = s.x[2 * i + 1] ?? 0;
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x);
      y0 = Math.min(y0, y);
      y1 = Math.max(y1, y);
    }
  }
  if (!(x1 >= x0 && y1 >= y0)) return { x0: -1, x1: 1, y0: -1, y1: 1 };
  const pad = Math.max(x1 - x0, y1 - y0, 1e-3) * 0.1;
  return { x0: x0 - pad, x1: x1 + pad, y0: y0 - pad, y1: y1 + pad };
}

/** The centres of a size x size grid over `d`, row-major (y outer, x inner) as [x, y] pairs. */
export function gridPoints(d: BoundaryDomain, size: number): Float32Array {
  const out = new Float32Array(size * size * 2);
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      const i = r * size + c;
      out[2 * i] = d.x0 + ((c + 0.5) / size) * (d.x1 - d.x0);
      out[2 * i + 1] = d.y0 + ((r + 0.5) / size) * (d.y1 - d.y0);
    }
  }
  return out;
}
