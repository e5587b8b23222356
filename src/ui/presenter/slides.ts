/** Presenter mode's slides (one view at a time, tab by tab) and the keys that move through them. */

/** The studio's tabs. */
export type View = 'space' | 'run' | 'search' | 'history';

/** The tabs in order. */
export const VIEWS: readonly View[] = ['space', 'run', 'search', 'history'];

/** A view presenter mode shows alone. */
export type SlideId =
  | 'composer'
  | 'metrics'
  | 'boundary'
  | 'alphas'
  | 'diagnostics'
  | 'genotype'
  | 'results'
  | 'search'
  | 'history';

/** One slide: its view, the tab it belongs to and its title. */
export interface Slide {
  readonly id: SlideId;
  readonly tab: View;
  readonly title: string;
}

/** Every slide in order: the tabs left to right, each tab's views top to bottom. */
export const SLIDES: readonly Slide[] = [
  { id: 'composer', tab: 'space', title: 'Search space' },
  { id: 'metrics', tab: 'run', title: 'Loss and accuracy' },
  { id: 'boundary', tab: 'run', title: 'Decision boundary' },
  { id: 'alphas', tab: 'run', title: 'Architecture weights' },
  { id: 'diagnostics', tab: 'run', title: 'Collapse diagnostics' },
  { id: 'genotype', tab: 'run', title: 'Derived cell' },
  { id: 'results', tab: 'run', title: 'Results' },
  { id: 'search', tab: 'search', title: 'Subnets & Pareto' },
  { id: 'history', tab: 'history', title: 'History' },
];

/** The index of `tab`'s main (first) view. */
export function firstSlideOf(tab: View): number {
  return Math.max(
    0,
    SLIDES.findIndex((s) => s.tab === tab),
  );
}

/** The slide `by` steps from `index`, held at either end. */
export function moveSlide(index: number, by: number): number {
  return Math.min(SLIDES.length - 1, Math.max(0, index + by));
}

/** What a key asks of presenter mode. */
export type PresenterAction = 'toggle' | 'next' | 'back' | 'leave';

/**
 * The action of a key press, or null: P toggles presenter mode; while it is on, → / PageDown go
 * to the next view, ← / PageUp back, Escape leaves. Keys with Ctrl, Cmd or Alt are left alone.
 */
export function presenterKey(
  e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>,
  on: boolean,
): PresenterAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  if (e.key === 'p' || e.key === 'P') return 'toggle';
  if (!on) return null;
  if (e.key === 'Escape') return 'leave';
  if (e.key === 'ArrowRight' || e.key === 'PageDown') return 'next';
  if (e.key === 'ArrowLeft' || e.key === 'PageUp') return 'back';
  return null;
}
