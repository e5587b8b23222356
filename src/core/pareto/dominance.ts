/** Pareto dominance and front extraction over any number of objectives, each minimised or maximised. */

/** One objective: the record field it reads and whether smaller or larger is better. */
export interface Objective {
  readonly key: string;
  readonly goal: 'min' | 'max';
}

/**
 * A point to compare: an object whose objective keys hold numbers (an evaluated subnet record,
 * a plain `{accuracy, params}`); fields that are not objectives may hold anything.
 */
export type ObjectivePoint = object;

/** The number at `key` of `p`, or undefined when it holds none. */
export function objectiveValue(p: ObjectivePoint, key: string): number | undefined {
  const v = (p as Readonly<Record<string, unknown>>)[key];
  return typeof v === 'number' ? v : undefined;
}

/** The value of `o` on `p`, signed so that larger is always better; a missing or NaN value is the worst possible. */
function score(p: ObjectivePoint, o: Objective): number {
  const v = objectiveValue(p, o.key);
  if (v === undefined || Number.isNaN(v)) return -Infinity;
  return o.goal === 'max' ? v : -v;
}

/** True when `a` is at least as good as `b` on every objective and strictly better on one. */
export function dominates(
  a: ObjectivePoint,
  b: ObjectivePoint,
  objectives: readonly Objective[],
): boolean {
  let better = false;
  for (const o of objectives) {
    const sa = score(a, o);
    const sb = score(b, o);
    if (sa < sb) return false;
    if (sa > sb) better = true;
  }
  return better;
}

/**
 * The non-dominated points, in their input order. Points equal on every objective do not dominate
 * each other, so duplicates of a front point all stay on the front. O(n^2 m), fine for the few
 * thousand subnets a search evaluates.
 */
export function paretoFront<P extends ObjectivePoint>(
  points: readonly P[],
  objectives: readonly Objective[],
): P[] {
  return points.filter((p) => !points.some((q) => q !== p && dominates(q, p, objectives)));
}
