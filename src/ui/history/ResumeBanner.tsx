/** After a reload: a run was left running with a checkpoint; offer to carry it on (on the Run view) or to give it up. */
import { studioStore, useStudio } from '../studio';
import { viewStore } from '../view-store';

/** The banner, or nothing when no run is waiting. */
export function ResumeBanner() {
  const run = useStudio((s) => s.history.interrupted);
  const busy = useStudio((s) => s.history.busy);
  if (run === null) return null;
  const { resumeInterrupted, discardInterrupted } = studioStore.getState();
  const total = run.totalSteps > 0 ? ` of ${run.totalSteps}` : '';
  return (
    <div className="resume-banner" role="alert" data-testid="resume-banner">
      <span>
        The run <strong>{run.name}</strong> was interrupted when the page closed, at step {run.step}
        {total}. Its last checkpoint is at step {run.checkpointStep ?? 0}: resuming carries it on
        from there exactly as it would have gone.
      </span>
      <button
        type="button"
        data-testid="resume-run"
        disabled={busy !== null}
        onClick={() => {
          // The resumed run's charts are what to watch: show them, whatever tab was open.
          viewStore.getState().setView('run');
          void resumeInterrupted();
        }}
      >
        Resume
      </button>
      <button
        type="button"
        data-testid="discard-run"
        disabled={busy !== null}
        onClick={() => void discardInterrupted()}
      >
        Keep it stopped
      </button>
    </div>
  );
}
