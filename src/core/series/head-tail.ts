/** The first and the latest points of a long stream, each part bounded (for step logs). */

/** Up to `size` first points and up to `size` latest points after them; plain, immutable data. */
export interface HeadTail<T> {
  readonly head: readonly T[];
  /** The latest points not in `head`, oldest first. */
  readonly tail: readonly T[];
  /** Points appended so far. */
  readonly seen: number;
  readonly size: number;
}

/** An empty head/tail keeping `size` points at each end. */
export function emptyHeadTail<T>(size: number): HeadTail<T> {
  return { head: [], tail: [], seen: 0, size: Math.max(1, Math.floor(size)) };
}

/** Appends `items` in arrival order; returns a new value (the input is not changed). */
export function appendHeadTail<T>(log: HeadTail<T>, items: readonly T[]): HeadTail<T> {
  if (items.length === 0) return log;
  const room = Math.max(0, log.size - log.head.length);
  const head = room > 0 ? [...log.head, ...items.slice(0, room)] : log.head;
  const rest = items.slice(room);
  const tail = rest.length > 0 ? [...log.tail, ...rest].slice(-log.size) : log.tail;
  return { head, tail, seen: log.seen + items.length, size: log.size };
}

/** How many points fell between head and tail and are no longer held. */
export function droppedCount<T>(log: HeadTail<T>): number {
  return log.seen - log.head.length - log.tail.length;
}
