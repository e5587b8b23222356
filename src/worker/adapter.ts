/** Finds the WebGPU adapter a worker would get and tells hardware adapters from software ones (SwiftShader). */

/** What negotiation needs to know about WebGPU before trying it. */
export type AdapterCheck =
  | { readonly available: false; readonly why: string }
  | { readonly available: true; readonly software: boolean; readonly description: string };

/** Reads a property of an unknown object without trusting its shape. */
function prop(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

/** The adapter's vendor / architecture / device / description strings, joined, from `info` or a legacy info object. */
function describe(info: unknown): string {
  const parts = ['vendor', 'architecture', 'device', 'description']
    .map((key) => prop(info, key))
    .filter((v): v is string => typeof v === 'string' && v.trim() !== '');
  return parts.join(' ').trim();
}

/**
 * Classifies an adapter object. Software when `info.isFallbackAdapter` (current spec) or the older
 * `adapter.isFallbackAdapter` is true, or when its description names SwiftShader; `legacyInfo` is
 * what the deprecated `requestAdapterInfo()` returned, for browsers without `adapter.info`.
 */
export function classifyAdapter(adapter: unknown, legacyInfo?: unknown): AdapterCheck {
  const info = prop(adapter, 'info') ?? legacyInfo;
  const fallback =
    prop(info, 'isFallbackAdapter') === true || prop(adapter, 'isFallbackAdapter') === true;
  const text = describe(info);
  const swiftShader = /swiftshader/i.test(text);
  const description = text === '' ? (fallback ? 'a fallback adapter' : 'an unnamed adapter') : text;
  return { available: true, software: fallback || swiftShader, description };
}

/** Asks `navigator.gpu` (passed in, so tests can fake it) for a high-performance adapter and classifies it. */
export async function inspectWebgpu(gpu: unknown): Promise<AdapterCheck> {
  const request = prop(gpu, 'requestAdapter');
  if (typeof request !== 'function') {
    return { available: false, why: 'this browser exposes no WebGPU (navigator.gpu is missing)' };
  }
  let adapter: unknown;
  try {
    adapter = await (request as (options: object) => Promise<unknown>).call(gpu, {
      powerPreference: 'high-performance',
    });
  } catch (err) {
    return {
      available: false,
      why: `requestAdapter() failed: ${err instanceof Error ? err.message : String(err)}`,
    };
  }
  if (adapter === null || adapter === undefined) {
    return {
      available: false,
      why: 'requestAdapter() returned no adapter (WebGPU is disabled or unsupported here)',
    };
  }
  let legacyInfo: unknown;
  const requestInfo = prop(adapter, 'requestAdapterInfo');
  if (prop(adapter, 'info') === undefined && typeof requestInfo === 'function') {
    try {
      legacyInfo = await (requestInfo as () => Promise<unknown>).call(adapter);
    } catch {
      legacyInfo = undefined;
    }
  }
  return classifyAdapter(adapter, legacyInfo);
}
