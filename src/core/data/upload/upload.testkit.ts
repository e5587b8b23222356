/** Small upload fixtures made in tests: CSV text, PNG images and zips of class folders. */
import { strToU8, zipSync } from 'fflate';
import { encode as encodePng } from 'fast-png';
import { encode as encodeJpeg } from 'jpeg-js';

/** A CSV of two Gaussian blobs: columns x, y, a text column and the label ("left" / "right"). */
export function blobsCsv(rows = 60): Uint8Array {
  const lines = ['x,y,note,side'];
  for (let i = 0; i < rows; i++) {
    const right = i % 2 === 1;
    const x = (right ? 2 : -2) + Math.sin(i * 12.9898) * 0.5;
    const y = Math.cos(i * 78.233) * 0.5;
    lines.push(`${x.toFixed(4)},${y.toFixed(4)},n${i},${right ? 'right' : 'left'}`);
  }
  return strToU8(`${lines.join('\n')}\n`);
}

/** A gray PNG of `width` x `height`, every pixel `value` (0-255), brighter towards the right when `ramp`. */
export function grayPng(width: number, height: number, value: number, ramp = false): Uint8Array {
  const data = new Uint8Array(width * height);
  for (let i = 0; i < data.length; i++)
    data[i] = ramp ? Math.min(255, value + ((i % width) * 255) / width) : value;
  return encodePng({ width, height, data, depth: 8, channels: 1 });
}

/** An RGB JPEG of `width` x `height`, every pixel (r, g, b). */
export function rgbJpeg(
  width: number,
  height: number,
  r: number,
  g: number,
  b: number,
): Uint8Array {
  const data = new Uint8Array(width * height * 4);
  for (let p = 0; p < width * height; p++) data.set([r, g, b, 255], p * 4);
  return encodeJpeg({ width, height, data }, 95).data;
}

/** A zip of class folders "dark" and "light", `perClass` PNGs each (dark ~30, light ~220), sizes varying. */
export function classFolderZip(perClass = 6): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (let i = 0; i < perClass; i++) {
    files[`shapes/dark/${i}.png`] = grayPng(8 + i, 10, 30);
    files[`shapes/light/${i}.png`] = grayPng(12, 8 + i, 220);
  }
  return zipSync(files);
}
