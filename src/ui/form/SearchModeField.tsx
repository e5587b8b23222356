/** The search-mode select of a strategy with search modes (the registry's list). */
import type { SearchMode } from '../../store/strategy-fields';
import type { FormProblems } from '../../store/form-problems';
import { useStudio } from '../studio';
import { ChoiceField } from './ChoiceField';
import { strategyEntry } from '../../core/strategy/registry';
import type { StrategyKind } from '../../core/experiment/spec';

/** Evolution or random search for strategy `kind`, in the order its modes are listed. */
export function SearchModeField({
  kind,
  value,
  problems,
}: {
  readonly kind: StrategyKind;
  readonly value: SearchMode;
  readonly problems: FormProblems;
}) {
  const setSearchMode = useStudio((s) => s.setSearchMode);
  const modes = strategyEntry(kind).searchModes;
  const options = modes.map((m) => [m.mode, m.label] as const);
  return (
    <ChoiceField
      name="search"
      testId={`${kind}-search`}
      label="Search"
      value={value}
      options={options}
      help={modes.find((m) => m.mode === value)?.help ?? ''}
      problems={problems.byField.get('search')}
      onChange={setSearchMode}
    />
  );
}
