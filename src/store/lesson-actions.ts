/** Following a lesson: open one at a step, move between steps (loading a step's experiment), close it, and latch reached checkpoints. */
import type { StoreApi } from 'zustand/vanilla';
import { checkpointReached, lessonSpec, type Lesson, type LessonContext } from '../core/lessons';
import type { LessonView } from '../core/lessons';
import { loadPayload } from './link-actions';
import type { LinkState } from './link-store';
import type { LessonState } from './lesson-store';
import { isActive } from './run-slice';
import type { StudioState } from './studio-state';

/** The stores a lesson drives, and how it opens a view. */
export interface LessonDeps {
  readonly lessons: StoreApi<LessonState>;
  readonly studio: StoreApi<StudioState>;
  readonly link: StoreApi<LinkState>;
  readonly setView: (view: LessonView) => void;
}

/** Loads the experiment of step `k` of `lesson` (stopping a run in progress); true when it had one. */
function loadStepExperiment(deps: LessonDeps, lesson: Lesson, k: number): boolean {
  const e = lesson.steps[k]?.experiment;
  if (e === undefined) return false;
  const built = lessonSpec(e);
  if (!built.ok) return false;
  if (isActive(deps.studio.getState().run)) deps.studio.getState().stopRun();
  loadPayload(deps.studio, deps.link, { spec: built.spec }, []);
  deps.lessons.setState({ baselineRunId: deps.studio.getState().run.runId });
  return true;
}

/** Opens the step's view, if it names one. */
function showStep(deps: LessonDeps, lesson: Lesson, k: number): void {
  const view = lesson.steps[k]?.view;
  if (view !== undefined) deps.setView(view);
}

/** Opens lesson `id` at step `step` (from 1; past the end: the last step) with the experiment its steps up to there load; an unknown id is reported. */
export function openLesson(
  deps: LessonDeps,
  all: readonly Lesson[],
  id: string,
  step: number,
): void {
  const lesson = all.find((l) => l.id === id);
  if (lesson === undefined) {
    deps.lessons.setState({
      lesson: null,
      problem: `There is no lesson called "${id}"; the lessons there are are listed under Learn.`,
    });
    return;
  }
  const k = Math.min(Math.max(0, step - 1), lesson.steps.length - 1);
  deps.lessons.setState({ lesson, step: k, reached: [], problem: null });
  for (let j = k; j >= 0; j--) if (loadStepExperiment(deps, lesson, j)) break;
  showStep(deps, lesson, k);
}

/** Shows step `k` (from 0) of the open lesson; moving forward onto a step with an experiment loads it. */
export function goToStep(deps: LessonDeps, k: number): void {
  const { lesson, step } = deps.lessons.getState();
  if (lesson === null || k < 0 || k >= lesson.steps.length || k === step) return;
  deps.lessons.setState({ step: k });
  if (k > step) loadStepExperiment(deps, lesson, k);
  showStep(deps, lesson, k);
}

/** Closes the lesson (the experiment on screen stays). */
export function closeLesson(lessons: StoreApi<LessonState>): void {
  lessons.setState({ lesson: null, step: 0, reached: [], problem: null });
}

/** Marks the shown step's checkpoint reached when it is, so it stays reached. */
export function latchReached(lessons: StoreApi<LessonState>, ctx: LessonContext): void {
  const s = lessons.getState();
  const c = s.lesson?.steps[s.step]?.checkpoint;
  if (c === undefined || s.reached[s.step] === true || !checkpointReached(c, ctx)) return;
  const reached = [...s.reached];
  reached[s.step] = true;
  lessons.setState({ reached });
}
