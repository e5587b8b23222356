/** Trust warnings as notes beside the numbers they qualify: one look everywhere, what is wrong and then what to do. */
import { warningTitle, type TrustWarning } from '../../core/trust/warning';
import './trust.css';

/** One warning: a marked note with the problem in plain words and the advice after it. */
export function TrustNote({ warning }: { readonly warning: TrustWarning }) {
  return (
    <p className="trust-note" role="note" data-testid="trust-warning" data-kind={warning.kind}>
      <span className="trust-note-mark" aria-hidden="true">
        !
      </span>
      <span className="trust-note-text">
        <strong>{warningTitle(warning)}. </strong>
        {warning.problem} <span className="trust-note-action">What to do: {warning.action}</span>
      </span>
    </p>
  );
}

/** The warnings in order, or nothing when there are none. */
export function TrustNotes({
  warnings,
  testId,
}: {
  readonly warnings: readonly TrustWarning[];
  readonly testId?: string;
}) {
  if (warnings.length === 0) return null;
  return (
    <div className="trust-notes" data-testid={testId}>
      {warnings.map((w) => (
        <TrustNote key={w.kind} warning={w} />
      ))}
    </div>
  );
}
