/** PNG (fast-png) and JPEG (jpeg-js) decoding to RGB in [0, 1]: pure JavaScript, so the page and Node decode alike. */
import { convertIndexedToRgb, decode as decodePng, type DecodedPng } from 'fast-png';
import { decode as decodeJpeg } from 'jpeg-js';
import { UPLOAD_LIMITS } from './limits';
import { parsed, refused, type Parsed } from './types';

/** A decoded image: RGB values in [0, 1], row-major, 3 per pixel (transparency composited over white). */
export interface RgbImage {
  readonly width: number;
  readonly height: number;
  readonly rgb: Float32Array;
}

/** Whether `bytes` start with the PNG signature. */
function isPng(b: Uint8Array): boolean {
  return b.length >= 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47;
}

/** Whether `bytes` start with a JPEG start-of-image marker. */
function isJpeg(b: Uint8Array): boolean {
  return b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;
}

/** A big-endian 32-bit unsigned integer at `at`. */
function u32(b: Uint8Array, at: number): number {
  return (
    (((b[at] ?? 0) << 24) |
      ((b[at + 1] ?? 0) << 16) |
      ((b[at + 2] ?? 0) << 8) |
      (b[at + 3] ?? 0)) >>>
    0
  );
}

/** Why an image of `width` x `height` is refused, or null. */
function sizeProblem(path: string, width: number, height: number): string | null {
  if (width < 1 || height < 1) return `${path} has no pixels.`;
  if (width * height > UPLOAD_LIMITS.imagePixels)
    return `${path} is ${width}x${height} pixels; images are read up to ${UPLOAD_LIMITS.imagePixels.toLocaleString('en-US')} pixels (2048x2048).`;
  return null;
}

/** The samples of a decoded PNG as one value per channel per pixel, low bit depths unpacked. */
function pngSamples(png: DecodedPng): { values: ArrayLike<number>; channels: number; max: number } {
  if (png.palette !== undefined) {
    const rgb = convertIndexedToRgb(png);
    return { values: rgb, channels: rgb.length / (png.width * png.height), max: 255 };
  }
  const max = 2 ** png.depth - 1;
  if (png.depth >= 8) return { values: png.data, channels: png.channels, max };
  const perRow = png.width * png.channels;
  const stride = Math.ceil((perRow * png.depth) / 8);
  const values = new Uint8Array(perRow * png.height);
  for (let r = 0; r < png.height; r++)
    for (let i = 0; i < perRow; i++) {
      const bit = i * png.depth;
      const byte = png.data[r * stride + (bit >> 3)] ?? 0;
      values[r * perRow + i] = (byte >> (8 - png.depth - (bit & 7))) & max;
    }
  return { values, channels: png.channels, max };
}

/** RGB in [0, 1] from interleaved samples of 1-4 channels (gray, gray+alpha, RGB, RGBA); alpha composited over white. */
function toRgb(
  values: ArrayLike<number>,
  channels: number,
  max: number,
  pixels: number,
): Float32Array {
  const rgb = new Float32Array(pixels * 3);
  const hasAlpha = channels === 2 || channels === 4;
  const colour = channels >= 3 ? 3 : 1;
  for (let p = 0; p < pixels; p++) {
    const alpha = hasAlpha ? (values[p * channels + channels - 1] ?? max) / max : 1;
    for (let c = 0; c < 3; c++) {
      const v = (values[p * channels + (colour === 3 ? c : 0)] ?? 0) / max;
      rgb[p * 3 + c] = v * alpha + (1 - alpha);
    }
  }
  return rgb;
}

/** Decodes a PNG or JPEG (told apart by content, not name), or says why it cannot. */
export function decodeImage(bytes: Uint8Array, path: string): Parsed<RgbImage> {
  if (isPng(bytes)) {
    if (bytes.length < 24) return refused(`${path} is a truncated PNG.`);
    const size = sizeProblem(path, u32(bytes, 16), u32(bytes, 20));
    if (size !== null) return refused(size);
    try {
      const png = decodePng(bytes);
      const { values, channels, max } = pngSamples(png);
      const pixels = png.width * png.height;
      if (values.length < pixels * channels) return refused(`${path} is a truncated PNG.`);
      return parsed({
        width: png.width,
        height: png.height,
        rgb: toRgb(values, channels, max, pixels),
      });
    } catch (e) {
      return refused(`${path} is a damaged PNG (${e instanceof Error ? e.message : String(e)}).`);
    }
  }
  if (isJpeg(bytes)) {
    try {
      const jpeg = decodeJpeg(bytes, {
        useTArray: true,
        formatAsRGBA: true,
        maxResolutionInMP: UPLOAD_LIMITS.imagePixels / 1e6,
        maxMemoryUsageInMB: 256,
      });
      const size = sizeProblem(path, jpeg.width, jpeg.height);
      if (size !== null) return refused(size);
      const pixels = jpeg.width * jpeg.height;
      if (jpeg.data.length < pixels * 4) return refused(`${path} is a truncated JPEG.`);
      return parsed({
        width: jpeg.width,
        height: jpeg.height,
        rgb: toRgb(jpeg.data, 4, 255, pixels),
      });
    } catch (e) {
      return refused(
        `${path} is a damaged or unsupported JPEG (${e instanceof Error ? e.message : String(e)}).`,
      );
    }
  }
  return refused(`${path} is not a PNG or JPEG image; only PNG and JPEG files are read.`);
}
