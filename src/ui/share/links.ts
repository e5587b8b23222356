/** The page's link store (repairs, problems, carried run, "include the result") and the React hook that reads it. */
import { useStore } from 'zustand';
import { createLinkStore, type LinkState } from '../../store/link-store';

/** The link store for this page. */
export const linkStore = createLinkStore();

/** Reads a slice of the link state; re-renders when the selected value changes. */
export function useLink<T>(selector: (state: LinkState) => T): T {
  return useStore(linkStore, selector);
}
