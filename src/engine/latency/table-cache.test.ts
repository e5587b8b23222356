import { afterEach, describe, expect, it } from 'vitest';
import type { LatencyTable } from '../../core/cost/latency';
import {
  cachedLatencyTable,
  defaultLatencyDevice,
  latencyDevice,
  resetLatencyCache,
  setLatencyDevice,
  storeLatencyTable,
} from './table-cache';

const table = (backend: string, device: string, batch: number, ms: number): LatencyTable => ({
  backend,
  device,
  created: '2026-01-01T00:00:00.000Z',
  batch,
  warmup: 1,
  repeats: 3,
  entries: { 'dense_relu|vector|4>4|1x1|s1': ms },
});

describe('latency table cache', () => {
  afterEach(() => {
    resetLatencyCache();
  });

  it('keeps one table per backend, device and batch, a later one replacing an earlier one', () => {
    expect(cachedLatencyTable('wasm', 'CPU', 1)).toBeNull();
    storeLatencyTable(table('wasm', 'CPU', 1, 0.5));
    storeLatencyTable(table('webgl', 'CPU', 1, 0.7));
    storeLatencyTable(table('wasm', 'CPU', 4, 0.9));
    expect(cachedLatencyTable('wasm', 'CPU', 1)?.entries).toEqual({
      'dense_relu|vector|4>4|1x1|s1': 0.5,
    });
    expect(cachedLatencyTable('webgl', 'CPU', 1)?.backend).toBe('webgl');
    expect(cachedLatencyTable('wasm', 'CPU', 4)?.batch).toBe(4);
    expect(cachedLatencyTable('wasm', 'GPU', 1)).toBeNull();
    storeLatencyTable(table('wasm', 'CPU', 1, 0.6));
    expect(cachedLatencyTable('wasm', 'CPU', 1)?.entries).toEqual({
      'dense_relu|vector|4>4|1x1|s1': 0.6,
    });
    resetLatencyCache();
    expect(cachedLatencyTable('wasm', 'CPU', 1)).toBeNull();
  });

  it('names the device as set, ignoring blank names, and falls back to the CPU side', () => {
    expect(defaultLatencyDevice()).toMatch(/^CPU(, \d+ threads)?$/);
    expect(latencyDevice()).toBe(defaultLatencyDevice());
    setLatencyDevice('  WebGPU: nvidia ampere ');
    expect(latencyDevice()).toBe('WebGPU: nvidia ampere');
    setLatencyDevice('   ');
    expect(latencyDevice()).toBe('WebGPU: nvidia ampere');
    resetLatencyCache();
    expect(latencyDevice()).toBe(defaultLatencyDevice());
  });
});
