/**
 * Run events folded into the store at most ten times a second, on an animation frame: batches that
 * arrive between two deliveries are delivered together, so the store (and every view that reads
 * it) changes once. A live run sends up to 30 batches a second; the views a store change re-renders
 * cost the main thread a few milliseconds each, so folding them ten times a second keeps every
 * frame short while the step counter and charts still move smoothly (the latest point always
 * arrives). A backstop timer folds events where no frame comes (a hidden tab), a few times a second.
 */

/** When to deliver (injected in tests): the next frame, a timer, and the time. */
export interface BatchClock {
  requestFrame(callback: () => void): void;
  setTimer(callback: () => void, ms: number): void;
  /** Milliseconds, monotonic. */
  now(): number;
}

/** Collects items and hands them on together. */
export interface FrameBatcher<T> {
  /** Queues `items`, in order, for the next delivery. */
  push(items: readonly T[]): void;
  /** Delivers whatever is queued now (before the run's end is recorded). */
  flush(): void;
}

/** Least time between two deliveries (ms). */
export const MIN_INTERVAL_MS = 100;

/** Longest wait past the planned time for a delivery when no frame comes (a hidden tab), in ms. */
export const BACKSTOP_MS = 250;

/** The page's clock, or null where there are no animation frames (Node): there, delivery is immediate. */
function pageClock(): BatchClock | null {
  if (typeof requestAnimationFrame !== 'function') return null;
  return {
    requestFrame: (callback) => requestAnimationFrame(() => callback()),
    setTimer: (callback, ms) => setTimeout(callback, ms),
    now: () => performance.now(),
  };
}

/**
 * A batcher that hands queued items to `deliver` all at once: on the first frame at least
 * `minIntervalMs` after the previous delivery (or from the backstop timer).
 */
export function createFrameBatcher<T>(
  deliver: (items: T[]) => void,
  clock: BatchClock | null = pageClock(),
  minIntervalMs: number = MIN_INTERVAL_MS,
): FrameBatcher<T> {
  let queue: T[] = [];
  let planned = false;
  let rounds = 0;
  let lastDelivery = Number.NEGATIVE_INFINITY;
  const flush = (): void => {
    planned = false;
    if (queue.length === 0) return;
    const items = queue;
    queue = [];
    if (clock !== null) lastDelivery = clock.now();
    deliver(items);
  };
  return {
    push: (items) => {
      if (items.length === 0) return;
      if (clock === null) return deliver([...items]);
      queue.push(...items);
      if (planned) return;
      planned = true;
      // Whichever comes first delivers; the others, of an older round, do nothing.
      const round = ++rounds;
      const due = (): void => {
        if (round === rounds && planned) flush();
      };
      const wait = Math.max(0, lastDelivery + minIntervalMs - clock.now());
      if (wait === 0) clock.requestFrame(due);
      else clock.setTimer(() => clock.requestFrame(due), wait);
      clock.setTimer(due, wait + BACKSTOP_MS);
    },
    flush,
  };
}
