import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAN, planFor, timeSteps, SLOW_PLAN } from './timing';

/** A step that reports the given durations in turn. */
function scripted(durations: number[]): { step: () => Promise<number>; calls: () => number } {
  let i = 0;
  return { step: async () => durations[i++] ?? Number.NaN, calls: () => i };
}

describe('timeSteps', () => {
  it('takes the warm-ups untimed, then the median of the repeats', async () => {
    const s = scripted([900, 700, 10, 30, 20, 50, 40]);
    const lines: string[] = [];
    const t = await timeSteps(s.step, DEFAULT_PLAN, (l) => lines.push(l));
    expect(t.warmupMs).toEqual([900, 700]);
    expect(t.samples).toEqual([10, 30, 20, 50, 40]);
    expect(t.median).toBe(30);
    expect(s.calls()).toBe(7);
    expect(lines[0]).toBe('warm-up 1/2: 900 ms');
    expect(lines.at(-1)).toBe('step 5/5: 40 ms');
  });

  it('takes fewer repeats when a warm-up step is slower than the threshold', async () => {
    const s = scripted([8000, 7000, 6000, 6200, 5800]);
    const t = await timeSteps(s.step, DEFAULT_PLAN);
    expect(t.samples).toEqual([6000, 6200, 5800]);
    expect(t.median).toBe(6000);
  });

  it('plans one warm-up and three repeats for webgpu and cpu', async () => {
    expect(planFor('webgpu')).toBe(SLOW_PLAN);
    expect(planFor('cpu')).toBe(SLOW_PLAN);
    expect(planFor('wasm')).toBe(DEFAULT_PLAN);
    const s = scripted([20000, 19000, 21000, 18000]);
    const t = await timeSteps(s.step, SLOW_PLAN);
    expect(t.warmupMs).toEqual([20000]);
    expect(t.median).toBe(19000);
  });
});
