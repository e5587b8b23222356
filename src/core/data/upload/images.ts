/** Image datasets: files labelled by their folder (one folder per class) or by their file name, resized to one size. */
import { classNamesOf } from './classes';
import { decodeImage } from './decode-image';
import { UPLOAD_LIMITS } from './limits';
import { resizeImage } from './resize';
import { parsed, plural, refused, type Parsed, type UploadedExamples } from './types';
import { isSkippedEntry, type ArchiveFile } from './zip';

/** How images become examples: the side they are resized to and gray (1 channel) or RGB (3). */
export interface ImageOptions {
  readonly side: number;
  readonly channels: 1 | 3;
}

/** The folder a file sits in ('' at the top). */
function folderOf(path: string): string {
  const parts = path.split('/').filter((p) => p !== '');
  return parts.length >= 2 ? (parts[parts.length - 2] ?? '') : '';
}

/** The label a file name gives: the part before the first '_', '-', space or '.', else the name without its extension and trailing digits ("cat_01.png", "cat-3.jpg", "cat7.png": "cat"). */
export function labelOfFileName(path: string): string {
  const base = path.split('/').pop() ?? '';
  const stem = base.includes('.') ? base.slice(0, base.lastIndexOf('.')) : base;
  const head = /^(.+?)[_\-\s.]/.exec(stem)?.[1];
  if (head !== undefined) return head;
  const letters = stem.replace(/\d+$/, '');
  return letters === '' ? stem : letters;
}

/** Labels of `paths`: their folders when the files sit in two folders or more, else their file names (labelOfFileName). */
export function imageLabels(paths: readonly string[]): string[] {
  const folders = paths.map(folderOf);
  return new Set(folders).size >= 2 ? folders : paths.map(labelOfFileName);
}

/** Why image options are out of range, or null. */
export function imageOptionsProblem(o: ImageOptions): string | null {
  if (!Number.isInteger(o.side) || o.side < UPLOAD_LIMITS.minSide || o.side > UPLOAD_LIMITS.maxSide)
    return `The image side must be a whole number from ${UPLOAD_LIMITS.minSide} to ${UPLOAD_LIMITS.maxSide} pixels (got ${o.side}).`;
  if (o.channels !== 1 && o.channels !== 3)
    return `Images are gray (1 channel) or RGB (3 channels) (got ${String(o.channels)}).`;
  return null;
}

/**
 * Examples of the image files (in path order; folders, __MACOSX and hidden files skipped): each
 * decoded (PNG or JPEG), resized to options.side (images of any size become one size), gray or RGB,
 * values in [0, 1]. Refuses no images, too many, too many values, a file that is not an image, a
 * damaged image, a single class or too many classes.
 */
export function imageExamples(
  files: readonly ArchiveFile[],
  options: ImageOptions,
  what: string,
): Parsed<UploadedExamples> {
  const optionProblem = imageOptionsProblem(options);
  if (optionProblem !== null) return refused(optionProblem);
  const images = files
    .filter((f) => !isSkippedEntry(f.path))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  if (images.length === 0) return refused(`${what} holds no image files.`);
  if (images.length > UPLOAD_LIMITS.images)
    return refused(
      `${what} holds ${plural(images.length, 'file')}; at most ${UPLOAD_LIMITS.images.toLocaleString('en-US')} images are read.`,
    );
  const width = options.side * options.side * options.channels;
  if (images.length * width > UPLOAD_LIMITS.imageValues)
    return refused(
      `${plural(images.length, 'image')} of ${options.side}x${options.side}x${options.channels} is more than ${UPLOAD_LIMITS.imageValues.toLocaleString('en-US')} values; choose a smaller side, gray, or fewer images.`,
    );
  const labels = imageLabels(images.map((f) => f.path));
  const names = classNamesOf(labels, what);
  if (!names.ok) return names;
  const index = new Map(names.value.map((n, i) => [n, i]));
  const x = new Float32Array(images.length * width);
  const y = new Int32Array(images.length);
  for (let i = 0; i < images.length; i++) {
    const file = images[i];
    if (file === undefined) continue;
    const img = decodeImage(file.bytes, file.path);
    if (!img.ok) return img;
    x.set(resizeImage(img.value, options.side, options.channels), i * width);
    y[i] = index.get(labels[i] ?? '') ?? 0;
  }
  return parsed({
    x,
    y,
    count: images.length,
    input: { kind: 'image', height: options.side, width: options.side, channels: options.channels },
    classNames: names.value,
  });
}
