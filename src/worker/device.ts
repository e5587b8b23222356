/** Reads, inside the browser worker, what can be known of the device behind the active backend, and names it. */
import type { BackendName } from '../core/run/protocol';
import { nativeThreads } from '../engine/kernels/native/instance';
import { inspectWebgpu } from './adapter';
import { describeDevice, type DeviceFacts } from './device-name';

/** The WebGL renderer string from a throw-away context (unmasked when the browser allows it), or null. */
function webglRenderer(): string | null {
  if (typeof OffscreenCanvas === 'undefined') return null;
  try {
    const canvas = new OffscreenCanvas(1, 1);
    const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
    if (gl === null) return null;
    const debug = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer: unknown = gl.getParameter(
      debug === null ? gl.RENDERER : debug.UNMASKED_RENDERER_WEBGL,
    );
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return typeof renderer === 'string' ? renderer : null;
  } catch {
    return null;
  }
}

/** What this worker can learn of the device `backend` runs on; never throws. */
export async function readDeviceFacts(backend: BackendName): Promise<DeviceFacts> {
  const cores = typeof navigator === 'undefined' ? null : navigator.hardwareConcurrency;
  if (backend === 'webgpu') {
    const check = await inspectWebgpu(typeof navigator === 'undefined' ? undefined : navigator.gpu);
    return check.available
      ? { backend, adapter: check.description, software: check.software, cores }
      : { backend, cores };
  }
  if (backend === 'webgl') return { backend, webglRenderer: webglRenderer(), cores };
  // The threads the engine's kernels run on (its pool's; tfjs's own pool stays at one thread).
  return { backend, cores, wasmThreads: backend === 'wasm' ? nativeThreads() : null };
}

/** The name of the device behind `backend` for the latency tables, e.g. "WebGPU: nvidia ampere" or "CPU, 8 threads". */
export async function deviceName(backend: BackendName): Promise<string> {
  try {
    return describeDevice(await readDeviceFacts(backend));
  } catch {
    return describeDevice({ backend });
  }
}
