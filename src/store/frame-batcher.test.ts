import { describe, expect, it } from 'vitest';
import { BACKSTOP_MS, createFrameBatcher, MIN_INTERVAL_MS, type BatchClock } from './frame-batcher';

function fakeClock() {
  const frames: (() => void)[] = [];
  const timers: { cb: () => void; ms: number }[] = [];
  const time = { now: 0 };
  const clock: BatchClock = {
    requestFrame: (cb) => frames.push(cb),
    setTimer: (cb, ms) => timers.push({ cb, ms }),
    now: () => time.now,
  };
  return {
    clock,
    time,
    frames,
    timers,
    frame: () => frames.splice(0).forEach((cb) => cb()),
    timer: () => timers.splice(0).forEach((t) => t.cb()),
  };
}

describe('the per-frame event batcher', () => {
  it('delivers every batch that arrived before a frame together, in order', () => {
    const c = fakeClock();
    const got: number[][] = [];
    const b = createFrameBatcher<number>((items) => got.push(items), c.clock);
    b.push([1, 2]);
    b.push([3]);
    b.push([]);
    b.push([4, 5]);
    expect(got).toEqual([]);
    expect(c.frames).toHaveLength(1);
    c.frame();
    expect(got).toEqual([[1, 2, 3, 4, 5]]);
  });

  it('delivers from the backstop timer when no frame comes (a hidden tab), once', () => {
    const c = fakeClock();
    const got: number[][] = [];
    const b = createFrameBatcher<number>((items) => got.push(items), c.clock);
    b.push([1]);
    expect(c.timers[0]?.ms).toBe(BACKSTOP_MS);
    c.timer();
    expect(got).toEqual([[1]]);
    c.time.now = MIN_INTERVAL_MS;
    b.push([2]);
    // The first round's frame arrives late: it must not deliver the second round early.
    const late = c.frames.shift();
    late?.();
    expect(got).toEqual([[1]]);
    c.frame();
    expect(got).toEqual([[1], [2]]);
  });

  it('flushes at once on demand (before the run end is recorded) and then has nothing left', () => {
    const c = fakeClock();
    const got: number[][] = [];
    const b = createFrameBatcher<number>((items) => got.push(items), c.clock);
    b.push([7, 8]);
    b.flush();
    expect(got).toEqual([[7, 8]]);
    c.frame();
    c.timer();
    expect(got).toEqual([[7, 8]]);
  });

  it('waits at least the minimum interval after a delivery, then delivers on a frame with the latest items', () => {
    const c = fakeClock();
    const got: number[][] = [];
    const b = createFrameBatcher<number>((items) => got.push(items), c.clock);
    b.push([1]);
    c.frame();
    expect(got).toEqual([[1]]);
    c.time.now = 30;
    b.push([2]);
    b.push([3]);
    // No frame is asked for yet: a timer waits out the rest of the interval first.
    expect(c.frames).toHaveLength(0);
    const waits = c.timers.map((t) => t.ms);
    expect(waits).toEqual([BACKSTOP_MS, MIN_INTERVAL_MS - 30, MIN_INTERVAL_MS - 30 + BACKSTOP_MS]);
    c.timers.splice(0, 1);
    c.time.now = MIN_INTERVAL_MS;
    c.timers.shift()?.cb();
    expect(got).toEqual([[1]]);
    c.frame();
    expect(got).toEqual([[1], [2, 3]]);
    // The backstop of that round does nothing once it has been delivered.
    c.timer();
    expect(got).toEqual([[1], [2, 3]]);
  });

  it('delivers at once where there are no animation frames (Node)', () => {
    const got: number[][] = [];
    const b = createFrameBatcher<number>((items) => got.push(items), null);
    b.push([1]);
    b.push([2]);
    expect(got).toEqual([[1], [2]]);
  });
});
