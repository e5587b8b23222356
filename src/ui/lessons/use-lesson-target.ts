/** Outlines the part of the page a lesson step talks about (by data-testid), following it as the page re-renders. */
import { useEffect } from 'react';

/** The class that outlines a lesson target. */
const TARGET_CLASS = 'lesson-target';

/** Outlines every element with data-testid `target` while it is given (re-checked twice a second, as views mount later). */
export function useLessonTarget(target: string | undefined): void {
  useEffect(() => {
    if (target === undefined) return undefined;
    const mark = () => {
      for (const el of document.querySelectorAll(`.${TARGET_CLASS}`))
        if (el.getAttribute('data-testid') !== target) el.classList.remove(TARGET_CLASS);
      for (const el of document.querySelectorAll(`[data-testid="${CSS.escape(target)}"]`))
        el.classList.add(TARGET_CLASS);
    };
    mark();
    const timer = setInterval(mark, 500);
    return () => {
      clearInterval(timer);
      for (const el of document.querySelectorAll(`.${TARGET_CLASS}`))
        el.classList.remove(TARGET_CLASS);
    };
  }, [target]);
}
