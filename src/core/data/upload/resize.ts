/** Images to examples: every image resized to side x side (aspect ratio not kept), gray or RGB. */
import type { RgbImage } from './decode-image';

/**
 * The image as side x side x channels values in [0, 1] (HWC): each output pixel averages the source
 * pixels its cell covers (a box filter; the nearest pixel when enlarging). Gray is the luma
 * 0.299 R + 0.587 G + 0.114 B.
 */
export function resizeImage(img: RgbImage, side: number, channels: 1 | 3): Float32Array {
  const out = new Float32Array(side * side * channels);
  for (let i = 0; i < side; i++) {
    const y0 = Math.floor((i * img.height) / side);
    const y1 = Math.max(y0 + 1, Math.floor(((i + 1) * img.height) / side));
    for (let j = 0; j < side; j++) {
      const x0 = Math.floor((j * img.width) / side);
      const x1 = Math.max(x0 + 1, Math.floor(((j + 1) * img.width) / side));
      let r = 0;
      let g = 0;
      let b = 0;
      for (let y = y0; y < y1; y++)
        for (let x = x0; x < x1; x++) {
          const at = (y * img.width + x) * 3;
          r += img.rgb[at] ?? 0;
          g += img.rgb[at + 1] ?? 0;
          b += img.rgb[at + 2] ?? 0;
        }
      const n = (y1 - y0) * (x1 - x0);
      const at = (i * side + j) * channels;
      if (channels === 1) out[at] = (0.299 * r + 0.587 * g + 0.114 * b) / n;
      else {
        out[at] = r / n;
        out[at + 1] = g / n;
        out[at + 2] = b / n;
      }
    }
  }
  return out;
}
