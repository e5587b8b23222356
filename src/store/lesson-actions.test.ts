import { describe, expect, it } from 'vitest';
import type { LessonView } from '../core/lessons';
import { BUILT_IN_LESSONS } from '../lessons';
import { closeLesson, goToStep, latchReached, openLesson, type LessonDeps } from './lesson-actions';
import { createLessonStore, lessonContext, stepOpen, type LessonPage } from './lesson-store';
import { createLinkStore } from './link-store';
import { runContext, standaloneKey } from './search-context';
import type { StandaloneEntry } from './search-state';
import type { SubnetRecord } from '../core/run/protocol';
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
    const at = (view: LessonView) =>
      lessonContext(deps.lessons.getState(), {
        run,
        view,
        spaceSize: 15625n,
        search: deps.studio.getState().search,
      });
    expect(stepOpen(deps.lessons.getState(), at('run'))).toBe(false);
    latchReached(deps.lessons, at('space'));
    expect(stepOpen(deps.lessons.getState(), at('run'))).toBe(true);
  });

  it('runs started before the lesson loaded its experiment do not count', () => {
    const { deps } = setup();
    const finished = { ...deps.studio.getState().run, runId: 4, status: 'finished' as const };
    deps.lessons.setState({ baselineRunId: 4 });
    const page = {
      run: finished,
      view: 'run' as const,
      spaceSize: null,
      search: deps.studio.getState().search,
    };
    expect(lessonContext(deps.lessons.getState(), page).run.runId).toBe(0);
    deps.lessons.setState({ baselineRunId: 3 });
    expect(lessonContext(deps.lessons.getState(), page).run.runId).toBe(4);
  });

  it('counts stand-alone trainings of the watched run that finished, and reads the cost axis', () => {
    const { deps } = setup();
    const studio = deps.studio.getState();
    const record = (key: string): SubnetRecord => ({
      key,
      genotype: { normal: { edges: [], concat: [] }, reduce: null },
      accuracy: 0.5,
      evaluation: 'inherited',
      params: 10,
      flops: 20,
      latencyMs: null,
      generation: 0,
      origin: 'random',
    });
    const run = {
      ...studio.run,
      runId: 2,
      spec: studio.spec,
      subnets: [record('a'), record('b'), record('c')],
    };
    const key = (k: string) => standaloneKey(runContext(studio.spec), k);
    const score: StandaloneEntry = {
      state: 'done',
      epochs: 3,
      score: {
        key: 'a',
        initialValidAcc: 0.5,
        validAcc: 0.9,
        testAcc: 0.9,
        trainLoss: 0.1,
        steps: 30,
        paramCount: 10,
        elapsedMs: 5,
      },
    };
    const search: LessonPage['search'] = {
      costAxis: 'latencyMs',
      standalone: {
        [key('a')]: score,
        [key('b')]: { state: 'training', epochs: 3, step: 1, totalSteps: 9 },
        [standaloneKey('other-context', 'c')]: score,
      },
    };
    const ctx = lessonContext(deps.lessons.getState(), {
      run,
      view: 'search',
      spaceSize: null,
      search,
    });
    expect(ctx.standaloneTrained).toBe(1);
    expect(ctx.costAxis).toBe('latencyMs');
    deps.lessons.setState({ baselineRunId: 2 });
    expect(
      lessonContext(deps.lessons.getState(), { run, view: 'search', spaceSize: null, search })
        .standaloneTrained,
    ).toBe(0);
  });
});
