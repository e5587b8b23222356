/** Class labels (arbitrary strings), numbered in sorted order. */
import { UPLOAD_LIMITS } from './limits';
import { parsed, refused, type Parsed } from './types';

/** Whether every label reads as a number (then they sort by value, so "10" comes after "9"). */
function allNumeric(labels: readonly string[]): boolean {
  return labels.every((l) => l.trim() !== '' && Number.isFinite(Number(l)));
}

/**
 * The class names of `labels` in class-index order: numerically when every label is a number,
 * otherwise by UTF-16 code unit (the same order in every browser and in Node). Refuses a single
 * class, more than UPLOAD_LIMITS.maxClasses, an empty label or one longer than labelLength.
 */
export function classNamesOf(labels: readonly string[], what: string): Parsed<string[]> {
  const distinct = [...new Set(labels)];
  const empty = distinct.find((l) => l.trim() === '');
  if (empty !== undefined) return refused(`${what} has an empty label; every example needs one.`);
  const long = distinct.find((l) => l.length > UPLOAD_LIMITS.labelLength);
  if (long !== undefined)
    return refused(
      `${what} has a label of ${long.length} characters ("${long.slice(0, 30)}…"); labels are at most ${UPLOAD_LIMITS.labelLength}.`,
    );
  if (distinct.length < UPLOAD_LIMITS.minClasses)
    return refused(
      `${what} has a single class ("${distinct[0] ?? ''}"); a classifier needs at least ${UPLOAD_LIMITS.minClasses}.`,
    );
  if (distinct.length > UPLOAD_LIMITS.maxClasses)
    return refused(
      `${what} has ${distinct.length.toLocaleString('en-US')} distinct labels; at most ${UPLOAD_LIMITS.maxClasses} classes are supported (is the label column the right one?).`,
    );
  const sorted = allNumeric(distinct)
    ? distinct.sort((a, b) => Number(a) - Number(b) || (a < b ? -1 : a > b ? 1 : 0))
    : distinct.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return parsed(sorted);
}

/** Counts of each class index in `y`. */
export function classCounts(y: Int32Array, classes: number): number[] {
  const counts = new Array<number>(classes).fill(0);
  for (const c of y) counts[c] = (counts[c] ?? 0) + 1;
  return counts;
}
