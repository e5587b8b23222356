import { describe, expect, it } from 'vitest';
import { firstSlideOf, moveSlide, presenterKey, SLIDES } from './slides';

const key = (
  k: string,
  mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {},
) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

describe('presenter mode', () => {
  it('opens on the main view of the current tab and moves view by view, held at both ends', () => {
    expect(SLIDES[firstSlideOf('run')]?.id).toBe('metrics');
    expect(SLIDES[firstSlideOf('search')]?.id).toBe('search');
    const run = firstSlideOf('run');
    expect(SLIDES[moveSlide(run, 1)]?.id).toBe('boundary');
    expect(moveSlide(0, -1)).toBe(0);
    expect(moveSlide(SLIDES.length - 1, 1)).toBe(SLIDES.length - 1);
  });

  it('reads P, the arrows, PageUp / PageDown and Escape, and leaves modified keys alone', () => {
    expect(presenterKey(key('p'), false)).toBe('toggle');
    expect(presenterKey(key('P'), true)).toBe('toggle');
    expect(presenterKey(key('ArrowRight'), false)).toBeNull();
    expect(presenterKey(key('Escape'), false)).toBeNull();
    expect(presenterKey(key('ArrowRight'), true)).toBe('next');
    expect(presenterKey(key('PageDown'), true)).toBe('next');
    expect(presenterKey(key('ArrowLeft'), true)).toBe('back');
    expect(presenterKey(key('PageUp'), true)).toBe('back');
    expect(presenterKey(key('Escape'), true)).toBe('leave');
    expect(presenterKey(key('p', { ctrlKey: true }), false)).toBeNull();
    expect(presenterKey(key('ArrowRight', { altKey: true }), true)).toBeNull();
  });
});
