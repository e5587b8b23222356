import { describe, expect, it } from 'vitest';
import { createFrameScheduler, type FrameClock } from './frame-scheduler';

/** A clock whose frames run when the test says, and whose time each draw advances. */
function fakeClock(): FrameClock & { frames: (() => void)[]; t: number; tick(): void } {
  const clock = {
    frames: [] as (() => void)[],
    t: 0,
    requestFrame: (cb: () => void) => clock.frames.push(cb),
    now: () => clock.t,
    tick: () => {
      const due = clock.frames.splice(0);
      for (const cb of due) cb();
    },
  };
  return clock;
}

describe('the chart frame scheduler', () => {
  it('draws each chart once per frame with its latest data, however many updates arrived', () => {
    const clock = fakeClock();
    const frames = createFrameScheduler(clock, 12);
    const a = {};
    const drawn: number[] = [];
    for (let i = 1; i <= 5; i++) frames.schedule(a, () => drawn.push(i));
    expect(drawn).toEqual([]);
    expect(clock.frames).toHaveLength(1);
    clock.tick();
    expect(drawn).toEqual([5]);
    expect(frames.pending()).toBe(0);
    clock.tick();
    expect(drawn).toEqual([5]);
    expect(clock.frames).toHaveLength(0);
  });

  it('spreads draws over frames when they exceed the budget, oldest first and none starved', () => {
    const clock = fakeClock();
    const frames = createFrameScheduler(clock, 12);
    const keys = [{}, {}, {}];
    const drawn: string[] = [];
    keys.forEach((k, i) =>
      frames.schedule(k, () => {
        clock.t += 10;
        drawn.push(`chart${i}`);
      }),
    );
    clock.tick();
    // 10 ms, then 20 ms: over the 12 ms budget after the second draw.
    expect(drawn).toEqual(['chart0', 'chart1']);
    // chart0 gets new data, but chart2 has waited longer and goes first.
    frames.schedule(keys[0] as object, () => drawn.push('chart0 again'));
    clock.tick();
    expect(drawn).toEqual(['chart0', 'chart1', 'chart2', 'chart0 again']);
  });

  it('runs at least one draw per frame even when that draw alone is over budget', () => {
    const clock = fakeClock();
    const frames = createFrameScheduler(clock, 1);
    const drawn: number[] = [];
    frames.schedule({}, () => {
      clock.t += 40;
      drawn.push(1);
    });
    frames.schedule({}, () => drawn.push(2));
    clock.tick();
    expect(drawn).toEqual([1]);
    clock.tick();
    expect(drawn).toEqual([1, 2]);
  });

  it('counts the budget from the frame start the clock gives: time spent earlier in the frame leaves less for draws', () => {
    const frames: ((frameStart?: number) => void)[] = [];
    let t = 0;
    const clock: FrameClock = { requestFrame: (cb) => frames.push(cb), now: () => t };
    const scheduler = createFrameScheduler(clock, 12);
    const drawn: string[] = [];
    for (const name of ['a', 'b', 'c'])
      scheduler.schedule({}, () => {
        t += 2;
        drawn.push(name);
      });
    // The frame began at 100; other work of the frame ran until 108, so 4 ms of the budget are left.
    t = 108;
    frames.splice(0).forEach((cb) => cb(100));
    expect(drawn).toEqual(['a', 'b']);
    // A frame start ahead of the clock (another time origin) counts from now: the whole budget.
    frames.splice(0).forEach((cb) => cb(t + 1000));
    expect(drawn).toEqual(['a', 'b', 'c']);
  });

  it('flushes one waiting draw on demand and forgets a cancelled one', () => {
    const clock = fakeClock();
    const frames = createFrameScheduler(clock);
    const a = {};
    const b = {};
    const drawn: string[] = [];
    frames.schedule(a, () => drawn.push('a'));
    frames.schedule(b, () => drawn.push('b'));
    frames.flush(a);
    expect(drawn).toEqual(['a']);
    frames.cancel(b);
    clock.tick();
    expect(drawn).toEqual(['a']);
    frames.flush(a);
    expect(drawn).toEqual(['a']);
  });
});
