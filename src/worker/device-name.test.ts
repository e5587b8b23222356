import { describe, expect, it } from 'vitest';
import { describeDevice } from './device-name';

describe('describeDevice', () => {
  it('names a WebGPU device by its adapter, marking a software one', () => {
    expect(
      describeDevice({ backend: 'webgpu', adapter: ' nvidia  ampere ', software: false }),
    ).toBe('WebGPU: nvidia ampere');
    expect(describeDevice({ backend: 'webgpu', adapter: 'google', software: true })).toBe(
      'WebGPU: google (software)',
    );
    expect(
      describeDevice({ backend: 'webgpu', adapter: 'google swiftshader', software: true }),
    ).toBe('WebGPU: google swiftshader');
    expect(describeDevice({ backend: 'webgpu', adapter: null })).toBe('WebGPU: an unnamed adapter');
  });

  it('names a WebGL device by its renderer, or falls back to the CPU side', () => {
    expect(
      describeDevice({
        backend: 'webgl',
        webglRenderer: 'ANGLE (NVIDIA GeForce RTX 3060)',
        cores: 8,
      }),
    ).toBe('WebGL: ANGLE (NVIDIA GeForce RTX 3060)');
    expect(describeDevice({ backend: 'webgl', webglRenderer: '', cores: 8 })).toBe(
      'WebGL on an unnamed GPU, CPU, 8 threads',
    );
  });

  it('names the CPU side for wasm and cpu, with the wasm thread count when it differs', () => {
    expect(describeDevice({ backend: 'wasm', cores: 8, wasmThreads: 8 })).toBe('CPU, 8 threads');
    expect(describeDevice({ backend: 'wasm', cores: 8, wasmThreads: 1 })).toBe(
      'CPU, 8 threads (wasm on 1)',
    );
    expect(describeDevice({ backend: 'wasm', cores: null, wasmThreads: 1 })).toBe(
      'CPU, wasm on 1 thread',
    );
    expect(describeDevice({ backend: 'cpu', cores: 4, wasmThreads: 1 })).toBe('CPU, 4 threads');
    expect(describeDevice({ backend: 'cpu', cores: 0 })).toBe('CPU');
    expect(describeDevice({ backend: 'wasm', cores: 1 })).toBe('CPU, 1 thread');
  });

  it('gives the same name for the same facts and different names for different devices', () => {
    const a = describeDevice({ backend: 'webgpu', adapter: 'apple metal-3' });
    expect(describeDevice({ backend: 'webgpu', adapter: 'apple metal-3' })).toBe(a);
    expect(describeDevice({ backend: 'webgpu', adapter: 'intel gen-12lp' })).not.toBe(a);
    expect(describeDevice({ backend: 'wasm', cores: 8, wasmThreads: 4 })).not.toBe(
      describeDevice({ backend: 'wasm', cores: 8, wasmThreads: 1 }),
    );
  });
});
