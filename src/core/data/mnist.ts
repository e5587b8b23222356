/** MNIST digits as packed by scripts/prepare-data.mjs: parsing, block-average downsampling, selection. */
import type { DataSplit } from '../experiment/spec';

/** The parsed file: `count` labels and `count` row-major uint8 images of rows x cols. */
export interface MnistPool {
  readonly count: number;
  readonly rows: number;
  readonly cols: number;
  readonly labels: Uint8Array;
  readonly pixels: Uint8Array;
}

const HEADER = 16;

/** Parses the "MNST" file: header (magic, u32 count, rows, cols, little-endian), count labels, then the pixels. Throws on a malformed file. */
export function parseMnist(bytes: Uint8Array): MnistPool {
  if (bytes.length < HEADER || String.fromCharCode(...bytes.subarray(0, 4)) !== 'MNST') {
    throw new Error('The MNIST file does not start with the "MNST" header.');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint32(4, true);
  const rows = view.getUint32(8, true);
  const cols = view.getUint32(12, true);
  const expected = HEADER + count + count * rows * cols;
  if (bytes.length !== expected) {
    throw new Error(`The MNIST file holds ${bytes.length} bytes; its header promises ${expected}.`);
  }
  return {
    count,
    rows,
    cols,
    labels: bytes.subarray(HEADER, HEADER + count),
    pixels: bytes.subarray(HEADER + count, expected),
  };
}

/**
 * Writes image `index` of the pool into `out` at `outOffset` as size x size floats in [0, 1], each the
 * mean of a (rows/size) x (cols/size) block of pixels divided by 255. `size` must divide rows and cols.
 */
export function downsampleInto(
  pool: MnistPool,
  index: number,
  size: number,
  out: Float32Array,
  outOffset: number,
): void {
  if (pool.rows % size !== 0 || pool.cols % size !== 0) {
    throw new Error(
      `Cannot downsample ${pool.rows}x${pool.cols} images to ${size}x${size}: the size must divide the side.`,
    );
  }
  const fr = pool.rows / size;
  const fc = pool.cols / size;
  const base = index * pool.rows * pool.cols;
  const scale = 1 / (fr * fc * 255);
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      let sum = 0;
      for (let dr = 0; dr < fr; dr++) {
        const row = base + (r * fr + dr) * pool.cols + c * fc;
        for (let dc = 0; dc < fc; dc++) sum += pool.pixels[row + dc] ?? 0;
      }
      out[outOffset + r * size + c] = sum * scale;
    }
  }
}

/** The images at `indices` downsampled to size x size (NHWC with one channel) and their labels. */
export function selectMnist(pool: MnistPool, indices: readonly number[], size: number): DataSplit {
  const pixels = size * size;
  const x = new Float32Array(indices.length * pixels);
  const y = new Int32Array(indices.length);
  indices.forEach((index, i) => {
    if (!Number.isInteger(index) || index < 0 || index >= pool.count)
      throw new Error(`MNIST index ${index} is outside 0..${pool.count - 1}.`);
    downsampleInto(pool, index, size, x, i * pixels);
    y[i] = pool.labels[index] ?? 0;
  });
  return { x, y, count: indices.length };
}
