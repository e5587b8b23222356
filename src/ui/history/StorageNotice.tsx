/** A storage problem (full quota, no IndexedDB in private mode): runs are then kept in memory only. */
import { studioStore, useStudio } from '../studio';

/** The notice, or nothing while saving works. */
export function StorageNotice() {
  const problem = useStudio((s) => s.history.problem);
  if (problem === null) return null;
  return (
    <div className="storage-notice" role="alert" data-testid="storage-notice">
      <span>{problem}</span>
      <button type="button" onClick={() => studioStore.getState().dismissStorageProblem()}>
        Dismiss
      </button>
    </div>
  );
}
