import { describe, expect, it } from 'vitest';
import { isLessonHash, lessonHash, readLessonHash } from './address';

describe('lesson addresses', () => {
  it('round-trip the id and step', () => {
    expect(lessonHash('skip-collapse', 3)).toBe('#lesson=skip-collapse&step=3');
    expect(readLessonHash(lessonHash('skip-collapse', 3))).toEqual({
      id: 'skip-collapse',
      step: 3,
    });
    expect(readLessonHash('lesson=a&step=2')).toEqual({ id: 'a', step: 2 });
  });

  it('read a missing or bad step as step 1 and refuse bad ids', () => {
    expect(readLessonHash('#lesson=mixed-op')).toEqual({ id: 'mixed-op', step: 1 });
    expect(readLessonHash('#lesson=mixed-op&step=-2')).toEqual({ id: 'mixed-op', step: 1 });
    expect(readLessonHash('#lesson=mixed-op&step=abc')).toEqual({ id: 'mixed-op', step: 1 });
    expect(readLessonHash('#lesson=%3Cscript%3E')).toBeNull();
    expect(readLessonHash('#x=4.abc')).toBeNull();
    expect(isLessonHash('#x=4.abc')).toBe(false);
  });
});
