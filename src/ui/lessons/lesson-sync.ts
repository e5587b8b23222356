/**
 * Keeps lessons and the address in step: a lesson address (`#lesson=<id>&step=<k>`) found at
 * start-up or followed later opens that lesson at that step; moving between steps rewrites it; closing
 * the lesson (or dismissing why a lesson address could not be opened) puts the experiment's link
 * back. Checkpoints are latched as the run, view, composer or search view change.
 */
import { readLessonHash, lessonHash } from '../../core/lessons';
import { openLesson, latchReached } from '../../store/lesson-actions';
import { currentLink } from '../../store/link-actions';
import type { AddressWindow } from '../share/address-sync';
import { linkStore } from '../share/links';
import { studioStore } from '../studio';
import { viewStore } from '../view-store';
import { lessonDeps, lessonStore, LESSONS, pageContext } from './lessons';

/** Starts the sync; returns a function that stops it. */
export function startLessonSync(win: AddressWindow): () => void {
  const open = () => {
    const at = readLessonHash(win.location.hash);
    if (at !== null) openLesson(lessonDeps, LESSONS, at.id, at.step);
  };
  open();
  const latch = () =>
    latchReached(
      lessonStore,
      pageContext(studioStore.getState(), lessonStore.getState(), viewStore.getState().view),
    );
  const stopStudio = studioStore.subscribe((s, prev) => {
    if (s.run !== prev.run || s.spec !== prev.spec || s.search !== prev.search) latch();
  });
  const stopView = viewStore.subscribe(latch);
  const stopLesson = lessonStore.subscribe((s, prev) => {
    if (s.lesson !== null && (s.lesson !== prev.lesson || s.step !== prev.step)) {
      const hash = lessonHash(s.lesson.id, s.step + 1);
      if (hash !== win.location.hash) win.history.replaceState(win.history.state, '', hash);
      latch();
    } else if (
      s.lesson === null &&
      s.problem === null &&
      (prev.lesson !== null || prev.problem !== null)
    ) {
      // Closed (or its problem dismissed): the address follows the experiment again.
      const hash = currentLink(studioStore.getState(), linkStore.getState());
      win.history.replaceState(win.history.state, '', hash);
    }
  });
  win.addEventListener('hashchange', open);
  return () => {
    stopStudio();
    stopView();
    stopLesson();
    win.removeEventListener('hashchange', open);
  };
}
