/** The experiment form: search space, dataset, search strategy; problems shown beside their fields. */
import { ControlGroupBox } from '../lessons/ControlGroupBox';
import { useProblems } from '../problems';
import { DatasetSection } from './DatasetSection';
import { SearchSpaceSection } from './SearchSpaceSection';
import { StrategySection } from './StrategySection';

/** The left-hand panel. */
export function ExperimentForm() {
  const { grouped } = useProblems();
  // Search-space problems are shown in the composer, where they happen.
  const other = grouped.other.filter((p) => p.path !== 'space' && !p.path.startsWith('space.'));
  return (
    <form className="experiment-form" aria-label="Experiment" onSubmit={(e) => e.preventDefault()}>
      <ControlGroupBox group="preset">
        <SearchSpaceSection />
      </ControlGroupBox>
      <ControlGroupBox group="dataset">
        <DatasetSection problems={grouped} />
      </ControlGroupBox>
      <ControlGroupBox group="strategy">
        <StrategySection problems={grouped} />
      </ControlGroupBox>
      {other.length > 0 ? (
        <ul className="problem-list" aria-label="Other problems">
          {other.map((p) => (
            <li key={`${p.path}:${p.code}`}>{p.message}</li>
          ))}
        </ul>
      ) : null}
    </form>
  );
}
