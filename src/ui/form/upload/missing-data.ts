/** Which uploaded file the page knows to be missing from this browser (Run waits for it). */
import { create } from 'zustand';

/** The content hash of the experiment's uploaded file when this browser lacks it, else null. */
export const useMissingData = create<{
  readonly missing: string | null;
  setMissing(hash: string | null): void;
}>((set) => ({
  missing: null,
  setMissing: (missing) => set({ missing }),
}));
