import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canRedo, canUndo, createHistory, pushHistory, redo, undo } from './history';

describe('history', () => {
  it('starts with nothing to undo or redo', () => {
    const h = createHistory('a');
    expect(h).toEqual({ past: [], present: 'a', future: [] });
    expect(canUndo(h)).toBe(false);
    expect(canRedo(h)).toBe(false);
    expect(undo(h)).toBe(h);
    expect(redo(h)).toBe(h);
  });

  it('undoes and redoes pushed values in order', () => {
    let h = pushHistory(pushHistory(createHistory(1), 2), 3);
    expect(h).toEqual({ past: [1, 2], present: 3, future: [] });
    h = undo(h);
    expect(h).toEqual({ past: [1], present: 2, future: [3] });
    expect(canRedo(h)).toBe(true);
    h = undo(h);
    expect(h).toEqual({ past: [], present: 1, future: [2, 3] });
    expect(canUndo(h)).toBe(false);
    h = redo(h);
    expect(h).toEqual({ past: [1], present: 2, future: [3] });
  });

  it('forgets the undone branch when a new value is pushed', () => {
    const h = pushHistory(undo(pushHistory(createHistory('a'), 'b')), 'c');
    expect(h).toEqual({ past: ['a'], present: 'c', future: [] });
    expect(canRedo(h)).toBe(false);
  });

  it('keeps at most `limit` past values, dropping the oldest', () => {
    let h = createHistory(0);
    for (let i = 1; i <= 250; i++) h = pushHistory(h, i);
    expect(h.past).toHaveLength(200);
    expect(h.past[0]).toBe(50);
    const small = pushHistory(pushHistory(pushHistory(createHistory(0), 1), 2), 3, 2);
    expect(small.past).toEqual([1, 2]);
  });

  it('undo after n pushes walks back through every value; redo walks forward again', () => {
    fc.assert(
      fc.property(fc.integer(), fc.array(fc.integer(), { maxLength: 50 }), (first, rest) => {
        let h = createHistory(first);
        for (const v of rest) h = pushHistory(h, v);
        const values = [first, ...rest];
        for (let i = values.length - 1; i >= 0; i--) {
          expect(h.present).toBe(values[i]);
          h = undo(h);
        }
        for (let i = 1; i < values.length; i++) {
          h = redo(h);
          expect(h.present).toBe(values[i]);
        }
        expect(canRedo(h)).toBe(false);
      }),
    );
  });
});
