/** A labelled select with a line of help and the problems of its field. */
import { useId } from 'react';
import { FieldError } from './FieldError';
import type { Problem } from '../../core/problems';

/** Props: the form field `name` (error test id), the select's test id, options as [value, label] pairs. */
export interface ChoiceFieldProps<T extends string> {
  readonly name: string;
  readonly testId: string;
  readonly label: string;
  readonly value: T;
  readonly options: readonly (readonly [T, string])[];
  readonly help: string;
  readonly problems: readonly Problem[] | undefined;
  readonly onChange: (value: T) => void;
}

/** One select field with its error text underneath. */
export function ChoiceField<T extends string>(props: ChoiceFieldProps<T>) {
  const { name, testId, label, value, options, help, problems, onChange } = props;
  const id = useId();
  const invalid = problems !== undefined && problems.length > 0;
  return (
    <div className={invalid ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        data-testid={testId}
        value={value}
        aria-invalid={invalid}
        aria-describedby={`${id}-help${invalid ? ` ${id}-error` : ''}`}
        onChange={(e) => {
          const chosen = options.find(([v]) => v === e.target.value);
          if (chosen) onChange(chosen[0]);
        }}
      >
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
      <span id={`${id}-help`} className="field-help">
        {help}
      </span>
      <FieldError id={id} name={name} messages={problems?.map((p) => p.message) ?? []} />
    </div>
  );
}
