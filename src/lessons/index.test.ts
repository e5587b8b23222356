import { describe, expect, it } from 'vitest';
import { builtInLessons } from './index';

describe('built-in lessons', () => {
  it('all read, with distinct ids', () => {
    const { lessons, problems } = builtInLessons();
    expect(problems).toEqual([]);
    expect(lessons.map((l) => l.id)).toEqual([
      'mixed-op',
      'bilevel',
      'skip-collapse',
      'discretization-gap',
      'weight-sharing',
      'cost-pareto',
      'space-size',
    ]);
    expect(new Set(lessons.map((l) => l.id)).size).toBe(lessons.length);
  });

  it('load an experiment at their first step, so a link opens the same anywhere', () => {
    for (const l of builtInLessons().lessons) expect(l.steps[0]?.experiment).toBeDefined();
  });
});
