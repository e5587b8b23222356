import { describe, expect, it } from 'vitest';
import {
  BOUNDARY_FRAMES,
  boundaryDomain,
  boundaryDue,
  boundaryInterval,
  gridPoints,
  type BoundaryFrame,
} from './boundary';
import { foldEvents } from './fold';
import { runStateSchema } from './run-state-schema';
import { initialRunState } from './state';

/** A 2x2 frame after `epoch` whose supernet predicts `cls` everywhere. */
function frame(epoch: number, cls: number): BoundaryFrame {
  return {
    step: epoch * 10,
    epoch,
    size: 2,
    domain: { x0: -1, x1: 1, y0: -1, y1: 1 },
    supernet: { classes: new Uint8Array(4).fill(cls), confidence: new Float32Array(4).fill(0.9) },
    derived: { classes: new Uint8Array([0, 1, 1, 0]), confidence: new Float32Array(4).fill(0.6) },
  };
}

describe('decision-boundary frames', () => {
  it('are folded so the run state keeps only the latest', () => {
    const s = foldEvents(initialRunState(), [
      { type: 'boundary', frame: frame(1, 0) },
      { type: 'boundary', frame: frame(10, 1) },
    ]);
    expect(s.boundary?.epoch).toBe(10);
    expect(Array.from(s.boundary?.supernet.classes ?? [])).toEqual([1, 1, 1, 1]);
    const later = foldEvents(s, [{ type: 'boundary', frame: frame(20, 0) }]);
    expect(later.boundary?.epoch).toBe(20);
    expect(s.boundary?.epoch).toBe(10);
  });

  it('survive the saved-run schema', () => {
    const s = foldEvents(initialRunState(), [{ type: 'boundary', frame: frame(3, 1) }]);
    const parsed = runStateSchema.safeParse(s);
    expect(parsed.success).toBe(true);
    expect(parsed.success && parsed.data.boundary?.derived.classes).toBeInstanceOf(Uint8Array);
  });

  it('are due after the first epoch, every interval and the last, at most BOUNDARY_FRAMES + 2 times', () => {
    expect(boundaryInterval(300)).toBe(10);
    expect(boundaryInterval(5)).toBe(1);
    const due = Array.from({ length: 300 }, (_, i) => i + 1).filter((e) => boundaryDue(e, 300));
    expect(due.slice(0, 3)).toEqual([1, 10, 20]);
    expect(due.at(-1)).toBe(300);
    expect(due.length).toBeLessThanOrEqual(BOUNDARY_FRAMES + 2);
    expect(boundaryDue(7, 301)).toBe(false);
    expect(boundaryDue(301, 301)).toBe(true);
  });

  it('cover every point with a padded domain and a row-major grid of centres', () => {
    const split = { x: new Float32Array([0, 0, 1, 2]), y: new Int32Array([0, 1]), count: 2 };
    const d = boundaryDomain([split]);
    expect(d.x0).toBeLessThan(0);
    expect(d.x1).toBeGreaterThan(1);
    expect(d.y0).toBeLessThan(0);
    expect(d.y1).toBeGreaterThan(2);
    expect(boundaryDomain([])).toEqual({ x0: -1, x1: 1, y0: -1, y1: 1 });
    const g = gridPoints({ x0: 0, x1: 2, y0: 0, y1: 4 }, 2);
    expect(Array.from(g)).toEqual([0.5, 1, 1.5, 1, 0.5, 3, 1.5, 3]);
  });
});
