/** The app's one studio store and the React hook that reads it. */
import { useStore } from 'zustand';
import { createStudioStore } from '../store/studio-store';
import type { StudioState } from '../store/studio-state';

/** The studio store for this page (its engine worker starts on first use). */
export const studioStore = createStudioStore();

/** Reads a slice of the studio state; re-renders when the selected value changes. */
export function useStudio<T>(selector: (state: StudioState) => T): T {
  return useStore(studioStore, selector);
}
