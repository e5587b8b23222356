import { describe, expect, it } from 'vitest';
import { latencyKeys, latencyKeyString } from '../cost/latency';
import { expectedLatencyMs, latencyPlan } from './expectation';
import { latencyObjective } from './forms';
import { MICRO_INPUT, microSpace, microTable } from './latency-loss.testkit';
import { LATENCY_OFF, latencyLabel, withLatencyForm, type LatencyLossSpec } from './spec';
import { validateLatencyLoss } from './validate';

describe('expected latency', () => {
  it('the hand table covers exactly the keys of the micro space', () => {
    const keys = latencyKeys(microSpace(), MICRO_INPUT, 3).map(latencyKeyString);
    expect(keys.sort()).toEqual(Object.keys(microTable().entries).sort());
  });

  it('equals the sum worked out by hand on a tiny table', () => {
    const plan = latencyPlan(microSpace(), MICRO_INPUT, 3, microTable());
    // Fixed: stem 1, two stride-1 preprocess 2 each, one stride-2 preprocess 4, head 8; node sums
    // of 2 tensors in the three cells: 0.01 + 0.02 + 0.02 (the micro cell has one output node).
    expect(plan.constantMs).toBeCloseTo(17.05, 12);
    // ops: none, max_pool_3x3, skip_connect, sep_conv_3x3; the normal cell sits at two places.
    expect(plan.roles.normal?.costs).toEqual([
      [0, 0.15000000000000002, 0, 0.9],
      [0, 0.15000000000000002, 0, 0.9],
    ]);
    expect(plan.roles.reduce?.costs).toEqual([
      [0, 0.2, 0.3, 0.7],
      [0, 0.2, 0.3, 0.7],
    ]);
    expect(plan.roles.normal?.counted[0]).toEqual([false, true, true, true]);
    const probs = {
      normal: [
        [0.4, 0.3, 0.2, 0.1],
        [0.1, 0.1, 0.1, 0.7],
      ],
      reduce: [
        [0.25, 0.25, 0.25, 0.25],
        [0, 0, 1, 0],
      ],
    };
    // Renormalised without none: e0 0.5*0.15 + (1/6)*0.9; e1 (1/9)*0.15 + (7/9)*0.9;
    // reduce e0 (0.2 + 0.3 + 0.7)/3; reduce e1 skip 0.3.
    const byHand = 17.05 + 0.075 + 0.15 + 0.15 / 9 + 6.3 / 9 + 0.4 + 0.3;
    expect(expectedLatencyMs(plan, probs)).toBeCloseTo(byHand, 12);
  });

  it('weights an edge by the share of a node’s inputs the derivation keeps', () => {
    const space = microSpace();
    const keepOne = {
      ...space,
      normal: { ...space.normal, derive: { rule: 'top-k' as const, k: 1 } },
    };
    const table = microTable();
    const entries = { ...table.entries, 'node_sum|image|2>2|4x4|s1|x2': 0 };
    // With one kept input the nodes of the normal cells sum nothing (one key fewer is needed).
    const plan = latencyPlan(keepOne, MICRO_INPUT, 3, { ...table, entries });
    expect(plan.roles.normal?.costs[0]).toEqual([0, 0.07500000000000001, 0, 0.45]);
    expect(plan.constantMs).toBeCloseTo(17 + 0.02, 12);
  });

  it('names the missing entry when the table lacks one', () => {
    const table = microTable();
    const { ['head|image|4>3|2x2|s1']: _, ...entries } = table.entries;
    expect(() => latencyPlan(microSpace(), MICRO_INPUT, 3, { ...table, entries })).toThrow(
      /no entry for head\|image\|4>3\|2x2\|s1/,
    );
  });
});

describe('latency loss forms', () => {
  const on = (form: LatencyLossSpec['form'], targetMs = 2): LatencyLossSpec => ({
    ...withLatencyForm(LATENCY_OFF, form),
    targetMs,
  });

  it('follows ProxylessNAS and FBNet, logs in microseconds', () => {
    expect(latencyObjective(1.5, 3, LATENCY_OFF)).toBe(1.5);
    expect(latencyObjective(1.5, 3, on('mul#log'))).toBeCloseTo(
      0.2 * 1.5 * Math.pow(Math.log(3000) / Math.log(2000), 0.3),
      12,
    );
    expect(latencyObjective(1.5, 3, on('add#linear'))).toBeCloseTo(1.5 + 0.1 * 0.5, 12);
    expect(latencyObjective(1.5, 3, on('fbnet'))).toBeCloseTo(
      0.2 * 1.5 * Math.pow(Math.log(3000), 0.6),
      12,
    );
    // At the target, mul#log leaves α·CE and add#linear CE.
    expect(latencyObjective(1.5, 2, on('mul#log'))).toBeCloseTo(0.3, 12);
    expect(latencyObjective(1.5, 2, on('add#linear'))).toBe(1.5);
  });

  it('switching form takes the paper defaults of the new form and keeps the target', () => {
    const fb = withLatencyForm({ ...LATENCY_OFF, targetMs: 4, alpha: 3 }, 'fbnet');
    expect(fb).toEqual({ form: 'fbnet', targetMs: 4, alpha: 0.2, beta: 0.6, lambda: 0.1 });
    expect(withLatencyForm(fb, 'mul#log')).toMatchObject({ alpha: 0.2, beta: 0.3 });
    expect(latencyLabel(on('mul#log', 1.5))).toBe('mul#log, T = 1.5 ms');
    expect(latencyLabel(LATENCY_OFF)).toBe('');
  });

  it('validates the form, the target and the form’s coefficients in plain words', () => {
    expect(validateLatencyLoss(LATENCY_OFF, 'strategy.latency')).toEqual([]);
    expect(validateLatencyLoss({ ...LATENCY_OFF, targetMs: -1 }, 'strategy.latency')).toEqual([]);
    const bad = { ...on('mul#log'), targetMs: 0, beta: Number.NaN };
    expect(validateLatencyLoss(bad, 'strategy.latency')).toEqual([
      {
        path: 'strategy.latency.targetMs',
        code: 'too-small',
        message: 'Target latency (ms) must be greater than 0.001 (got 0).',
      },
      {
        path: 'strategy.latency.beta',
        code: 'not-finite',
        message: 'Latency exponent β must be a finite number (got NaN).',
      },
    ]);
    expect(validateLatencyLoss({ ...on('add#linear'), lambda: 0 }, 'x')[0]?.message).toBe(
      'Latency weight λ must be greater than 0 (got 0).',
    );
    expect(
      validateLatencyLoss({ ...LATENCY_OFF, form: 'fast' as never }, 'strategy.latency'),
    ).toEqual([
      {
        path: 'strategy.latency.form',
        code: 'out-of-range',
        message:
          "The latency loss form must be one of 'off', 'mul#log', 'add#linear', 'fbnet' (got \"fast\").",
      },
    ]);
  });
});
