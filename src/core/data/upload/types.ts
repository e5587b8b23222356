/** What parsing an uploaded file gives: a dataset of plain typed arrays, or a plain-English problem. */
import type { InputShape } from '../../experiment/spec';

/** Examples parsed from an uploaded file: row-major features (images NHWC, values in [0, 1]) and class indices. */
export interface UploadedExamples {
  readonly x: Float32Array;
  readonly y: Int32Array;
  readonly count: number;
  readonly input: InputShape;
  /** Class names in class-index order (labels sorted). */
  readonly classNames: readonly string[];
}

/** A parse that worked, or why it did not (one plain sentence). */
export type Parsed<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: string };

/** A successful parse. */
export function parsed<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

/** A failed parse, with its reason. */
export function refused<T>(problem: string): Parsed<T> {
  return { ok: false, problem };
}

/** "1 row" / "3 rows". */
export function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}
