import { describe, expect, it } from 'vitest';
import type { BackendName } from '../core/run/protocol';
import type { AdapterCheck } from './adapter';
import { formatMs, negotiate, SOFTWARE_ADAPTER_NOTE, type BackendEnv } from './negotiate';

interface FakeConfig {
  readonly adapter: AdapterCheck;
  /** Backends that fail to start, with the reason. */
  readonly broken?: Partial<Record<BackendName, string>>;
  /** Probe result per backend: ms, or a string to throw. */
  readonly ms?: Partial<Record<BackendName, number | string>>;
}

function fakeEnv(
  config: FakeConfig,
): BackendEnv & { used: BackendName[]; active: () => BackendName | null } {
  const used: BackendName[] = [];
  let active: BackendName | null = null;
  return {
    used,
    active: () => active,
    webgpuAdapter: async () => config.adapter,
    use: async (name) => {
      used.push(name);
      const reason = config.broken?.[name];
      if (reason !== undefined) throw new Error(reason);
      active = name;
    },
    probe: async () => {
      if (active === null) throw new Error('no backend');
      const result = config.ms?.[active] ?? 10;
      if (typeof result === 'string') throw new Error(result);
      return result;
    },
  };
}

const none: AdapterCheck = { available: false, why: 'requestAdapter() returned no adapter' };
const software: AdapterCheck = {
  available: true,
  software: true,
  description: 'Google SwiftShader',
};
const hardware: AdapterCheck = { available: true, software: false, description: 'nvidia ampere' };

describe('auto negotiation', () => {
  it('takes a hardware WebGPU adapter once its probe step runs', async () => {
    const env = fakeEnv({ adapter: hardware, ms: { webgpu: 3 } });
    const report = await negotiate('auto', env);
    expect(report.backend).toBe('webgpu');
    expect(report.choice).toBe('auto');
    expect(report.reason).toContain('hardware WebGPU adapter (nvidia ampere)');
    expect(env.used).toEqual(['webgpu']);
    expect(report.probes).toEqual([
      { backend: 'webgpu', ok: true, msPerStep: 3, note: 'probe step 3.0 ms on nvidia ampere' },
    ]);
  });

  it('never prefers a software adapter: the fastest of wasm and webgl wins and stays active', async () => {
    const env = fakeEnv({ adapter: software, ms: { wasm: 40, webgl: 900 } });
    const report = await negotiate('auto', env);
    expect(report.backend).toBe('wasm');
    expect(env.active()).toBe('wasm');
    expect(env.used).toEqual(['wasm', 'webgl', 'wasm']);
    expect(report.probes[0]).toEqual({
      backend: 'webgpu',
      ok: false,
      msPerStep: null,
      note: SOFTWARE_ADAPTER_NOTE,
    });
    expect(report.reason).toBe(
      `Using wasm: wasm was fastest in the probe (40 ms a step against 900 ms on webgl); the WebGPU adapter is a ${SOFTWARE_ADAPTER_NOTE}.`,
    );
  });

  it('picks webgl when its probe is faster', async () => {
    const env = fakeEnv({ adapter: none, ms: { wasm: 80, webgl: 20 } });
    const report = await negotiate('auto', env);
    expect(report.backend).toBe('webgl');
    expect(env.active()).toBe('webgl');
    expect(report.reason).toMatch(
      /; WebGPU is unavailable: requestAdapter\(\) returned no adapter\.$/,
    );
  });

  it('skips a backend that cannot start and says why', async () => {
    const env = fakeEnv({
      adapter: none,
      broken: { webgl: 'no WebGL context could be created' },
      ms: { wasm: 50 },
    });
    const report = await negotiate('auto', env);
    expect(report.backend).toBe('wasm');
    expect(report.reason).toContain('wasm ran the probe (50 ms a step)');
    expect(report.probes.find((p) => p.backend === 'webgl')).toEqual({
      backend: 'webgl',
      ok: false,
      msPerStep: null,
      note: 'could not start: no WebGL context could be created',
    });
  });

  it('treats a failing or non-finite probe step as unusable', async () => {
    const env = fakeEnv({
      adapter: hardware,
      ms: { webgpu: 'device lost', wasm: Number.NaN, webgl: 70 },
    });
    const report = await negotiate('auto', env);
    expect(report.backend).toBe('webgl');
    expect(report.reason).toContain('the WebGPU adapter failed its probe');
    expect(report.probes.map((p) => [p.backend, p.ok])).toEqual([
      ['webgpu', false],
      ['wasm', false],
      ['webgl', true],
    ]);
  });

  it('falls back to a software adapter, then to cpu, when wasm and webgl fail', async () => {
    const broken = { wasm: 'no wasm', webgl: 'no gl' };
    const soft = await negotiate('auto', fakeEnv({ adapter: software, broken }));
    expect(soft.backend).toBe('webgpu');
    expect(soft.reason).toContain('slow');
    const cpu = await negotiate('auto', fakeEnv({ adapter: none, broken }));
    expect(cpu.backend).toBe('cpu');
    expect(cpu.reason).toContain('slow cpu backend');
  });

  it('throws a plain error when nothing can train', async () => {
    const env = fakeEnv({ adapter: none, broken: { wasm: 'a', webgl: 'b', cpu: 'c' } });
    await expect(negotiate('auto', env)).rejects.toThrow(
      /No tfjs backend could run a training step \(webgpu: no adapter/,
    );
  });
});

describe('forced choices', () => {
  it('honours a working forced backend', async () => {
    const report = await negotiate('wasm', fakeEnv({ adapter: hardware, ms: { wasm: 12 } }));
    expect(report).toMatchObject({
      backend: 'wasm',
      choice: 'wasm',
      reason: 'Using wasm as requested (probe step 12 ms).',
    });
  });

  it('honours forced webgpu on a software adapter but warns', async () => {
    const report = await negotiate('webgpu', fakeEnv({ adapter: software, ms: { webgpu: 2500 } }));
    expect(report.backend).toBe('webgpu');
    expect(report.reason).toBe(
      `Using webgpu as requested; its adapter is a ${SOFTWARE_ADAPTER_NOTE} (probe step 2.5 s).`,
    );
  });

  it('falls back from webgpu without an adapter and names the reason', async () => {
    const env = fakeEnv({ adapter: none, ms: { wasm: 30, webgl: 60 } });
    const report = await negotiate('webgpu', env);
    expect(report.backend).toBe('wasm');
    expect(report.choice).toBe('webgpu');
    expect(report.reason).toMatch(
      /^webgpu was requested but no adapter is available: requestAdapter\(\) returned no adapter; using wasm: wasm was fastest/,
    );
    expect(env.used).not.toContain('webgpu');
  });

  it('falls back from a forced backend that fails without retrying it', async () => {
    const env = fakeEnv({ adapter: none, broken: { webgl: 'no WebGL context' }, ms: { wasm: 30 } });
    const report = await negotiate('webgl', env);
    expect(report.backend).toBe('wasm');
    expect(report.reason).toMatch(
      /^webgl was requested but it could not start \(no WebGL context\); using wasm/,
    );
    expect(env.used.filter((b) => b === 'webgl')).toHaveLength(1);
  });
});

describe('formatMs', () => {
  it('formats milliseconds and seconds readably', () => {
    expect(formatMs(8.44)).toBe('8.4 ms');
    expect(formatMs(131.6)).toBe('132 ms');
    expect(formatMs(2140)).toBe('2.1 s');
  });
});
