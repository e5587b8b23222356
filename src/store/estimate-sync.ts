/**
 * Keeps the expected run time following the experiment: every edit of the spec or the backend
 * marks it stale at once and asks for a fresh estimate once edits have settled; a run or a
 * stand-alone training that starts stops an estimate in progress, and one that ends asks again.
 */
import type { StoreApi } from 'zustand/vanilla';
import { isActive } from '../core/run/fold';
import type { StudioState } from './studio-state';

/** How long edits settle before the run time is estimated again (ms). */
export const ESTIMATE_DEBOUNCE_MS = 400;

/** Starts the sync (and asks for the first estimate once `delayMs` has passed); returns a function that stops it. */
export function startEstimateSync(
  studio: StoreApi<StudioState>,
  delayMs: number = ESTIMATE_DEBOUNCE_MS,
): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const schedule = (): void => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void studio.getState().estimateRun();
    }, delayMs);
  };
  const stop = studio.subscribe((s, prev) => {
    const held = isActive(s.run) || s.standaloneBusy;
    const wasHeld = isActive(prev.run) || prev.standaloneBusy;
    if (held && !wasHeld) s.cancelEstimate();
    const edited = s.spec !== prev.spec || s.backendChoice !== prev.backendChoice;
    if (edited) s.markEstimateStale();
    if (edited || (wasHeld && !held)) schedule();
  });
  schedule();
  return () => {
    if (timer !== null) clearTimeout(timer);
    stop();
  };
}
