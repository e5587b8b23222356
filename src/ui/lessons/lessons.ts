/** The page's lesson store, the stores lessons drive, and the hooks that read them. */
import { useStore } from 'zustand';
import type { LessonContext } from '../../core/lessons';
import { spaceSize } from '../../core/search-space/size';
import type { LessonDeps } from '../../store/lesson-actions';
import { createLessonStore, lessonContext, type LessonState } from '../../store/lesson-store';
import type { StudioState } from '../../store/studio-state';
import { BUILT_IN_LESSONS } from '../../lessons';
import { linkStore } from '../share/links';
import { studioStore } from '../studio';
import { viewStore, type View } from '../view-store';

/** The lesson store for this page. */
export const lessonStore = createLessonStore();

/** The page's stores, as lesson actions take them. */
export const lessonDeps: LessonDeps = {
  lessons: lessonStore,
  studio: studioStore,
  link: linkStore,
  setView: (view) => viewStore.getState().setView(view),
};

/** The built-in lessons the Learn list offers. */
export const LESSONS = BUILT_IN_LESSONS;

/** Reads a slice of the lesson state; re-renders when the selected value changes. */
export function useLesson<T>(selector: (state: LessonState) => T): T {
  return useStore(lessonStore, selector);
}

/** The composer's space size, or null when it cannot be counted. */
function currentSpaceSize(studio: StudioState): bigint | null {
  try {
    return spaceSize(studio.spec.space);
  } catch {
    return null;
  }
}

/** The checkpoint context of the page right now. */
export function pageContext(studio: StudioState, lesson: LessonState, view: View): LessonContext {
  return lessonContext(lesson, {
    run: studio.run,
    view,
    spaceSize: currentSpaceSize(studio),
    search: studio.search,
  });
}
