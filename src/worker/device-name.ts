/** Names the device a tfjs backend runs on, for the latency lookup tables: the WebGPU adapter, the WebGL renderer, or the CPU side. */
import type { BackendName } from '../core/run/protocol';

/** What the worker could learn about its device; every field but `backend` may be unknown. */
export interface DeviceFacts {
  readonly backend: BackendName;
  /** The WebGPU adapter's vendor / architecture / device / description, joined (see adapter.ts). */
  readonly adapter?: string | null;
  /** Whether that adapter is a software one (SwiftShader, a fallback adapter). */
  readonly software?: boolean;
  /** The WebGL renderer string (unmasked when the browser allows it). */
  readonly webglRenderer?: string | null;
  /** Logical processors of the machine (navigator.hardwareConcurrency). */
  readonly cores?: number | null;
  /** Threads the wasm backend runs on (1 without cross-origin isolation). */
  readonly wasmThreads?: number | null;
}

/** Trimmed text with runs of white space collapsed, or null when nothing is left. */
function clean(text: string | null | undefined): string | null {
  const out = (text ?? '').replace(/\s+/g, ' ').trim();
  return out === '' ? null : out;
}

/** A positive whole count, or null. */
function count(n: number | null | undefined): number | null {
  return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : null;
}

/** "1 thread", "8 threads". */
function threads(n: number): string {
  return `${n} thread${n === 1 ? '' : 's'}`;
}

/** The CPU side: "CPU, 8 threads", with the wasm thread count when it differs ("CPU, 8 threads (wasm on 1)"). */
function cpuName(f: DeviceFacts): string {
  const cores = count(f.cores);
  const wasm = f.backend === 'wasm' ? count(f.wasmThreads) : null;
  if (cores === null) return wasm === null ? 'CPU' : `CPU, wasm on ${threads(wasm)}`;
  return wasm === null || wasm === cores
    ? `CPU, ${threads(cores)}`
    : `CPU, ${threads(cores)} (wasm on ${wasm})`;
}

/**
 * A short, stable description of the device behind `f.backend`, e.g. "WebGPU: nvidia ampere",
 * "WebGL: ANGLE (NVIDIA GeForce RTX 3060)", "CPU, 8 threads (wasm on 4)".
 */
export function describeDevice(f: DeviceFacts): string {
  if (f.backend === 'webgpu') {
    const adapter = clean(f.adapter) ?? 'an unnamed adapter';
    const software = f.software === true && !/swiftshader|fallback/i.test(adapter);
    return `WebGPU: ${adapter}${software ? ' (software)' : ''}`;
  }
  if (f.backend === 'webgl') {
    const renderer = clean(f.webglRenderer);
    return renderer === null ? `WebGL on an unnamed GPU, ${cpuName(f)}` : `WebGL: ${renderer}`;
  }
  return cpuName(f);
}
