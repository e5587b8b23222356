/** The open lesson: its step text (plain text), step k of n, Back / Next (PageUp / PageDown), and what Next waits for. */
import { useEffect } from 'react';
import { describeCheckpoint } from '../../core/lessons';
import { closeLesson, goToStep } from '../../store/lesson-actions';
import { stepOpen } from '../../store/lesson-store';
import { useStudio } from '../studio';
import { useView } from '../view-store';
import { lessonDeps, lessonStore, pageContext, useLesson } from './lessons';
import { useLessonTarget } from './use-lesson-target';

/** True when a key press is typing into a field (keyboard navigation leaves it alone). */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target.tagName === 'INPUT' ||
    target.tagName === 'TEXTAREA' ||
    target.tagName === 'SELECT'
  );
}

/** The lesson panel, shown while a lesson is open (or a lesson address could not be opened). */
export function LessonPanel() {
  const lesson = useLesson((s) => s.lesson);
  const k = useLesson((s) => s.step);
  const problem = useLesson((s) => s.problem);
  const reached = useLesson((s) => s.reached);
  const view = useView();
  const open = useStudio((studio) => {
    const state = lessonStore.getState();
    return stepOpen(state, pageContext(studio, state, view));
  });
  const step = lesson?.steps[k];
  const canNext = lesson !== null && k < lesson.steps.length - 1 && (open || reached[k] === true);
  useLessonTarget(step?.target);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (lessonStore.getState().lesson === null || typing(e.target)) return;
      const at = lessonStore.getState().step;
      if (e.key === 'PageDown' && canNext) {
        e.preventDefault();
        goToStep(lessonDeps, at + 1);
      } else if (e.key === 'PageUp') {
        e.preventDefault();
        goToStep(lessonDeps, at - 1);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [canNext]);
  if (lesson === null || step === undefined) {
    if (problem === null) return null;
    return (
      <section className="card lesson-panel" data-testid="lesson-problem" role="alert">
        <p>{problem}</p>
        <button type="button" onClick={() => lessonStore.setState({ problem: null })}>
          Dismiss
        </button>
      </section>
    );
  }
  const last = k === lesson.steps.length - 1;
  const waiting = step.checkpoint !== undefined && !canNext && !last;
  return (
    <section className="card lesson-panel" data-testid="lesson-panel" aria-label="Lesson">
      <div className="lesson-head">
        <h2 data-testid="lesson-title">{lesson.title}</h2>
        <span className="muted" data-testid="lesson-step-count">
          Step {k + 1} of {lesson.steps.length}
        </span>
      </div>
      <p className="lesson-text" data-testid="lesson-text">
        {step.text}
      </p>
      {step.experiment === undefined ? null : (
        <p className="muted" data-testid="lesson-loaded">
          This step loads its own experiment, replacing the one on screen (a run in progress is
          stopped).
        </p>
      )}
      {waiting && step.checkpoint !== undefined ? (
        <p className="lesson-waiting" data-testid="lesson-waiting">
          Waiting for: {describeCheckpoint(step.checkpoint)}.
        </p>
      ) : null}
      <div className="buttons">
        <button
          type="button"
          data-testid="lesson-back"
          disabled={k === 0}
          onClick={() => goToStep(lessonDeps, k - 1)}
        >
          Back
        </button>
        {last ? (
          <button type="button" data-testid="lesson-close" onClick={() => closeLesson(lessonStore)}>
            Finish lesson
          </button>
        ) : (
          <button
            type="button"
            className="primary"
            data-testid="lesson-next"
            disabled={!canNext}
            title={
              waiting && step.checkpoint !== undefined
                ? `Waiting for: ${describeCheckpoint(step.checkpoint)}`
                : undefined
            }
            onClick={() => goToStep(lessonDeps, k + 1)}
          >
            Next
          </button>
        )}
        {last ? null : (
          <button type="button" data-testid="lesson-close" onClick={() => closeLesson(lessonStore)}>
            Close
          </button>
        )}
        <span className="muted">PageDown / PageUp: next / back</span>
      </div>
    </section>
  );
}
