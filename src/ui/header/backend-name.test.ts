import { describe, expect, it } from 'vitest';
import { backendName, describeThreads } from './backend-name';

describe('the backend badge name', () => {
  it('names a backend without threads as itself', () => {
    expect(backendName({ backend: 'webgpu' })).toBe('webgpu');
  });

  it('names wasm with its thread count, singular and plural', () => {
    expect(backendName({ backend: 'wasm', threads: { count: 2, limit: null } })).toBe(
      'wasm, 2 threads',
    );
    expect(describeThreads({ count: 1, limit: null })).toBe('1 thread');
  });

  it('says why wasm runs on fewer threads than cores', () => {
    expect(
      backendName({
        backend: 'wasm',
        threads: { count: 1, limit: 'the page is not cross-origin isolated' },
      }),
    ).toBe('wasm, 1 thread: the page is not cross-origin isolated');
  });
});
