/** The current spec's validation problems, grouped onto the form fields shown for it (memoised per spec). */
import { useMemo } from 'react';
import { validateExperiment } from '../core/experiment/validate';
import type { Problem } from '../core/problems';
import { groupProblems, shownFields, type FormProblems } from '../store/form-problems';
import { useStudio } from './studio';

/** All problems of the spec being edited, and the same grouped by the fields the form shows. */
export function useProblems(): { all: readonly Problem[]; grouped: FormProblems } {
  const spec = useStudio((s) => s.spec);
  return useMemo(() => {
    const all = validateExperiment(spec);
    return { all, grouped: groupProblems(all, shownFields(spec)) };
  }, [spec]);
}
