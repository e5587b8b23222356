import { describe, expect, it } from 'vitest';
import { downsampleInto, parseMnist, selectMnist } from './mnist';

/** A synthetic MNIST file of `count` 4x4 images: pixel p of image i is (i * 16 + p) * 3, label i % 10. */
function synthetic(count: number, side = 4): Uint8Array {
  const size = side * side;
  const bytes = new Uint8Array(16 + count + count * size);
  bytes.set([0x4d, 0x4e, 0x53, 0x54]);
  const view = new DataView(bytes.buffer);
  view.setUint32(4, count, true);
  view.setUint32(8, side, true);
  view.setUint32(12, side, true);
  for (let i = 0; i < count; i++) {
    bytes[16 + i] = i % 10;
    for (let p = 0; p < size; p++) bytes[16 + count + i * size + p] = (i * size + p) * 3;
  }
  return bytes;
}

describe('parseMnist', () => {
  it('reads the header, labels and pixels', () => {
    const pool = parseMnist(synthetic(3));
    expect([pool.count, pool.rows, pool.cols]).toEqual([3, 4, 4]);
    expect([...pool.labels]).toEqual([0, 1, 2]);
    expect(pool.pixels[16]).toBe(48);
  });

  it('rejects a wrong header or a truncated file', () => {
    const bad = synthetic(2);
    bad[0] = 0;
    expect(() => parseMnist(bad)).toThrow('"MNST" header');
    expect(() => parseMnist(synthetic(2).subarray(0, 40))).toThrow('its header promises 50');
  });
});

describe('downsampling', () => {
  it('averages blocks and scales to [0, 1]', () => {
    const pool = parseMnist(synthetic(2));
    const out = new Float32Array(4);
    downsampleInto(pool, 1, 2, out, 0);
    // Image 1, block (0,0) holds pixels 16,17,20,21 times 3.
    const block = (a: number) => ((a + a + 1 + a + 4 + a + 5) * 3) / 4 / 255;
    expect(out[0]).toBeCloseTo(block(16), 6);
    expect(out[3]).toBeCloseTo(block(26), 6);
    const full = new Float32Array(16);
    downsampleInto(pool, 0, 4, full, 0);
    expect(full[5]).toBeCloseTo(15 / 255, 6);
    const one = new Float32Array(1);
    downsampleInto(pool, 0, 1, one, 0);
    expect(one[0]).toBeCloseTo((7.5 * 3) / 255, 6);
    expect(() => downsampleInto(pool, 0, 3, full, 0)).toThrow('must divide');
  });

  it('selects images and labels by index', () => {
    const pool = parseMnist(synthetic(12));
    const s = selectMnist(pool, [11, 0], 2);
    expect(s.count).toBe(2);
    expect([...s.y]).toEqual([1, 0]);
    expect(s.x).toHaveLength(8);
    expect(() => selectMnist(pool, [12], 2)).toThrow('outside 0..11');
  });
});
