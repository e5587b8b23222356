/** A history row's Delete button: a first click asks for confirmation, the second deletes the run for good. */
import { useState } from 'react';
import { studioStore } from '../studio';

/** Props: the saved run's id. */
export interface DeleteControlProps {
  readonly id: string;
}

/** Delete, then "Delete for good" or "Keep". */
export function DeleteControl({ id }: DeleteControlProps) {
  const [confirming, setConfirming] = useState(false);
  if (!confirming)
    return (
      <button type="button" data-testid="history-delete" onClick={() => setConfirming(true)}>
        Delete
      </button>
    );
  return (
    <>
      <button
        type="button"
        className="danger"
        data-testid="history-delete-confirm"
        onClick={() => void studioStore.getState().deleteSavedRun(id)}
      >
        Delete for good
      </button>
      <button type="button" onClick={() => setConfirming(false)}>
        Keep
      </button>
    </>
  );
}
