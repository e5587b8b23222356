/**
 * When a hosted chart redraws: with its latest data, on an animation frame, at most about ten times
 * a second while it is on screen (a live run delivers up to 30 batches a second; curves drawn ten
 * times a second look as smooth and cost a third), at most once a second while it is scrolled out
 * of view (so it is never far behind), and at once when something is about to read it (an export).
 * The intervals run from when a draw was planned, not from when it ran: the run store delivers at
 * most ten times a second, and every chart it changes then draws on the frame after the delivery,
 * together, rather than each on a timer of its own and a frame of its own.
 */
import type { ChartView } from '../../charts/view';
import type { FrameScheduler } from '../../charts/frame-scheduler';

/**
 * Least time between two planned draws of a chart on screen (ms): under the 100 ms between two
 * deliveries of the run store, so that each delivery is drawn on the next frame.
 */
export const VISIBLE_INTERVAL_MS = 80;

/** Least time between two planned draws of a chart that is out of view (ms). */
export const OFFSCREEN_INTERVAL_MS = 1000;

/** Timers and time for the drawer (injected in tests). */
export interface DrawerTimers {
  now(): number;
  setTimer(callback: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

/** Drives one chart view's redraws. */
export interface ChartDrawer<D> {
  /** New data to draw; the draw happens on a later frame. */
  setData(data: D): void;
  /** Whether the chart's element is on screen. */
  setVisible(visible: boolean): void;
  /** Draws the latest data now if it is not drawn yet. */
  flushNow(): void;
  destroy(): void;
}

const pageTimers: DrawerTimers = {
  now: () => performance.now(),
  setTimer: (callback, ms) => setTimeout(callback, ms),
  clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** A drawer for `view`, queued under `key` on `frames`. */
export function createChartDrawer<D>(
  key: object,
  view: ChartView<D>,
  frames: FrameScheduler,
  timers: DrawerTimers = pageTimers,
): ChartDrawer<D> {
  let latest: { data: D } | null = null;
  let dirty = false;
  let visible = true;
  /** When the latest draw was planned (queued on a frame, or drawn at once on demand). */
  let lastPlan = Number.NEGATIVE_INFINITY;
  let timer: unknown = null;
  let destroyed = false;

  const drawNow = (): void => {
    if (destroyed || !dirty || latest === null) return;
    dirty = false;
    view.update(latest.data);
  };

  const stopTimer = (): void => {
    if (timer !== null) timers.clearTimer(timer);
    timer = null;
  };

  const queue = (): void => {
    lastPlan = timers.now();
    frames.schedule(key, drawNow);
  };

  const plan = (): void => {
    if (!dirty || destroyed) return;
    const interval = visible ? VISIBLE_INTERVAL_MS : OFFSCREEN_INTERVAL_MS;
    const wait = interval - (timers.now() - lastPlan);
    if (wait <= 0) {
      stopTimer();
      queue();
      return;
    }
    if (timer !== null) return;
    timer = timers.setTimer(() => {
      timer = null;
      if (dirty) queue();
    }, wait);
  };

  return {
    setData: (data) => {
      latest = { data };
      dirty = true;
      plan();
    },
    setVisible: (v) => {
      if (v === visible) return;
      visible = v;
      // The wait just planned was for the other interval.
      stopTimer();
      plan();
    },
    flushNow: () => {
      frames.cancel(key);
      stopTimer();
      if (dirty) lastPlan = timers.now();
      drawNow();
    },
    destroy: () => {
      destroyed = true;
      frames.cancel(key);
      stopTimer();
    },
  };
}

/** The drawer of each hosted chart, by its host element. */
const drawers = new WeakMap<HTMLElement, ChartDrawer<never>>();

/** Registers `drawer` for the chart hosted in `el` (null removes it). */
export function registerDrawer(el: HTMLElement, drawer: ChartDrawer<never> | null): void {
  if (drawer === null) drawers.delete(el);
  else drawers.set(el, drawer);
}

/** Brings the chart hosted in `el` up to its latest data now (before it is exported). */
export function flushChart(el: HTMLElement): void {
  drawers.get(el)?.flushNow();
}
