/** A labelled numeric input that keeps what the user typed and shows the problems of its field. */
import { useId, useState } from 'react';
import { FieldError } from './FieldError';
import type { Problem } from '../../core/problems';
import type { FieldInfo } from './fields';

/** Props: the spec field `name` (test ids derive from it), its value, problems and a commit callback. */
export interface NumberFieldProps {
  readonly name: string;
  readonly info: FieldInfo;
  readonly value: number;
  readonly problems: readonly Problem[] | undefined;
  /** Receives the parsed number, or NaN when the text is not a number. */
  readonly onCommit: (value: number) => void;
}

/** Parses a typed number; blank or malformed text gives NaN. */
export function parseNumber(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text.trim());
}

/** One numeric field with its error text underneath. */
export function NumberField({ name, info, value, problems, onCommit }: NumberFieldProps) {
  const id = useId();
  // The typed text, kept only while the spec still holds the number it was typed as (a preset
  // or dataset reset replaces the value, and with it the draft).
  const [typed, setTyped] = useState<{ text: string; value: number } | null>(null);
  const draft = typed !== null && Object.is(typed.value, value) ? typed.text : null;
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
          const parsed = parseNumber(e.target.value);
          setTyped({ text: e.target.value, value: parsed });
          onCommit(parsed);
        }}
      />
      <span id={`${id}-help`} className="field-help">
        {info.help}
      </span>
      <FieldError id={id} name={name} messages={messages} />
    </div>
  );
}
