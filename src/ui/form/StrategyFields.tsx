/** The numeric fields of the active strategy, each beside its problems. */
import type { StrategySpec } from '../../core/experiment/spec';
import { strategyFieldName, type FormProblems } from '../../store/form-problems';
import { strategyNumber, type StrategyNumberField } from '../../store/strategy-fields';
import { useStudio } from '../studio';
import { NumberField } from './NumberField';
import { strategyFieldInfo } from './strategy-info';

/** Props: the strategy, the fields to show (in order) and the grouped problems. */
export interface StrategyFieldsProps {
  readonly strategy: StrategySpec;
  readonly fields: readonly StrategyNumberField[];
  readonly problems: FormProblems;
}

/** A NumberField for each of `fields` the strategy has. */
export function StrategyFields({ strategy, fields, problems }: StrategyFieldsProps) {
  const setNumber = useStudio((s) => s.setStrategyNumber);
  return (
    <>
      {fields.map((field) => {
        const value = strategyNumber(strategy, field);
        if (value === undefined) return null;
        const name = strategyFieldName(field);
        return (
          <NumberField
            key={field}
            name={name}
            path={`strategy.${field}`}
            info={strategyFieldInfo(strategy.kind, field)}
            value={value}
            problems={problems.byField.get(name)}
            onCommit={(v) => setNumber(field, v)}
          />
        );
      })}
    </>
  );
}
