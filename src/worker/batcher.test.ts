import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../core/run/protocol';
import { createEventBatcher, type BatcherClock } from './batcher';

/** A manual clock: timers fire only when `advance` passes their due time. */
function fakeClock(): BatcherClock & { advance(ms: number): void; timers(): number } {
  let now = 0;
  let nextId = 1;
  const timers = new Map<number, { due: number; fn: () => void }>();
  return {
    now: () => now,
    setTimer: (fn, ms) => {
      const id = nextId++;
      timers.set(id, { due: now + ms, fn });
      return id;
    },
    clearTimer: (handle) => {
      timers.delete(handle as number);
    },
    advance: (ms) => {
      const end = now + ms;
      for (;;) {
        const due = [...timers.entries()]
          .filter(([, t]) => t.due <= end)
          .sort((a, b) => a[1].due - b[1].due)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].due;
        due[1].fn();
      }
      now = end;
    },
    timers: () => timers.size,
  };
}

const step = (n: number): RunEvent => ({
  type: 'step',
  step: n,
  epoch: 0,
  trainLoss: 1,
  trainAcc: 0.5,
  alphaLoss: 1,
  elapsedMs: n,
});

function collect(): {
  batches: RunEvent[][];
  transfers: ArrayBuffer[][];
  deliver: (e: RunEvent[], t: ArrayBuffer[]) => void;
} {
  const batches: RunEvent[][] = [];
  const transfers: ArrayBuffer[][] = [];
  return { batches, transfers, deliver: (e, t) => (batches.push(e), transfers.push(t)) };
}

describe('createEventBatcher', () => {
  it('delivers the first event at once, then batches within the interval', () => {
    const clock = fakeClock();
    const out = collect();
    const b = createEventBatcher(out.deliver, 33, clock);
    b.push(step(1));
    expect(out.batches).toEqual([[step(1)]]);
    clock.advance(5);
    b.push(step(2));
    clock.advance(5);
    b.push(step(3));
    expect(out.batches).toHaveLength(1);
    expect(b.pending()).toBe(2);
    clock.advance(23);
    expect(out.batches).toEqual([[step(1)], [step(2), step(3)]]);
    expect(clock.timers()).toBe(0);
  });

  it('delivers immediately once the interval has passed (a slow loop need not wait for timers)', () => {
    const clock = fakeClock();
    const out = collect();
    const b = createEventBatcher(out.deliver, 33, clock);
    b.push(step(1));
    clock.advance(500);
    b.push(step(2));
    expect(out.batches).toEqual([[step(1)], [step(2)]]);
  });

  it('keeps deliveries at least an interval apart (~30 a second) and loses nothing, in order', () => {
    const clock = fakeClock();
    const times: number[] = [];
    const batches: RunEvent[][] = [];
    const b = createEventBatcher(
      (events) => (times.push(clock.now()), batches.push(events)),
      33,
      clock,
    );
    for (let i = 0; i < 1000; i++) {
      b.push(step(i));
      clock.advance(1);
    }
    expect(times.length).toBeLessThanOrEqual(31);
    for (let i = 1; i < times.length; i++)
      expect((times[i] as number) - (times[i - 1] as number)).toBeGreaterThanOrEqual(33);
    b.close();
    expect(batches.flat().map((e) => (e.type === 'step' ? e.step : -1))).toEqual(
      Array.from({ length: 1000 }, (_, i) => i),
    );
  });

  it('flushes the latest events on close and delivers later ones at once', () => {
    const clock = fakeClock();
    const out = collect();
    const b = createEventBatcher(out.deliver, 33, clock);
    b.push(step(1));
    b.push(step(2));
    b.close();
    expect(out.batches).toEqual([[step(1)], [step(2)]]);
    expect(clock.timers()).toBe(0);
    b.push(step(3));
    expect(out.batches.at(-1)).toEqual([step(3)]);
    b.close();
    expect(out.batches).toHaveLength(3);
  });

  it('transfers private copies of alpha arrays: the emitter keeps its own, views included', () => {
    const clock = fakeClock();
    const out = collect();
    const b = createEventBatcher(out.deliver, 33, clock);
    const shared = new Float32Array([0.1, 0.2, 0.3, 0.4, 0.5, 0.6]);
    const normal = shared.subarray(0, 3);
    const reduce = shared.subarray(3);
    b.push({ type: 'alphas', step: 4, weights: { normal, reduce } });
    b.push({
      type: 'finished',
      step: 5,
      genotype: { normal: { edges: [], concat: [] }, reduce: null },
      metrics: { trainAcc: 1, validAcc: 1, testAcc: 1, trainLoss: 0, validLoss: 0, testLoss: 0 },
      weights: { normal },
    });
    b.close();
    const events = out.batches.flat();
    const transfer = out.transfers.flat();
    expect(transfer).toHaveLength(3);
    expect(new Set(transfer).size).toBe(3);
    const sent = events.flatMap((e) =>
      e.type === 'alphas' || e.type === 'finished' ? Object.values(e.weights) : [],
    );
    for (const arr of sent) {
      expect(arr.byteOffset).toBe(0);
      expect(arr.byteLength).toBe(arr.buffer.byteLength);
      expect(transfer).toContain(arr.buffer);
    }
    expect(Array.from(sent[0] ?? [])).toEqual(Array.from(normal));
    // Transferring detaches the delivered buffers only; the emitter's arrays stay intact.
    const received = structuredClone(events, { transfer });
    expect(sent.every((arr) => arr.length === 0)).toBe(true);
    expect(shared.length).toBe(6);
    expect(Array.from(shared)).toEqual(
      Array.from(new Float32Array([0.1, 0.2, 0.3, 0.4, 0.5, 0.6])),
    );
    const first = received[0];
    expect(first?.type === 'alphas' && Array.from(first.weights.reduce ?? [])).toEqual(
      Array.from(reduce),
    );
  });
});
