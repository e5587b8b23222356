/** A whole-number field of the composer: keeps what was typed and shows why a value is refused or invalid. */
import { useId, useState } from 'react';
import { parseFieldText } from '../../core/experiment/drafts';

/** Props: test id stem, label, the stored value, validation messages, and a commit that returns a refusal or null. */
export interface ComposerNumberProps {
  readonly name: string;
  readonly label: string;
  readonly help?: string;
  readonly value: number;
  readonly problems: readonly string[];
  readonly onCommit: (value: number) => string | null;
}

/** One numeric composer field with its message underneath. */
export function ComposerNumber({
  name,
  label,
  help,
  value,
  problems,
  onCommit,
}: ComposerNumberProps) {
  const id = useId();
  const [typed, setTyped] = useState<{ text: string; refusal: string | null; base: number } | null>(
    null,
  );
  // A draft lives while the stored value is the one it left (undo, a preset or another edit replace it).
  const draft = typed !== null && Object.is(typed.base, value) ? typed : null;
  const shown = draft?.text ?? String(value);
  const messages = [...(draft?.refusal ? [draft.refusal] : []), ...problems];
  const invalid = messages.length > 0;
  return (
    <div className={invalid ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        data-testid={`macro-${name}`}
        aria-invalid={invalid}
        value={shown}
        onChange={(e) => {
          const text = e.target.value;
          const parsed = parseFieldText(text);
          const refusal = Number.isNaN(parsed) ? `“${text}” is not a number.` : onCommit(parsed);
          setTyped({ text, refusal, base: refusal === null ? parsed : value });
        }}
        onBlur={() => setTyped(null)}
      />
      {help ? <span className="field-help">{help}</span> : null}
      {invalid ? (
        <span className="field-error" data-testid={`macro-error-${name}`} role="alert">
          {messages.join(' ')}
        </span>
      ) : null}
    </div>
  );
}
