import { describe, expect, it } from 'vitest';
import { readLesson } from './read';
import { lessonSpec } from './experiment';

const good = {
  id: 'mixed-op',
  title: 'A mixed op',
  steps: [
    { text: 'Intro.' },
    {
      text: 'Run it.',
      experiment: { preset: 'teaching', dataset: 'xor', seed: 3, strategy: { epochs: 12 } },
      view: 'run',
      target: 'metric-charts',
      checkpoint: { kind: 'epoch-reached', epoch: 5 },
    },
  ],
};

describe('readLesson', () => {
  it('reads a good lesson', () => {
    const r = readLesson(good);
    expect(r.ok).toBe(true);
  });

  it.each([
    [{ ...good, id: 'Bad Id' }, 'id:'],
    [{ ...good, steps: [] }, 'steps:'],
    [{ ...good, title: 42 }, 'title:'],
    [{ ...good, extra: 1 }, 'lesson:'],
    [
      { ...good, steps: [{ text: 'x', checkpoint: { kind: 'alpha-above', op: 'skip_connect' } }] },
      'steps.0.checkpoint.value',
    ],
    [
      { ...good, steps: [{ text: 'x', checkpoint: { kind: 'teleport' } }] },
      'steps.0.checkpoint.kind',
    ],
    [{ ...good, steps: [{ text: 'x', target: '<img>' }] }, 'steps.0.target'],
    [{ ...good, steps: [{ text: 'x', view: 'kitchen' }] }, 'steps.0.view'],
    [{ ...good, steps: [{ text: 'x'.repeat(5000) }] }, 'steps.0.text'],
    [
      { ...good, steps: [{ text: 'x', experiment: { preset: 'nb201', dataset: 'moon' } }] },
      'steps.0.experiment.dataset',
    ],
  ])('refuses a bad lesson with the reason (%#)', (lesson, where) => {
    const r = readLesson(lesson);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.join(' ')).toContain(where);
  });

  it('refuses an experiment that does not validate, naming the step and field', () => {
    const r = readLesson({
      ...good,
      steps: [
        { text: 'x', experiment: { preset: 'teaching', dataset: 'xor', strategy: { epochs: -4 } } },
      ],
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.join(' ')).toMatch(/steps\.0\.experiment strategy\.epochs/);
  });

  it('refuses overrides of settings that do not exist', () => {
    const r = readLesson({
      ...good,
      steps: [
        { text: 'x', experiment: { preset: 'teaching', dataset: 'xor', strategy: { wings: 2 } } },
      ],
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.join(' ')).toContain('strategy.wings');
  });

  it('refuses a preset paired with a dataset it does not take', () => {
    expect(
      readLesson({
        ...good,
        steps: [{ text: 'x', experiment: { preset: 'teaching', dataset: 'mnist' } }],
      }).ok,
    ).toBe(false);
  });

  it('never throws on junk', () => {
    for (const junk of [
      null,
      1,
      'x',
      [],
      { steps: 'no' },
      { id: 'a', title: 't', steps: [null] },
    ]) {
      const r = readLesson(junk);
      expect(r.ok).toBe(false);
    }
  });
});

describe('lessonSpec', () => {
  it('builds the defaults with overrides and the seed', () => {
    const r = lessonSpec({
      preset: 'teaching',
      dataset: 'xor',
      seed: 7,
      strategy: { epochs: 40, earlyStop: 'darts+' },
      data: { samples: 300 },
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.spec.seed).toBe(7);
    expect(r.spec.dataset.samples).toBe(300);
    expect(r.spec.strategy.kind).toBe('darts');
    expect(r.spec.strategy.epochs).toBe(40);
    if (r.spec.strategy.kind === 'darts') expect(r.spec.strategy.earlyStop).toBe('darts+');
  });

  it('takes another strategy kind at its defaults', () => {
    const r = lessonSpec({ preset: 'teaching', dataset: 'circles', strategyKind: 'multi-trial' });
    expect(r.ok && r.spec.strategy.kind).toBe('multi-trial');
  });
});
