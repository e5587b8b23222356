/** The search strategy: its kind (from the registry), its own section of fields, the seed and splits; the less used fields fold away unless one has a problem. */
import { useState } from 'react';
import { hasConstraints } from '../../core/strategy/capabilities';
import { STRATEGY_KINDS } from '../../core/strategy/kinds';
import { STRATEGY_LABELS, strategyEntry } from '../../core/strategy/registry';
import type { DatasetNumberField } from '../../store/experiment-slice';
import { strategyFieldName, type FormProblems } from '../../store/form-problems';
import { strategyLayout } from '../../store/strategy-fields';
import { useStudio } from '../studio';
import { ChoiceField } from './ChoiceField';
import { ConstraintsFieldset } from './ConstraintsFieldset';
import { DATASET_FIELDS, SEED_FIELD } from './fields';
import { NumberField } from './NumberField';
import { STRATEGY_SECTIONS } from './strategy-sections';
import { StrategyFields } from './StrategyFields';
import './form.css';

const SPLITS: readonly Extract<DatasetNumberField, 'trainFraction' | 'validFraction'>[] = [
  'trainFraction',
  'validFraction',
];

const KINDS = STRATEGY_KINDS.map((kind) => [kind, STRATEGY_LABELS[kind]] as const);

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
        help={strategyEntry(strategy.kind).description}
        problems={problems.byField.get('kind')}
        onChange={setKind}
      />
      {STRATEGY_SECTIONS[strategy.kind](strategy, problems)}
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
      {hasConstraints(strategy) ? (
        <ConstraintsFieldset constraints={strategy.constraints} problems={problems} />
      ) : null}
    </fieldset>
  );
}
