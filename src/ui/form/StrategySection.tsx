/** The search strategy: DARTS, SPOS or multi-trial, its fields, the seed and splits; the less used fields fold away unless one has a problem. */
import { useState } from 'react';
import { STRATEGY_LABELS } from '../../core/strategy/registry';
import type { StrategyKind } from '../../core/experiment/spec';
import type { DatasetNumberField } from '../../store/experiment-slice';
import { strategyFieldName, type FormProblems } from '../../store/form-problems';
import { strategyLayout } from '../../store/strategy-fields';
import { useStudio } from '../studio';
import { ChoiceField } from './ChoiceField';
import { ConstraintsFieldset } from './ConstraintsFieldset';
import { DartsSection } from './DartsSection';
import { DATASET_FIELDS, SEED_FIELD } from './fields';
import { MultiTrialSection } from './MultiTrialSection';
import { NumberField } from './NumberField';
import { SposSection } from './SposSection';
import { KIND_HELP } from './strategy-info';
import { StrategyFields } from './StrategyFields';
import './form.css';

const SPLITS: readonly Extract<DatasetNumberField, 'trainFraction' | 'validFraction'>[] = [
  'trainFraction',
  'validFraction',
];

const KINDS = (Object.keys(STRATEGY_LABELS) as StrategyKind[]).map(
  (kind) => [kind, STRATEGY_LABELS[kind]] as const,
);

/** The strategy part of the form, with the seed and the train / validation split shared by every kind. */
export function StrategySection({ problems }: { readonly problems: FormProblems }) {
  const strategy = useStudio((s) => s.spec.strategy);
  const dataset = useStudio((s) => s.spec.dataset);
  const seed = useStudio((s) => s.spec.seed);
  const setKind = useStudio((s) => s.setStrategyKind);
  const setDatasetNumber = useStudio((s) => s.setDatasetNumber);
  const setSeed = useStudio((s) => s.setSeed);
  const [open, setOpen] = useState(false);
  const more = strategyLayout(strategy).more;
  const moreHasProblem = [...more.map(strategyFieldName), ...SPLITS].some((f) =>
    problems.byField.has(f),
  );
  return (
    <fieldset className="form-section">
      <legend>Search strategy</legend>
      <ChoiceField
        name="kind"
        testId="strategy-kind"
        label="Strategy"
        value={strategy.kind}
        options={KINDS}
        help={KIND_HELP[strategy.kind]}
        problems={problems.byField.get('kind')}
        onChange={setKind}
      />
      {strategy.kind === 'darts' ? <DartsSection strategy={strategy} problems={problems} /> : null}
      {strategy.kind === 'spos' ? <SposSection strategy={strategy} problems={problems} /> : null}
      {strategy.kind === 'multi-trial' ? (
        <MultiTrialSection strategy={strategy} problems={problems} />
      ) : null}
      <NumberField
        name="seed"
        path="seed"
        info={SEED_FIELD}
        value={seed}
        problems={problems.byField.get('seed')}
        onCommit={setSeed}
      />
      <details
        className="more"
        open={open || moreHasProblem}
        onToggle={(e) => setOpen(e.currentTarget.open)}
      >
        <summary>More hyper-parameters</summary>
        <div className="more-body">
          <StrategyFields strategy={strategy} fields={more} problems={problems} />
          {SPLITS.map((name) => (
            <NumberField
              key={name}
              name={name}
              path={`dataset.${name}`}
              info={DATASET_FIELDS[name]}
              value={dataset[name]}
              problems={problems.byField.get(name)}
              onCommit={(v) => setDatasetNumber(name, v)}
            />
          ))}
        </div>
      </details>
      {strategy.kind !== 'darts' ? (
        <ConstraintsFieldset constraints={strategy.constraints} problems={problems} />
      ) : null}
    </fieldset>
  );
}
