import { describe, expect, it } from 'vitest';
import { classifyAdapter, inspectWebgpu } from './adapter';

describe('classifyAdapter', () => {
  it('reads isFallbackAdapter from adapter.info (current spec)', () => {
    const check = classifyAdapter({
      info: { vendor: 'google', architecture: 'swiftshader', isFallbackAdapter: true },
    });
    expect(check).toEqual({ available: true, software: true, description: 'google swiftshader' });
  });

  it('reads the older adapter.isFallbackAdapter', () => {
    expect(classifyAdapter({ isFallbackAdapter: true, info: { vendor: 'acme' } })).toMatchObject({
      software: true,
    });
  });

  it('calls an adapter software when its description names SwiftShader', () => {
    const check = classifyAdapter({
      info: { description: 'SwiftShader Device (Subzero)', isFallbackAdapter: false },
    });
    expect(check).toMatchObject({ software: true, description: 'SwiftShader Device (Subzero)' });
  });

  it('takes a named hardware adapter as hardware', () => {
    const check = classifyAdapter({
      isFallbackAdapter: false,
      info: { vendor: 'nvidia', architecture: 'ampere' },
    });
    expect(check).toEqual({ available: true, software: false, description: 'nvidia ampere' });
  });

  it('uses legacy requestAdapterInfo() output when adapter.info is missing', () => {
    expect(classifyAdapter({}, { vendor: 'google', device: 'SwiftShader' })).toMatchObject({
      software: true,
    });
    expect(classifyAdapter({}, undefined)).toEqual({
      available: true,
      software: false,
      description: 'an unnamed adapter',
    });
  });
});

describe('inspectWebgpu', () => {
  it('reports a missing navigator.gpu', async () => {
    expect(await inspectWebgpu(undefined)).toEqual({
      available: false,
      why: 'this browser exposes no WebGPU (navigator.gpu is missing)',
    });
  });

  it('reports a null adapter and a throwing requestAdapter', async () => {
    const nullGpu = { requestAdapter: async () => null };
    expect(await inspectWebgpu(nullGpu)).toMatchObject({
      available: false,
      why: expect.stringContaining('returned no adapter'),
    });
    const throwing = {
      requestAdapter: async () => {
        throw new Error('blocked');
      },
    };
    expect(await inspectWebgpu(throwing)).toEqual({
      available: false,
      why: 'requestAdapter() failed: blocked',
    });
  });

  it('asks for a high-performance adapter and falls back to requestAdapterInfo()', async () => {
    let options: unknown = null;
    const gpu = {
      requestAdapter: async (o: unknown) => {
        options = o;
        return {
          isFallbackAdapter: false,
          requestAdapterInfo: async () => ({ vendor: 'google', architecture: 'swiftshader' }),
        };
      },
    };
    expect(await inspectWebgpu(gpu)).toEqual({
      available: true,
      software: true,
      description: 'google swiftshader',
    });
    expect(options).toEqual({ powerPreference: 'high-performance' });
  });
});
