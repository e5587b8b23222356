/** A labelled numeric input that keeps what the user typed (in the store, so links and reloads keep it too) and shows the problems of its field. */
import { useId } from 'react';
import { draftAt, parseFieldText } from '../../core/experiment/drafts';
import type { Problem } from '../../core/problems';
import { useStudio } from '../studio';
import { FieldError } from './FieldError';
import type { FieldInfo } from './fields';

/** Props: the form field `name` (test ids derive from it), its spec path, value, problems and a commit callback. */
export interface NumberFieldProps {
  readonly name: string;
  /** The spec path the typed text is kept under ('strategy.epochs', 'dataset.noise', 'seed'). */
  readonly path: string;
  readonly info: FieldInfo;
  readonly value: number;
  readonly problems: readonly Problem[] | undefined;
  /** Receives the parsed number, or NaN when the text is not a number. */
  readonly onCommit: (value: number) => void;
}

/** One numeric field with its error text underneath. */
export function NumberField({ name, path, info, value, problems, onCommit }: NumberFieldProps) {
  const id = useId();
  // The typed text, shown only while the spec still holds the number it was typed as (a preset
  // or dataset reset replaces the value, and with it the draft).
  const draft = useStudio((s) => draftAt(s.spec, s.drafts, path));
  const setDraft = useStudio((s) => s.setDraft);
  const shown = draft ?? (Number.isNaN(value) ? '' : String(value));
  const unreadable = draft !== null && Number.isNaN(value);
  const messages = problems?.map((p) => p.message) ?? [];
  if (unreadable && messages.length === 0) messages.push(`“${draft}” is not a number.`);
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
        value={shown}
        data-testid={`field-${name}`}
        aria-invalid={invalid}
        aria-describedby={`${id}-help${invalid ? ` ${id}-error` : ''}`}
        onChange={(e) => {
          onCommit(parseFieldText(e.target.value));
          setDraft(path, e.target.value);
        }}
      />
      <span id={`${id}-help`} className="field-help">
        {info.help}
      </span>
      <FieldError id={id} name={name} messages={messages} />
    </div>
  );
}
