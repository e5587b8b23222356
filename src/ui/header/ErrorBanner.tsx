/** A dismissible banner for failures outside the search loop (a dead worker, a backend that cannot start). */
import { studioStore, useStudio } from '../studio';

/** Shows the run's error, if any. */
export function ErrorBanner() {
  const error = useStudio((s) => s.run.error);
  if (error === null) return null;
  return (
    <div className="error-banner" role="alert" data-testid="error-banner">
      <span>{error}</span>
      <button type="button" className="link" onClick={() => studioStore.getState().dismissError()}>
        Dismiss
      </button>
    </div>
  );
}
