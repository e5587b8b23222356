/** Maps validation problems onto the form: each to the field it names, the rest to a general list. */
import type { Problem } from '../core/problems';

/** Problems grouped by form field name, plus those no shown field owns. */
export interface FormProblems {
  readonly byField: ReadonlyMap<string, readonly Problem[]>;
  readonly other: readonly Problem[];
}

/** The form field a problem path names: 'strategy.weightLr' -> 'weightLr', 'dataset.noise' -> 'noise', 'seed' -> 'seed'. */
export function fieldOfPath(path: string): string | null {
  const parts = path.split('.');
  if (parts.length === 1) return parts[0] || null;
  if ((parts[0] === 'strategy' || parts[0] === 'dataset') && parts.length === 2)
    return parts[1] ?? null;
  return null;
}

/** Groups `problems` by the fields in `fields`; problems about anything else go to `other`. */
export function groupProblems(
  problems: readonly Problem[],
  fields: ReadonlySet<string>,
): FormProblems {
  const byField = new Map<string, Problem[]>();
  const other: Problem[] = [];
  for (const p of problems) {
    const field = fieldOfPath(p.path);
    if (field !== null && fields.has(field)) byField.set(field, [...(byField.get(field) ?? []), p]);
    else other.push(p);
  }
  return { byField, other };
}
