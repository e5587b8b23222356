/** Applies an opened lesson link: opens its view and, when it says so, starts the run. */
import { linkStore } from '../share/links';
import { studioStore } from '../studio';
import { viewStore } from '../view-store';

/** Starts following lesson links (the one opened at start-up included); returns a function that stops it. */
export function startTeacherSync(): () => void {
  const apply = () => {
    const t = linkStore.getState().teaching;
    if (t === null) return;
    viewStore
      .getState()
      .setView(t.hidden.includes('composer') && t.view === 'space' ? 'run' : t.view);
    if (t.runOnOpen) setTimeout(() => void studioStore.getState().startRun(), 0);
  };
  apply();
  return linkStore.subscribe((s, prev) => {
    if (s.teaching !== prev.teaching) apply();
  });
}
