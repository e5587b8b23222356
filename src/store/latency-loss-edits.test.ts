import { describe, expect, it } from 'vitest';
import { defaultExperiment } from '../core/experiment/defaults';
import { draftAt, liveDrafts, typedPaths, withValueAtPath } from '../core/experiment/drafts';
import { withLatencyForm } from '../core/latency-loss/spec';
import { validateExperiment } from '../core/experiment/validate';
import { fieldOfPath, groupProblems, shownFields } from './form-problems';
import { withLatencyLoss } from './strategy-edits';

const spec = defaultExperiment('teaching', 'spiral', 1);

describe('latency loss on the form', () => {
  it('edits the loss of a DARTS strategy and leaves a strategy without one alone', () => {
    const on = withLatencyLoss(spec.strategy, (l) => withLatencyForm(l, 'fbnet'));
    expect(on.kind === 'darts' && on.latency.form).toBe('fbnet');
    expect(withLatencyLoss(spec.strategy, (l) => l)).toBe(spec.strategy);
  });

  it('puts the loss’s problems beside its fields', () => {
    expect(fieldOfPath('strategy.latency.targetMs')).toBe('latency.targetMs');
    expect(fieldOfPath('strategy.latency')).toBe('latency');
    const strategy = withLatencyLoss(spec.strategy, (l) => ({
      ...withLatencyForm(l, 'mul#log'),
      targetMs: -2,
    }));
    const bad = { ...spec, strategy };
    const grouped = groupProblems(validateExperiment(bad), shownFields(bad));
    expect(grouped.byField.get('latency.targetMs')?.[0]?.message).toBe(
      'Target latency (ms) must be greater than 0.001 (got -2).',
    );
    expect(grouped.other).toEqual([]);
  });

  it('keeps what was typed into the target as a draft', () => {
    const path = 'strategy.latency.targetMs';
    expect(typedPaths(spec)).toContain(path);
    const typed = withValueAtPath(spec, path, 0.5);
    expect(typed.strategy.kind === 'darts' && typed.strategy.latency.targetMs).toBe(0.5);
    expect(draftAt(typed, { [path]: '0.50' }, path)).toBe('0.50');
    expect(liveDrafts(typed, { [path]: '0.7' })).toEqual({});
  });
});
