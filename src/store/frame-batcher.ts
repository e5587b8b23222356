/**
 * Run events folded into the store at most once per animation frame: batches that arrive between
 * two frames are delivered together, so the store (and every view that reads it) changes once.
 * A timer backs the frame up, so a hidden tab, which gets no frames, still folds its events (and
 * saves its checkpoints) a few times a second.
 */

/** When to deliver (injected in tests): the next frame, and a backstop timer. */
export interface BatchClock {
  requestFrame(callback: () => void): void;
  setTimer(callback: () => void, ms: number): void;
}

/** Collects items and hands them on together. */
export interface FrameBatcher<T> {
  /** Queues `items`, in order, for the next delivery. */
  push(items: readonly T[]): void;
  /** Delivers whatever is queued now (before the run's end is recorded). */
  flush(): void;
}

/** Longest wait for a delivery when no frame comes (a hidden tab), in ms. */
export const BACKSTOP_MS = 250;

/** The page's clock, or null where there are no animation frames (Node): there, delivery is immediate. */
function pageClock(): BatchClock | null {
  if (typeof requestAnimationFrame !== 'function') return null;
  return {
    requestFrame: (callback) => requestAnimationFrame(() => callback()),
    setTimer: (callback, ms) => setTimeout(callback, ms),
  };
}

/** A batcher that hands queued items to `deliver` on the next frame (or backstop), all at once. */
export function createFrameBatcher<T>(
  deliver: (items: T[]) => void,
  clock: BatchClock | null = pageClock(),
): FrameBatcher<T> {
  let queue: T[] = [];
  let planned = false;
  let rounds = 0;
  const flush = (): void => {
    planned = false;
    if (queue.length === 0) return;
    const items = queue;
    queue = [];
    deliver(items);
  };
  return {
    push: (items) => {
      if (items.length === 0) return;
      if (clock === null) return deliver([...items]);
      queue.push(...items);
      if (planned) return;
      planned = true;
      // Whichever comes first delivers; the other, of an older round, does nothing.
      const round = ++rounds;
      const due = (): void => {
        if (round === rounds && planned) flush();
      };
      clock.requestFrame(due);
      clock.setTimer(due, BACKSTOP_MS);
    },
    flush,
  };
}
