import { describe, expect, it } from 'vitest';
import type { RunEstimate } from '../../core/cost/run-estimate';
import { defaultExperiment } from '../../core/experiment/defaults';
import { estimateLine } from './estimate-text';

const spec = defaultExperiment('teaching', 'spiral');
const subject = { spec, backendChoice: 'auto' as const };

const estimate = (totalSeconds: number, probeMs = 1200): RunEstimate => ({
  backend: 'wasm',
  totalSeconds,
  phases: { training: totalSeconds - 30, diagnostics: 30 },
  units: {},
  timings: {},
  probeMs,
});

describe('estimateLine', () => {
  it('shows nothing when there is no estimate to show', () => {
    expect(estimateLine({ state: 'none' })).toBeNull();
  });

  it('says it is estimating', () => {
    expect(estimateLine({ state: 'estimating', ...subject })?.text).toBe(
      'Expected run time: estimating…',
    );
  });

  it('gives the rounded time, the backend and where it comes from, with the breakdown as detail', () => {
    const line = estimateLine({ state: 'ready', estimate: estimate(130), ...subject });
    expect(line?.text).toBe(
      'Expected run time: about 2 min 10 s on wasm (from a timed probe step)',
    );
    expect(line?.over).toBeNull();
    expect(line?.detail).toMatch(/^training 1 min 40 s · collapse diagnostics 30 s; /);
    expect(line?.detail).toMatch(/the probe took 1\.2 s\.$/);
    const cached = estimateLine({ state: 'ready', estimate: estimate(130, 0), ...subject });
    expect(cached?.detail).toMatch(/measured earlier on this backend\.$/);
  });

  it('says plainly when the run would take more than the 3 minutes of a default', () => {
    expect(estimateLine({ state: 'ready', estimate: estimate(180), ...subject })?.over).toBeNull();
    const over = estimateLine({ state: 'ready', estimate: estimate(260), ...subject });
    expect(over?.text).toContain('about 4 min 20 s');
    expect(over?.over).toBe(
      'That is more than the 3 minutes a default run is meant to take; fewer epochs, examples or candidates shorten it.',
    );
  });

  it('says why there is no estimate when the probe failed', () => {
    const line = estimateLine({
      state: 'failed',
      message: 'The run time could not be estimated: x',
      ...subject,
    });
    expect(line?.text).toBe('Expected run time: unknown. The run time could not be estimated: x');
  });
});
