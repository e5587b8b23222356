/** A dismissable notice listing what was repaired in the link that was opened. */
import { linkStore, useLink } from './links';

/** Shows the repairs of the last opened link, if any. */
export function LinkNotice() {
  const repairs = useLink((s) => s.repairs);
  return <RepairList repairs={repairs} onDismiss={() => linkStore.getState().dismissRepairs()} />;
}

/** The notice for `repairs` (nothing when there are none). */
export function RepairList({
  repairs,
  onDismiss,
}: {
  repairs: readonly string[];
  onDismiss: () => void;
}) {
  if (repairs.length === 0) return null;
  return (
    <div className="card link-notice" role="status" data-testid="link-notice">
      <strong>The link was opened with these changes:</strong>
      <ul>
        {repairs.map((r, i) => (
          <li key={i}>{r}</li>
        ))}
      </ul>
      <button type="button" className="link" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
