/**
 * Chart redraws coalesced per animation frame: each chart keeps only its latest waiting draw, and a
 * frame runs waiting draws oldest first until its time budget is spent, leaving the rest for the
 * next frame. A burst of run events then costs one draw per chart, and no frame's task grows with
 * the number of charts on screen. The budget counts from the frame's start, so work that ran
 * earlier in the same frame (the run store's fold and the views it re-renders) leaves the charts
 * less of it.
 */

/** What the scheduler needs from its surroundings (injected in tests). */
export interface FrameClock {
  /**
   * Calls `callback` before the next paint (requestAnimationFrame in a page), with the time the
   * frame started on the clock of `now` where known (requestAnimationFrame's timestamp).
   */
  requestFrame(callback: (frameStart?: number) => void): void;
  /** Milliseconds, monotonic. */
  now(): number;
}

/** Queues draws by key and runs them on animation frames. */
export interface FrameScheduler {
  /** Queues `draw` under `key`, replacing any draw still waiting under it (the latest data wins). */
  schedule(key: object, draw: () => void): void;
  /** Drops the draw waiting under `key`, if any. */
  cancel(key: object): void;
  /** Runs the draw waiting under `key` now, if any (before reading the chart, e.g. to export it). */
  flush(key: object): void;
  /** Draws still waiting. */
  pending(): number;
}

/**
 * Time from a frame's start after which its remaining draws wait for the next frame (ms). The
 * browser's style, layout and paint of the frame come on top, in the same task.
 */
export const FRAME_BUDGET_MS = 8;

/**
 * A scheduler on `clock`; each frame runs at least one draw, then more while under `budgetMs`
 * from the frame's start (from the callback's start where the clock gives no frame start).
 */
export function createFrameScheduler(
  clock: FrameClock,
  budgetMs: number = FRAME_BUDGET_MS,
): FrameScheduler {
  // A Map keeps insertion order: a key that waits keeps its place when its draw is replaced.
  const waiting = new Map<object, () => void>();
  let requested = false;

  const run = (key: object, draw: () => void): void => {
    waiting.delete(key);
    draw();
  };

  const onFrame = (frameStart?: number): void => {
    requested = false;
    const now = clock.now();
    // A frame start in the future (another clock) or none: count from now.
    const start = frameStart !== undefined && frameStart <= now ? frameStart : now;
    for (const [key, draw] of [...waiting]) {
      if (!waiting.has(key)) continue;
      run(key, waiting.get(key) ?? draw);
      if (clock.now() - start >= budgetMs) break;
    }
    request();
  };

  const request = (): void => {
    if (requested || waiting.size === 0) return;
    requested = true;
    clock.requestFrame(onFrame);
  };

  return {
    schedule: (key, draw) => {
      waiting.set(key, draw);
      request();
    },
    cancel: (key) => {
      waiting.delete(key);
    },
    flush: (key) => {
      const draw = waiting.get(key);
      if (draw) run(key, draw);
    },
    pending: () => waiting.size,
  };
}

/** The page's clock: animation frames, or a 16 ms timer where there are none. */
function pageClock(): FrameClock {
  return {
    requestFrame: (callback) => {
      if (typeof requestAnimationFrame === 'function') requestAnimationFrame(callback);
      else setTimeout(() => callback(), 16);
    },
    now: () => performance.now(),
  };
}

/** The scheduler every chart of the page shares. */
export const chartFrames: FrameScheduler = createFrameScheduler(pageClock());
