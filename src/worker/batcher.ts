/**
 * Batches run events for the trip to the UI thread: at most one delivery per interval (~30 a
 * second), an immediate delivery when the interval has already passed, and a final flush at run
 * end. Nothing is dropped. Alpha snapshots are copied on arrival, so the batcher owns the buffers
 * it hands over for transfer and never touches them again.
 */
import type { CellRole } from '../core/search-space/types';
import type { AlphaSnapshot, RunEvent } from '../core/run/protocol';

/** Receives one batch and the buffers to transfer (not copy) with it. */
export type Deliver = (events: RunEvent[], transfer: ArrayBuffer[]) => void;

/** Timing hooks, injectable for tests. */
export interface BatcherClock {
  now(): number;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

/** Collects events and delivers them in batches. */
export interface EventBatcher {
  /** Queues an event (taking ownership of a copy of its alpha arrays). */
  push(event: RunEvent): void;
  /** Delivers everything queued now. */
  flush(): void;
  /** Final flush; later events are delivered at once instead of batched. */
  close(): void;
  /** Number of queued, undelivered events. */
  pending(): number;
}

/** At most one batch every 33 ms: no more than ~30 batches a second. */
export const BATCH_INTERVAL_MS = 33;

const ROLES: readonly CellRole[] = ['normal', 'reduce'];

const realClock: BatcherClock = {
  now: () => performance.now(),
  setTimer: (fn, ms) => setTimeout(fn, ms),
  clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** A snapshot whose arrays are fresh copies, each alone in its own buffer; the buffers are appended to `buffers`. */
function ownSnapshot(weights: AlphaSnapshot, buffers: ArrayBuffer[]): AlphaSnapshot {
  const out: Partial<Record<CellRole, Float32Array>> = {};
  for (const role of ROLES) {
    const source = weights[role];
    if (!source) continue;
    const copy = new Float32Array(new ArrayBuffer(source.length * Float32Array.BYTES_PER_ELEMENT));
    copy.set(source);
    buffers.push(copy.buffer);
    out[role] = copy;
  }
  return out;
}

/** Creates a batcher that hands batches to `deliver` every `intervalMs` at most. */
export function createEventBatcher(
  deliver: Deliver,
  intervalMs = BATCH_INTERVAL_MS,
  clock: BatcherClock = realClock,
): EventBatcher {
  let queue: RunEvent[] = [];
  let buffers: ArrayBuffer[] = [];
  let lastFlush = Number.NEGATIVE_INFINITY;
  let timer: unknown = null;
  let closed = false;

  const flush = (): void => {
    if (timer !== null) {
      clock.clearTimer(timer);
      timer = null;
    }
    if (queue.length === 0) return;
    const batch = queue;
    const transfer = buffers;
    queue = [];
    buffers = [];
    lastFlush = clock.now();
    deliver(batch, transfer);
  };

  const push = (event: RunEvent): void => {
    if (event.type === 'alphas' || event.type === 'finished') {
      queue.push({ ...event, weights: ownSnapshot(event.weights, buffers) });
    } else {
      queue.push(event);
    }
    if (closed) return flush();
    const wait = lastFlush + intervalMs - clock.now();
    if (wait <= 0) return flush();
    if (timer === null) {
      timer = clock.setTimer(() => {
        timer = null;
        flush();
      }, wait);
    }
  };

  return {
    push,
    flush,
    close: () => {
      closed = true;
      flush();
    },
    pending: () => queue.length,
  };
}
