/** The current spec's validation problems, grouped onto form fields (memoised per spec). */
import { useMemo } from 'react';
import { validateExperiment } from '../core/experiment/validate';
import type { Problem } from '../core/problems';
import { groupProblems, type FormProblems } from '../store/form-problems';
import { FORM_FIELDS } from './form/fields';
import { useStudio } from './studio';

/** All problems of the spec being edited, and the same grouped by field. */
export function useProblems(): { all: readonly Problem[]; grouped: FormProblems } {
  const spec = useStudio((s) => s.spec);
  return useMemo(() => {
    const all = validateExperiment(spec);
    return { all, grouped: groupProblems(all, FORM_FIELDS) };
  }, [spec]);
}
