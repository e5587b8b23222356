/** The lesson being followed: which lesson and step, the run a checkpoint may count, and which checkpoints were reached. */
import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  checkpointReached,
  standaloneCount,
  type Lesson,
  type LessonContext,
  type LessonView,
} from '../core/lessons';
import { initialRunState, type RunState } from '../core/run/state';
import { runContext, standaloneKey } from './search-context';
import type { SearchViewState } from './search-state';

/** What the lesson panel shows. */
export interface LessonState {
  /** The open lesson, or null. */
  readonly lesson: Lesson | null;
  /** The step shown, counting from 0. */
  readonly step: number;
  /** Runs with this id or older started before the lesson's experiment was loaded: checkpoints ignore them. */
  readonly baselineRunId: number;
  /** Per step: its checkpoint was reached (once reached it stays so). */
  readonly reached: readonly boolean[];
  /** Why a lesson address could not be opened (null: none). */
  readonly problem: string | null;
}

/** A new lesson store with no lesson open. */
export function createLessonStore(): StoreApi<LessonState> {
  return createStore<LessonState>()(() => ({
    lesson: null,
    step: 0,
    baselineRunId: 0,
    reached: [],
    problem: null,
  }));
}

/** The page a checkpoint looks at: the run, the open view, the composer's space size and the search view. */
export interface LessonPage {
  readonly run: RunState;
  readonly view: LessonView;
  readonly spaceSize: bigint | null;
  readonly search: Pick<SearchViewState, 'standalone' | 'costAxis'>;
}

/** Keys of `run`'s subnets whose stand-alone training (started from the search view) has finished. */
function trainedKeys(run: RunState, search: LessonPage['search']): Set<string> {
  if (run.spec === null) return new Set();
  const context = runContext(run.spec);
  return new Set(
    run.subnets
      .filter((r) => search.standalone[standaloneKey(context, r.key)]?.state === 'done')
      .map((r) => r.key),
  );
}

/** The context a checkpoint is judged in: runs started before the lesson loaded its experiment count as no run. */
export function lessonContext(
  lesson: Pick<LessonState, 'baselineRunId'>,
  page: LessonPage,
): LessonContext {
  const run = page.run.runId > lesson.baselineRunId ? page.run : initialRunState();
  return {
    run,
    view: page.view,
    spaceSize: page.spaceSize,
    standaloneTrained: standaloneCount(run, trainedKeys(run, page.search)),
    costAxis: page.search.costAxis,
  };
}

/** True when the shown step may be left by Next: it has no checkpoint, or its checkpoint was or is reached. */
export function stepOpen(state: LessonState, ctx: LessonContext): boolean {
  const step = state.lesson?.steps[state.step];
  if (step === undefined) return false;
  if (step.checkpoint === undefined || state.reached[state.step] === true) return true;
  return checkpointReached(step.checkpoint, ctx);
}
