/**
 * Backend negotiation as a pure decision over an environment: a hardware WebGPU adapter first,
 * then the fastest of wasm / webgl by a timed probe step, then a software WebGPU adapter, cpu last.
 * A forced choice is honoured when it works and otherwise falls back the same way, saying why.
 */
import type { BackendChoice, BackendName, BackendProbe, BackendReport } from '../core/run/protocol';
import type { AdapterCheck } from './adapter';

/** What negotiation may do to the tfjs instance it runs in. */
export interface BackendEnv {
  /** Inspects the WebGPU adapter without creating a device. */
  webgpuAdapter(): Promise<AdapterCheck>;
  /** Makes `name` the active backend; throws with a plain reason when it cannot start. */
  use(name: BackendName): Promise<void>;
  /** Median ms of the probe training step on the active backend; throws when the step fails. */
  probe(): Promise<number>;
}

/** The note a software WebGPU adapter gets: it is never preferred to wasm. */
export const SOFTWARE_ADAPTER_NOTE = 'software adapter (SwiftShader): far slower than wasm';

/** Formats a probe time for a sentence: "8.4 ms", "132 ms", "2.1 s". */
export function formatMs(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toFixed(1)} s`;
  return ms < 10 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`;
}

function message(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.trim().replace(/\.$/, '') || 'unknown error';
}

/** One negotiation in progress: the probes so far and the environment. */
class Negotiation {
  readonly probes: BackendProbe[] = [];
  /** Why the latest attempt failed, as a clause ("it could not start (…)"). */
  lastFailure = '';
  constructor(private readonly env: BackendEnv) {}

  /** Starts `name` and times the probe on it; records the outcome; resolves ms or null. */
  async attempt(name: BackendName, detail = ''): Promise<number | null> {
    try {
      await this.env.use(name);
    } catch (err) {
      this.probes.push({
        backend: name,
        ok: false,
        msPerStep: null,
        note: `could not start: ${message(err)}`,
      });
      this.lastFailure = `it could not start (${message(err)})`;
      return null;
    }
    try {
      const ms = await this.env.probe();
      if (!Number.isFinite(ms) || ms < 0) throw new Error(`the probe step reported ${ms} ms`);
      this.probes.push({
        backend: name,
        ok: true,
        msPerStep: ms,
        note: `probe step ${formatMs(ms)}${detail}`,
      });
      return ms;
    } catch (err) {
      this.probes.push({
        backend: name,
        ok: false,
        msPerStep: null,
        note: `probe step failed: ${message(err)}`,
      });
      this.lastFailure = `its probe step failed (${message(err)})`;
      return null;
    }
  }

  /** Records a WebGPU adapter check that rules WebGPU out. */
  skipWebgpu(note: string): void {
    this.probes.push({ backend: 'webgpu', ok: false, msPerStep: null, note });
  }

  /** Auto negotiation over the backends not in `exclude`; `webgpu` is what is known of the adapter. */
  async auto(
    exclude: ReadonlySet<BackendName>,
    webgpu: AdapterCheck | null,
  ): Promise<{ backend: BackendName; why: string }> {
    let adapter = webgpu;
    if (!exclude.has('webgpu')) {
      adapter = await this.env.webgpuAdapter();
      if (!adapter.available) this.skipWebgpu(`no adapter: ${adapter.why}`);
      else if (adapter.software) this.skipWebgpu(SOFTWARE_ADAPTER_NOTE);
      else {
        const ms = await this.attempt('webgpu', ` on ${adapter.description}`);
        if (ms !== null)
          return {
            backend: 'webgpu',
            why: `a hardware WebGPU adapter (${adapter.description}) ran the probe step in ${formatMs(ms)}`,
          };
      }
    }
    const gpuNote =
      adapter === null || exclude.has('webgpu')
        ? ''
        : !adapter.available
          ? `; WebGPU is unavailable: ${adapter.why}`
          : adapter.software
            ? `; the WebGPU adapter is a ${SOFTWARE_ADAPTER_NOTE}`
            : '; the WebGPU adapter failed its probe';
    const timed: { backend: BackendName; ms: number }[] = [];
    for (const name of ['wasm', 'webgl'] as const) {
      if (exclude.has(name)) continue;
      const ms = await this.attempt(name);
      if (ms !== null) timed.push({ backend: name, ms });
    }
    timed.sort((a, b) => a.ms - b.ms);
    for (const [i, pick] of timed.entries()) {
      try {
        await this.env.use(pick.backend);
      } catch {
        continue;
      }
      const rival = timed.find((t, j) => j !== i);
      const versus = rival ? ` against ${formatMs(rival.ms)} on ${rival.backend}` : '';
      const lead = rival && i === 0 ? 'was fastest in the probe' : 'ran the probe';
      return {
        backend: pick.backend,
        why: `${pick.backend} ${lead} (${formatMs(pick.ms)} a step${versus})${gpuNote}`,
      };
    }
    if (adapter?.available && adapter.software && !exclude.has('webgpu')) {
      const ms = await this.attempt('webgpu', ` on ${adapter.description}`);
      if (ms !== null)
        return {
          backend: 'webgpu',
          why: `neither wasm nor webgl could run, so the software WebGPU adapter (${adapter.description}) is used although it is slow`,
        };
    }
    if (!exclude.has('cpu') && (await this.attempt('cpu')) !== null) {
      return {
        backend: 'cpu',
        why: `no faster backend could run the probe step, so the slow cpu backend is used${gpuNote}`,
      };
    }
    const failures = this.probes.map((p) => `${p.backend}: ${p.note}`).join('; ');
    throw new Error(`No tfjs backend could run a training step (${failures}).`);
  }
}

/** Picks (or forces) a backend in `env`; the report explains the choice and every fallback. */
export async function negotiate(choice: BackendChoice, env: BackendEnv): Promise<BackendReport> {
  const run = new Negotiation(env);
  const report = (backend: BackendName, reason: string): BackendReport => ({
    backend,
    choice,
    reason,
    probes: run.probes,
  });
  if (choice === 'auto') {
    const pick = await run.auto(new Set(), null);
    return report(pick.backend, `Using ${pick.backend}: ${pick.why}.`);
  }
  let adapter: AdapterCheck | null = null;
  let failure: string;
  if (choice === 'webgpu') {
    adapter = await env.webgpuAdapter();
    if (!adapter.available) {
      run.skipWebgpu(`no adapter: ${adapter.why}`);
      failure = `no adapter is available: ${adapter.why}`;
    } else {
      const ms = await run.attempt('webgpu', ` on ${adapter.description}`);
      if (ms !== null) {
        const note = adapter.software
          ? `; its adapter is a ${SOFTWARE_ADAPTER_NOTE}`
          : ` on ${adapter.description}`;
        return report('webgpu', `Using webgpu as requested${note} (probe step ${formatMs(ms)}).`);
      }
      failure = run.lastFailure;
    }
  } else {
    const ms = await run.attempt(choice);
    if (ms !== null)
      return report(choice, `Using ${choice} as requested (probe step ${formatMs(ms)}).`);
    failure = run.lastFailure;
  }
  const exclude = new Set<BackendName>([choice]);
  const pick = await run.auto(exclude, adapter);
  return report(
    pick.backend,
    `${choice} was requested but ${failure}; using ${pick.backend}: ${pick.why}.`,
  );
}
