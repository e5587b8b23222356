/** Undo/redo over immutable values: a past stack, the present value, and a future stack. Plain data. */

/** An undo history: `past` holds older values (oldest first), `future` the undone ones (next redo first). */
export interface History<T> {
  readonly past: readonly T[];
  readonly present: T;
  readonly future: readonly T[];
}

/** The largest number of past values a history keeps by default. */
export const HISTORY_LIMIT = 200;

/** A history holding only `present`: nothing to undo or redo. */
export function createHistory<T>(present: T): History<T> {
  return { past: [], present, future: [] };
}

/**
 * Makes `next` the present, moving the old present into the past and clearing the future (a new
 * edit after an undo forgets the undone branch). The past keeps at most `limit` values, oldest dropped.
 */
export function pushHistory<T>(h: History<T>, next: T, limit: number = HISTORY_LIMIT): History<T> {
  const keep = Math.max(0, Math.floor(limit));
  const past = [...h.past, h.present];
  return { past: past.slice(Math.max(0, past.length - keep)), present: next, future: [] };
}

/** Steps back one value; the history itself when there is nothing to undo. */
export function undo<T>(h: History<T>): History<T> {
  if (h.past.length === 0) return h;
  const previous = h.past[h.past.length - 1] as T;
  return { past: h.past.slice(0, -1), present: previous, future: [h.present, ...h.future] };
}

/** Steps forward one undone value; the history itself when there is nothing to redo. */
export function redo<T>(h: History<T>): History<T> {
  if (h.future.length === 0) return h;
  const next = h.future[0] as T;
  return { past: [...h.past, h.present], present: next, future: h.future.slice(1) };
}

/** True when `undo` would change the present. */
export function canUndo<T>(h: History<T>): boolean {
  return h.past.length > 0;
}

/** True when `redo` would change the present. */
export function canRedo<T>(h: History<T>): boolean {
  return h.future.length > 0;
}
