/** Above the Run and Subnets views while a saved run is replayed: which run, read-only, and the way back to the live run. */
import { studioStore, useStudio } from '../studio';

/** The bar, or nothing when the live run is shown. */
export function ReplayBar() {
  const replay = useStudio((s) => s.history.replay);
  if (replay === null) return null;
  return (
    <div className="replay-bar" role="status" data-testid="replay-bar">
      <span>
        Viewing the saved run <strong data-testid="replay-name">{replay.name}</strong> (started{' '}
        {new Date(replay.createdAt).toLocaleString()}) · read-only
      </span>
      <button
        type="button"
        data-testid="replay-close"
        onClick={() => studioStore.getState().closeReplay()}
      >
        Back to the live run
      </button>
    </div>
  );
}
