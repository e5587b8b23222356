/** DARTS order and hyper-parameters; the less used ones fold away unless one of them has a problem. */
import { useState } from 'react';
import type { FormProblems } from '../../store/form-problems';
import type { DatasetNumberField, StrategyNumberField } from '../../store/experiment-slice';
import { useStudio } from '../studio';
import { DATASET_FIELDS, SEED_FIELD, STRATEGY_FIELDS } from './fields';
import { NumberField } from './NumberField';

const MAIN: readonly StrategyNumberField[] = ['epochs', 'batchSize', 'weightLr', 'alphaLr'];
const MORE: readonly StrategyNumberField[] = [
  'weightLrMin',
  'momentum',
  'weightDecay',
  'gradClip',
  'alphaBeta1',
  'alphaBeta2',
  'alphaWeightDecay',
];
const SPLITS: readonly Exclude<DatasetNumberField, 'imageSize' | 'samples' | 'noise'>[] = [
  'trainFraction',
  'validFraction',
];

/** The strategy part of the form, with the seed (DARTS only; nothing for other strategies). */
export function StrategySection({ problems }: { readonly problems: FormProblems }) {
  const strategy = useStudio((s) => s.spec.strategy);
  const dataset = useStudio((s) => s.spec.dataset);
  const seed = useStudio((s) => s.spec.seed);
  const setOrder = useStudio((s) => s.setOrder);
  const setNumber = useStudio((s) => s.setStrategyNumber);
  const setDatasetNumber = useStudio((s) => s.setDatasetNumber);
  const setSeed = useStudio((s) => s.setSeed);
  const [open, setOpen] = useState(false);
  const moreHasProblem = [...MORE, ...SPLITS].some((f) => problems.byField.has(f));
  // The form edits DARTS only for now; other strategies are not shown.
  if (strategy.kind !== 'darts') return null;
  const field = (name: StrategyNumberField) => (
    <NumberField
      key={name}
      name={name}
      info={STRATEGY_FIELDS[name]}
      value={strategy[name]}
      problems={problems.byField.get(name)}
      onCommit={(v) => setNumber(name, v)}
    />
  );
  return (
    <fieldset className="form-section">
      <legend>DARTS</legend>
      <div className="field">
        <label htmlFor="order-select">Order</label>
        <select
          id="order-select"
          data-testid="order-select"
          value={strategy.order}
          onChange={(e) => setOrder(e.target.value === '2' ? 2 : 1)}
        >
          <option value="1">First order</option>
          <option value="2">Second order (unrolled)</option>
        </select>
        <span className="field-help">
          {strategy.order === 1
            ? 'Alphas follow the validation gradient at the current weights.'
            : 'Alphas follow the gradient through one unrolled weight step (slower, about 3× the work).'}
        </span>
      </div>
      {MAIN.map(field)}
      <NumberField
        name="seed"
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
          {MORE.map(field)}
          {SPLITS.map((name) => (
            <NumberField
              key={name}
              name={name}
              info={DATASET_FIELDS[name]}
              value={dataset[name]}
              problems={problems.byField.get(name)}
              onCommit={(v) => setDatasetNumber(name, v)}
            />
          ))}
        </div>
      </details>
    </fieldset>
  );
}
