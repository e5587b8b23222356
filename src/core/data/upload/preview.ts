/** What the page shows of a parsed upload before it is used: class counts, and a scatter, the first rows or example images. */
import { classCounts } from './classes';
import type { ParsedUpload } from './parse';

/** Rows shown in the table preview. */
export const PREVIEW_ROWS = 8;
/** Points drawn in the 2-feature scatter at most. */
export const PREVIEW_POINTS = 1000;
/** Example images shown per class, and classes shown. */
export const PREVIEW_IMAGES_PER_CLASS = 4;
export const PREVIEW_IMAGE_CLASSES = 12;

/** A small, plain summary of a parsed upload for the page. */
export interface UploadPreview {
  readonly classNames: readonly string[];
  readonly counts: readonly number[];
  /** Table: the feature names and the first rows (raw values and label). */
  readonly features: readonly string[];
  readonly rows: readonly { readonly values: readonly number[]; readonly label: string }[];
  /** Table with exactly 2 features: up to PREVIEW_POINTS points (raw values) with their class. */
  readonly points: readonly { readonly x: number; readonly y: number; readonly c: number }[];
  /** Images: a few examples per class (side x side x channels values in [0, 1]). */
  readonly images: readonly { readonly c: number; readonly pixels: Float32Array }[];
}

/** The preview of a parsed upload. */
export function previewOf(u: ParsedUpload): UploadPreview {
  const { x, y, count, input, classNames } = u.examples;
  const counts = classCounts(y, classNames.length);
  if (input.kind === 'vector') {
    const w = input.features;
    const features = u.spec.kind === 'table' ? u.spec.features : [];
    const rows = Array.from({ length: Math.min(PREVIEW_ROWS, count) }, (_, r) => ({
      values: Array.from(x.subarray(r * w, (r + 1) * w)),
      label: classNames[y[r] ?? 0] ?? '',
    }));
    const step = Math.max(1, Math.ceil(count / PREVIEW_POINTS));
    const points =
      w === 2
        ? Array.from({ length: Math.ceil(count / step) }, (_, i) => ({
            x: x[i * step * 2] ?? 0,
            y: x[i * step * 2 + 1] ?? 0,
            c: y[i * step] ?? 0,
          }))
        : [];
    return { classNames, counts, features, rows, points, images: [] };
  }
  const size = input.height * input.width * input.channels;
  const taken = new Array<number>(classNames.length).fill(0);
  const images: { c: number; pixels: Float32Array }[] = [];
  for (let i = 0; i < count; i++) {
    const c = y[i] ?? 0;
    if (c >= PREVIEW_IMAGE_CLASSES || (taken[c] ?? 0) >= PREVIEW_IMAGES_PER_CLASS) continue;
    taken[c] = (taken[c] ?? 0) + 1;
    images.push({ c, pixels: x.slice(i * size, (i + 1) * size) });
  }
  return { classNames, counts, features: [], rows: [], points: [], images };
}
