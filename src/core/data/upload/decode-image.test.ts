import { encode as encodePng } from 'fast-png';
import { describe, expect, it } from 'vitest';
import { decodeImage } from './decode-image';
import { resizeImage } from './resize';
import { rgbJpeg } from './upload.testkit';

/** The decoded image, failing the test with the problem when refused. */
function decoded(bytes: Uint8Array) {
  const r = decodeImage(bytes, 'x.png');
  if (!r.ok) throw new Error(r.problem);
  return r.value;
}

describe('image decoding', () => {
  it('reads 16-bit gray PNG on the 0-65535 scale', () => {
    const png = encodePng({
      width: 2,
      height: 1,
      data: new Uint16Array([0, 65535]),
      depth: 16,
      channels: 1,
    });
    expect(Array.from(decoded(png).rgb)).toEqual([0, 0, 0, 1, 1, 1]);
  });

  it('unpacks 1-bit PNG rows (padded to whole bytes)', () => {
    const png = encodePng({
      width: 3,
      height: 2,
      data: new Uint8Array([0b10100000, 0b01000000]),
      depth: 1,
      channels: 1,
    });
    const img = decoded(png);
    expect(Array.from(img.rgb.filter((_, i) => i % 3 === 0))).toEqual([1, 0, 1, 0, 1, 0]);
  });

  it('composites transparency over white', () => {
    const data = new Uint8Array([0, 0, 0, 0, 0, 0, 0, 255, 0, 0, 0, 128]);
    const img = decoded(encodePng({ width: 3, height: 1, data, depth: 8, channels: 4 }));
    expect(img.rgb[0]).toBeCloseTo(1, 5);
    expect(img.rgb[3]).toBeCloseTo(0, 5);
    expect(img.rgb[6]).toBeCloseTo(1 - 128 / 255, 5);
  });

  it('reads JPEG colours within compression error, and resizes by box averaging', () => {
    const img = decoded(rgbJpeg(10, 6, 0, 0, 255));
    expect([img.width, img.height]).toEqual([10, 6]);
    expect(img.rgb[2]).toBeGreaterThan(0.9);
    const gray = resizeImage(
      {
        width: 4,
        height: 2,
        rgb: new Float32Array([
          0, 0, 0, 1, 1, 1, 0, 0, 0, 1, 1, 1, 0, 0, 0, 1, 1, 1, 0, 0, 0, 1, 1, 1,
        ]),
      },
      2,
      1,
    );
    expect(Array.from(gray).map((v) => Number(v.toFixed(4)))).toEqual([0.5, 0.5, 0.5, 0.5]);
  });

  it('refuses what is not a PNG or JPEG, and a PNG too large to decode, before decoding', () => {
    const r = decodeImage(new Uint8Array([0x47, 0x49, 0x46, 0x38]), 'a.gif');
    expect(r.ok ? '' : r.problem).toBe(
      'a.gif is not a PNG or JPEG image; only PNG and JPEG files are read.',
    );
    const header = encodePng({
      width: 1,
      height: 1,
      data: new Uint8Array([0]),
      depth: 8,
      channels: 1,
    });
    const huge = new Uint8Array(header);
    new DataView(huge.buffer).setUint32(16, 5000);
    new DataView(huge.buffer).setUint32(20, 5000);
    const big = decodeImage(huge, 'big.png');
    expect(big.ok ? '' : big.problem).toMatch(
      /big\.png is 5000x5000 pixels; images are read up to 4,194,304 pixels/,
    );
  });
});
