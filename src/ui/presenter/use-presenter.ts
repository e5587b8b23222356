/** Presenter mode's state and its keys (P, arrows, PageUp / PageDown, Escape), ignored while typing in a field. */
import { useCallback, useEffect, useState } from 'react';
import { firstSlideOf, moveSlide, presenterKey, SLIDES, type View } from './slides';

/** True when the key event comes from a place where text is typed. */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Presenter mode as the page uses it. */
export interface Presenter {
  /** The slide shown, or null when presenter mode is off. */
  readonly slide: number | null;
  toggle(): void;
  leave(): void;
  move(by: number): void;
}

/** Presenter mode over the tab `view` (set with `setView` as slides move across tabs). */
export function usePresenter(view: View, setView: (v: View) => void): Presenter {
  const [slide, setSlide] = useState<number | null>(null);
  const go = useCallback(
    (index: number | null) => {
      setSlide(index);
      const tab = index === null ? undefined : SLIDES[index]?.tab;
      if (tab !== undefined) setView(tab);
    },
    [setView],
  );
  const toggle = useCallback(
    () => go(slide === null ? firstSlideOf(view) : null),
    [go, slide, view],
  );
  const leave = useCallback(() => go(null), [go]);
  const move = useCallback(
    (by: number) => {
      if (slide !== null) go(moveSlide(slide, by));
    },
    [go, slide],
  );
  useEffect(() => {
    const listener = (e: KeyboardEvent): void => {
      if (e.defaultPrevented || typing(e.target)) return;
      const action = presenterKey(e, slide !== null);
      if (action === null) return;
      e.preventDefault();
      if (action === 'toggle') toggle();
      else if (action === 'leave') leave();
      else move(action === 'next' ? 1 : -1);
    };
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, [slide, toggle, leave, move]);
  useEffect(() => {
    document.documentElement.classList.toggle('presenting', slide !== null);
  }, [slide]);
  return { slide, toggle, leave, move };
}
