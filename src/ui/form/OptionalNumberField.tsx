/** A labelled numeric input where empty means "none": keeps what the user typed and shows its problems. */
import { useId, type ReactNode } from 'react';
import { draftAt, parseOptionalFieldText } from '../../core/experiment/drafts';
import type { Problem } from '../../core/problems';
import { useStudio } from '../studio';
import { FieldError } from './FieldError';
import type { FieldInfo } from './fields';

/** Props: the form field `name` (error test id), its spec path, the input's test id, the value (null: none), problems, a commit callback and an optional note. */
export interface OptionalNumberFieldProps {
  readonly name: string;
  /** The spec path the typed text is kept under ('strategy.constraints.maxParams'). */
  readonly path: string;
  readonly testId: string;
  readonly info: FieldInfo;
  readonly value: number | null;
  readonly problems: readonly Problem[] | undefined;
  /** Receives null for blank text, else the parsed number (NaN when it is not a number). */
  readonly onCommit: (value: number | null) => void;
  /** Shown under the help line (e.g. the range of the space). */
  readonly note?: ReactNode;
}

/** One optional numeric field with its note and error text underneath. */
export function OptionalNumberField(props: OptionalNumberFieldProps) {
  const { name, path, testId, info, value, problems, onCommit, note } = props;
  const id = useId();
  // The typed text, shown only while the spec still holds the value it was typed as.
  const draft = useStudio((s) => draftAt(s.spec, s.drafts, path));
  const setDraft = useStudio((s) => s.setDraft);
  const shown = draft ?? (value === null || Number.isNaN(value) ? '' : String(value));
  const messages = problems?.map((p) => p.message) ?? [];
  if (draft !== null && value !== null && Number.isNaN(value) && messages.length === 0)
    messages.push(`“${draft}” is not a number.`);
  const invalid = messages.length > 0;
  return (
    <div className={invalid ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{info.label}</label>
      <input
        id={id}
        type="text"
        inputMode={info.integer ? 'numeric' : 'decimal'}
        spellCheck={false}
        autoComplete="off"
        placeholder="no bound"
        value={shown}
        data-testid={testId}
        aria-invalid={invalid}
        aria-describedby={`${id}-help${invalid ? ` ${id}-error` : ''}`}
        onChange={(e) => {
          onCommit(parseOptionalFieldText(e.target.value));
          setDraft(path, e.target.value);
        }}
      />
      <span id={`${id}-help`} className="field-help">
        {info.help}
        {note ? <span className="field-note"> {note}</span> : null}
      </span>
      <FieldError id={id} name={name} messages={messages} />
    </div>
  );
}
