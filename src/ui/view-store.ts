/** Which view (tab) the page shows: kept in a store so lessons can open a view and wait for one. */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { LessonView } from '../core/lessons';

/** The page's views. */
export type View = LessonView;

/** The open view and how to change it. */
export interface ViewState {
  readonly view: View;
  setView(view: View): void;
}

/** The view store for this page. */
export const viewStore = createStore<ViewState>()((set) => ({
  view: 'space',
  setView: (view) => set({ view }),
}));

/** Reads the open view; re-renders when it changes. */
export function useView(): View {
  return useStore(viewStore, (s) => s.view);
}
