/** Every cap on an uploaded dataset, in one place (the README's "Using it" and Known limits quote them). */

/** Caps on uploaded files and the datasets parsed from them. */
export const UPLOAD_LIMITS = {
  /** Largest CSV file read, in bytes (20 MiB). */
  csvBytes: 20 * 1024 * 1024,
  /** Largest zip (or set of image files) read, in bytes (50 MiB). */
  zipBytes: 50 * 1024 * 1024,
  /** Most data rows of a CSV (the header not counted). */
  rows: 50_000,
  /** Most columns of a CSV. */
  columns: 1_000,
  /** Most feature values in all (rows x feature columns) of a CSV. */
  cells: 5_000_000,
  /** Fewest classes: a single class leaves nothing to learn. */
  minClasses: 2,
  /** Most classes (distinct labels). */
  maxClasses: 100,
  /** Longest class label, in characters. */
  labelLength: 100,
  /** Most images in one dataset. */
  images: 20_000,
  /** Most entries (files and folders) in a zip. */
  zipEntries: 25_000,
  /** Largest single file inside a zip once inflated, in bytes (20 MiB). */
  entryBytes: 20 * 1024 * 1024,
  /** Most bytes all the files of a zip inflate to (200 MiB): declared sizes are checked first, actual bytes as they inflate. */
  inflatedBytes: 200 * 1024 * 1024,
  /** Largest image decoded, in pixels (2048 x 2048). */
  imagePixels: 2048 * 2048,
  /** Smallest and largest side an image is resized to. */
  minSide: 7,
  maxSide: 32,
  /** Side images are resized to unless another is chosen. */
  defaultSide: 14,
  /** Most values of an image dataset once resized (images x side x side x channels): 80 MB of float32. */
  imageValues: 20_000_000,
} as const;
