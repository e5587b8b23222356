/** The search-mode select of SPOS and multi-trial. */
import type { SearchMode } from '../../store/strategy-fields';
import type { FormProblems } from '../../store/form-problems';
import { useStudio } from '../studio';
import { ChoiceField } from './ChoiceField';
import { SEARCH_MODES } from './strategy-info';

/** Evolution or random search for strategy `kind`, in the order its modes are listed. */
export function SearchModeField({
  kind,
  value,
  problems,
}: {
  readonly kind: 'spos' | 'multi-trial';
  readonly value: SearchMode;
  readonly problems: FormProblems;
}) {
  const setSearchMode = useStudio((s) => s.setSearchMode);
  const modes = SEARCH_MODES[kind];
  const options = modes.map((m) => [m.mode, m.label] as const);
  return (
    <ChoiceField
      name="search"
      testId={kind === 'spos' ? 'spos-search' : 'multi-trial-search'}
      label="Search"
      value={value}
      options={options}
      help={modes.find((m) => m.mode === value)?.help ?? ''}
      problems={problems.byField.get('search')}
      onChange={setSearchMode}
    />
  );
}
