/**
 * The latency lookup tables of this worker, one per backend, device and batch size, kept for the
 * worker's lifetime: a later run on the same backend and device measures only the keys the
 * earlier ones lacked (a table grows with every space measured). Also the name of the device the
 * worker runs on, which the worker sets once the backend is chosen.
 */
import type { LatencyTable } from '../../core/cost/latency';

const tables = new Map<string, LatencyTable>();
let deviceName: string | null = null;

/** The cache key of a table: backend, device and examples per timed pass. */
function cacheKey(backend: string, device: string, batch: number): string {
  return `${backend}\u0000${device}\u0000${batch}`;
}

/** Names the device the worker's backend runs on (the GPU adapter's description, say); blank names are ignored. */
export function setLatencyDevice(name: string): void {
  const trimmed = name.trim();
  if (trimmed !== '') deviceName = trimmed;
}

/** The device name used when none was set: the CPU side, with its thread count where the runtime tells it. */
export function defaultLatencyDevice(): string {
  const threads = typeof navigator === 'undefined' ? undefined : navigator.hardwareConcurrency;
  return typeof threads === 'number' && threads > 0 ? `CPU, ${threads} threads` : 'CPU';
}

/** The device latency tables are measured on: the name set by setLatencyDevice, else the default. */
export function latencyDevice(): string {
  return deviceName ?? defaultLatencyDevice();
}

/** The table kept for `backend`, `device` and `batch`, or null when none has been measured. */
export function cachedLatencyTable(
  backend: string,
  device: string,
  batch: number,
): LatencyTable | null {
  return tables.get(cacheKey(backend, device, batch)) ?? null;
}

/** Keeps `table` (it replaces an earlier one of the same backend, device and batch). */
export function storeLatencyTable(table: LatencyTable): void {
  tables.set(cacheKey(table.backend, table.device, table.batch), table);
}

/** Forgets every kept table and the device name (a fresh worker's state). */
export function resetLatencyCache(): void {
  tables.clear();
  deviceName = null;
}
