import { describe, expect, it } from 'vitest';
import type { LessonView } from '../core/lessons';
import { BUILT_IN_LESSONS } from '../lessons';
import { closeLesson, goToStep, latchReached, openLesson, type LessonDeps } from './lesson-actions';
import { createLessonStore, lessonContext, stepOpen } from './lesson-store';
import { createLinkStore } from './link-store';
import { scriptedStore } from './scripted-client.testkit';

function setup() {
  const views: LessonView[] = [];
  const deps: LessonDeps = {
    lessons: createLessonStore(),
    studio: scriptedStore().store,
    link: createLinkStore(),
    setView: (v) => views.push(v),
  };
  return { deps, views };
}

describe('lesson actions', () => {
  it('open a lesson at step k with the experiment its steps up to k load, and its view', () => {
    const { deps, views } = setup();
    openLesson(deps, BUILT_IN_LESSONS, 'skip-collapse', 3);
    const s = deps.lessons.getState();
    expect(s.lesson?.id).toBe('skip-collapse');
    expect(s.step).toBe(2);
    expect(deps.studio.getState().spec.name).toBe('Lesson: skip collapse (XOR)');
    expect(views).toEqual(['run']);
  });

  it('moving forward onto a step with an experiment replaces the experiment; back keeps it', () => {
    const { deps } = setup();
    openLesson(deps, BUILT_IN_LESSONS, 'skip-collapse', 3);
    goToStep(deps, 3);
    const spec = deps.studio.getState().spec;
    expect(spec.strategy.kind === 'darts' && spec.strategy.earlyStop).toBe('darts+');
    goToStep(deps, 2);
    expect(deps.studio.getState().spec).toBe(spec);
    expect(deps.lessons.getState().step).toBe(2);
  });

  it('a step past the end opens the last step; an unknown lesson is reported', () => {
    const { deps } = setup();
    openLesson(deps, BUILT_IN_LESSONS, 'space-size', 99);
    const s = deps.lessons.getState();
    expect(s.step).toBe((s.lesson?.steps.length ?? 0) - 1);
    openLesson(deps, BUILT_IN_LESSONS, 'no-such-lesson', 1);
    expect(deps.lessons.getState().lesson).toBeNull();
    expect(deps.lessons.getState().problem).toContain('no-such-lesson');
    closeLesson(deps.lessons);
    expect(deps.lessons.getState().problem).toBeNull();
  });

  it('Next waits for the checkpoint, which stays reached once latched', () => {
    const { deps } = setup();
    openLesson(deps, BUILT_IN_LESSONS, 'space-size', 1);
    const run = deps.studio.getState().run;
    const at = (view: LessonView) => lessonContext(deps.lessons.getState(), run, view, 15625n);
    expect(stepOpen(deps.lessons.getState(), at('run'))).toBe(false);
    latchReached(deps.lessons, at('space'));
    expect(stepOpen(deps.lessons.getState(), at('run'))).toBe(true);
  });

  it('runs started before the lesson loaded its experiment do not count', () => {
    const { deps } = setup();
    const finished = { ...deps.studio.getState().run, runId: 4, status: 'finished' as const };
    deps.lessons.setState({ baselineRunId: 4 });
    expect(lessonContext(deps.lessons.getState(), finished, 'run', null).run.runId).toBe(0);
    deps.lessons.setState({ baselineRunId: 3 });
    expect(lessonContext(deps.lessons.getState(), finished, 'run', null).run.runId).toBe(4);
  });
});
