import { describe, expect, it } from 'vitest';
import { defaultExperiment } from '../core/experiment/defaults';
import { defaultStrategy } from '../core/strategy/registry';
import { parseArgs } from './args';
import { readLatencyFlags, withLatencyRequest } from './latency-options';

const darts = defaultExperiment('teaching', 'spiral', 1);

describe('latency flags of run', () => {
  it('reads a target and a form, and refuses bad ones in plain words', () => {
    const flags = (...argv: string[]) => readLatencyFlags(parseArgs(argv));
    expect(flags('--latency-target', '0.5')).toEqual({ targetMs: 0.5, form: null });
    expect(flags('--latency-form', 'fbnet')).toEqual({ targetMs: null, form: 'fbnet' });
    expect(flags('--latency-target', 'fast')).toEqual({
      problem: '--latency-target must be a number of ms above 0 (got "fast").',
    });
    expect(flags('--latency-form', 'slow')).toEqual({
      problem: '--latency-form must be one of off, mul#log, add#linear, fbnet (got "slow").',
    });
  });

  it('a target alone turns on mul#log at the paper defaults; a form takes its own', () => {
    expect(darts.strategy.kind).toBe('darts');
    const on = withLatencyRequest(darts, { targetMs: 0.5, form: null });
    if (!on.ok || on.spec.strategy.kind !== 'darts') throw new Error('refused');
    expect(on.spec.strategy.latency).toEqual({
      form: 'mul#log',
      targetMs: 0.5,
      alpha: 0.2,
      beta: 0.3,
      lambda: 0.1,
    });
    const fb = withLatencyRequest(on.spec, { targetMs: null, form: 'fbnet' });
    if (!fb.ok || fb.spec.strategy.kind !== 'darts') throw new Error('refused');
    expect(fb.spec.strategy.latency).toMatchObject({ form: 'fbnet', targetMs: 0.5, beta: 0.6 });
    expect(withLatencyRequest(darts, { targetMs: null, form: null })).toEqual({
      ok: true,
      spec: darts,
    });
  });

  it('applies to GDAS and PC-DARTS as to DARTS', () => {
    for (const kind of ['gdas', 'pc-darts'] as const) {
      const spec = { ...darts, strategy: defaultStrategy(kind, darts.dataset, 10n, 'teaching') };
      const on = withLatencyRequest(spec, { targetMs: 0.5, form: 'add#linear' });
      if (!on.ok || !('latency' in on.spec.strategy)) throw new Error(`${kind} refused`);
      expect(on.spec.strategy.kind).toBe(kind);
      expect(on.spec.strategy.latency).toMatchObject({ form: 'add#linear', targetMs: 0.5 });
    }
  });

  it('refuses a strategy without a latency loss and a target out of range', () => {
    const spos = {
      ...darts,
      strategy: defaultStrategy('spos', darts.dataset, 10n, 'teaching'),
    };
    expect(withLatencyRequest(spos, { targetMs: 1, form: null })).toEqual({
      ok: false,
      problems: [
        '--latency-target and --latency-form apply to differentiable search (darts, gdas, pc-darts); this experiment runs spos.',
      ],
    });
    expect(withLatencyRequest(darts, { targetMs: 1e-4, form: null })).toEqual({
      ok: false,
      problems: [
        'The experiment has 1 problem:',
        'strategy.latency.targetMs: Target latency (ms) must be greater than 0.001 (got 0.0001).',
      ],
    });
  });
});
