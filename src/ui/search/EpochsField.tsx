/** The epochs of the next stand-alone training: a small number field that keeps what the user typed, and says when it is below the suggested budget. */
import { useId, useState } from 'react';
import { shortEpochsNote } from '../../core/trust/standalone-epochs';
import { epochsProblem } from '../../store/search-selectors';

/** Parses typed epochs; blank or malformed text gives NaN (the store keeps it and refuses to train). */
function parseEpochs(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text.trim());
}

/** Props: the stored epochs, where a typed value goes, and the suggested budget (null: none known). */
export interface EpochsFieldProps {
  readonly value: number;
  readonly onCommit: (epochs: number) => void;
  readonly suggested?: number | null;
}

/** A labelled text field for whole epochs, marked invalid while the value cannot be used. */
export function EpochsField({ value, onCommit, suggested = null }: EpochsFieldProps) {
  const id = useId();
  // The typed text, kept while the store still holds the number it was typed as.
  const [typed, setTyped] = useState<{ text: string; value: number } | null>(null);
  const draft = typed !== null && Object.is(typed.value, value) ? typed.text : null;
  const shown = draft ?? (Number.isNaN(value) ? '' : String(value));
  const invalid = epochsProblem(value) !== null;
  const short = shortEpochsNote(value, suggested);
  return (
    <span className={invalid ? 'epochs-field field-invalid' : 'epochs-field'}>
      <label htmlFor={id}>Epochs</label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        size={4}
        spellCheck={false}
        autoComplete="off"
        data-testid="standalone-epochs"
        value={shown}
        aria-invalid={invalid}
        onChange={(e) => {
          const parsed = parseEpochs(e.target.value);
          setTyped({ text: e.target.value, value: parsed });
          onCommit(parsed);
        }}
      />
      {short !== null ? (
        <span className="epochs-short" role="note" data-testid="epochs-short">
          {short}
        </span>
      ) : null}
    </span>
  );
}
