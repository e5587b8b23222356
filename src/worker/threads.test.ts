import { describe, expect, it } from 'vitest';
import { chooseWasmThreads, MAX_WASM_THREADS, NOT_ISOLATED, wasmThreadsOutcome } from './threads';

describe('chooseWasmThreads', () => {
  it('uses every logical core of an isolated page but one, left for the page, not half of them', () => {
    expect(chooseWasmThreads({ cores: 2, isolated: true })).toEqual({
      count: 1,
      limit: 'one of 2 cores left for the page',
    });
    expect(chooseWasmThreads({ cores: 6, isolated: true })).toEqual({
      count: 5,
      limit: 'one of 6 cores left for the page',
    });
    expect(chooseWasmThreads({ cores: 1, isolated: true })).toEqual({ count: 1, limit: null });
  });

  it('caps the count at the pthread pool size and says so', () => {
    expect(MAX_WASM_THREADS).toBe(8);
    expect(chooseWasmThreads({ cores: 9, isolated: true }).count).toBe(8);
    expect(chooseWasmThreads({ cores: 16, isolated: true })).toEqual({
      count: 8,
      limit: 'capped at 8 of 16 cores',
    });
  });

  it('falls back to one thread with the reason when the page is not cross-origin isolated', () => {
    expect(chooseWasmThreads({ cores: 8, isolated: false })).toEqual({
      count: 1,
      limit: NOT_ISOLATED,
    });
    expect(NOT_ISOLATED).toBe('the page is not cross-origin isolated');
  });

  it('takes one thread when the browser hides or garbles its core count', () => {
    for (const cores of [null, 0, -2, Number.NaN]) {
      const t = chooseWasmThreads({ cores, isolated: true });
      expect(t.count).toBe(1);
      expect(t.limit).toMatch(/does not report its CPU cores/);
    }
    expect(chooseWasmThreads({ cores: 3.5, isolated: true }).count).toBe(2);
  });
});

describe('wasmThreadsOutcome', () => {
  it('keeps the choice when the engine’s kernels started the threads asked for', () => {
    const choice = { count: 2, limit: 'one of 3 cores left for the page' };
    expect(wasmThreadsOutcome(choice, 2, null)).toBe(choice);
    const one = { count: 1, limit: NOT_ISOLATED };
    expect(wasmThreadsOutcome(one, 1, null)).toBe(one);
  });

  it('says why the kernels came up on fewer threads than asked', () => {
    expect(
      wasmThreadsOutcome(
        { count: 4, limit: null },
        1,
        'this browser cannot run WebAssembly threads',
      ),
    ).toEqual({ count: 1, limit: 'this browser cannot run WebAssembly threads' });
    expect(
      wasmThreadsOutcome(
        { count: 3, limit: 'one of 4 cores left for the page' },
        1,
        "the engine's thread pool did not start",
      ),
    ).toEqual({ count: 1, limit: "the engine's thread pool did not start" });
  });

  it('reports a partial start with the count it reached when no reason is known', () => {
    expect(wasmThreadsOutcome({ count: 4, limit: null }, 3, null)).toEqual({
      count: 3,
      limit: '3 of 4 threads started',
    });
  });
});
