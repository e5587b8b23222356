import { describe, expect, it } from 'vitest';
import { createFrameScheduler } from '../../charts/frame-scheduler';
import {
  createChartDrawer,
  OFFSCREEN_INTERVAL_MS,
  VISIBLE_INTERVAL_MS,
  type DrawerTimers,
} from './chart-drawer';

function setup() {
  const frames: (() => void)[] = [];
  let t = 0;
  const timers: { cb: () => void; at: number; live: boolean }[] = [];
  const scheduler = createFrameScheduler({ requestFrame: (cb) => frames.push(cb), now: () => t });
  const clock: DrawerTimers = {
    now: () => t,
    setTimer: (cb, ms) => {
      const timer = { cb, at: t + ms, live: true };
      timers.push(timer);
      return timer;
    },
    clearTimer: (h) => {
      (h as { live: boolean }).live = false;
    },
  };
  const drawn: string[] = [];
  const view = { update: (d: string) => drawn.push(d), destroy: () => undefined };
  const drawer = createChartDrawer({}, view, scheduler, clock);
  return {
    drawer,
    drawn,
    frame: () => frames.splice(0).forEach((cb) => cb()),
    advance: (ms: number) => {
      t += ms;
      for (const timer of timers.splice(0))
        if (timer.live && timer.at <= t) timer.cb();
        else if (timer.live) timers.push(timer);
    },
  };
}

describe('a hosted chart drawer', () => {
  it('draws on screen on a frame with the latest data, at most ten times a second', () => {
    const s = setup();
    s.drawer.setData('a');
    s.drawer.setData('b');
    expect(s.drawn).toEqual([]);
    s.frame();
    expect(s.drawn).toEqual(['b']);
    s.frame();
    expect(s.drawn).toEqual(['b']);
    s.advance(VISIBLE_INTERVAL_MS / 4);
    s.drawer.setData('c');
    s.drawer.setData('d');
    s.frame();
    expect(s.drawn).toEqual(['b']);
    s.advance((3 * VISIBLE_INTERVAL_MS) / 4);
    s.frame();
    expect(s.drawn).toEqual(['b', 'd']);
  });

  it('draws data that comes a store delivery (100 ms) apart on the very next frame, however late the last draw ran', () => {
    const s = setup();
    s.drawer.setData('a');
    // The frame that draws 'a' comes late (a busy page).
    s.advance(40);
    s.frame();
    expect(s.drawn).toEqual(['a']);
    // The next delivery, 100 ms after the first but 60 ms after the draw: no timer, the next frame.
    s.advance(60);
    s.drawer.setData('b');
    s.frame();
    expect(s.drawn).toEqual(['a', 'b']);
  });

  it('draws out of view at most once a second, and at once when it comes into view', () => {
    const s = setup();
    s.drawer.setData('a');
    s.frame();
    s.drawer.setVisible(false);
    s.drawer.setData('b');
    s.frame();
    expect(s.drawn).toEqual(['a']);
    s.advance(OFFSCREEN_INTERVAL_MS / 2);
    s.drawer.setData('c');
    s.frame();
    expect(s.drawn).toEqual(['a']);
    s.advance(OFFSCREEN_INTERVAL_MS / 2);
    s.frame();
    expect(s.drawn).toEqual(['a', 'c']);
    s.advance(VISIBLE_INTERVAL_MS);
    s.drawer.setData('d');
    s.drawer.setVisible(true);
    s.frame();
    expect(s.drawn).toEqual(['a', 'c', 'd']);
  });

  it('draws the latest data on demand, and nothing after it is destroyed', () => {
    const s = setup();
    s.drawer.setVisible(false);
    s.drawer.setData('x');
    s.drawer.flushNow();
    expect(s.drawn).toEqual(['x']);
    s.drawer.flushNow();
    expect(s.drawn).toEqual(['x']);
    s.drawer.setData('y');
    s.drawer.destroy();
    s.advance(5 * OFFSCREEN_INTERVAL_MS);
    s.frame();
    expect(s.drawn).toEqual(['x']);
  });
});
