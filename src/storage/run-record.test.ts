import { describe, expect, it } from 'vitest';
import { emptySeries, appendPoints } from '../core/series/downsample';
import type { SubnetRecord } from '../core/run/protocol';
import { initialRunState } from '../core/run/state';
import { SPEC, runState } from './history.testkit';
import {
  bestAccuracy,
  checkRunName,
  localDateTime,
  RUN_NAME_MAX,
  runName,
  runRecord,
  stepsDone,
  summaryOf,
} from './run-record';

const subnet = (key: string, accuracy: number): SubnetRecord => ({
  key,
  genotype: { normal: { edges: [], concat: [] }, reduce: null },
  accuracy,
  evaluation: 'inherited',
  params: 10,
  flops: 20,
  latencyMs: null,
  generation: 0,
  origin: 'random',
});

const evals = (...accs: number[]) =>
  appendPoints(
    emptySeries<{ step: number; epoch: number; validLoss: number; validAcc: number }>(),
    accs.map((validAcc, i) => ({ step: i, epoch: i, validLoss: 1, validAcc })),
  );

const metrics = (validAcc: number) => ({
  trainAcc: 0.9,
  validAcc,
  testAcc: 0.8,
  trainLoss: 0.1,
  validLoss: 0.2,
  testLoss: 0.3,
});

describe('bestAccuracy', () => {
  it("prefers the finished result's validation accuracy", () => {
    const result = {
      step: 9,
      genotype: { normal: { edges: [], concat: [] }, reduce: null },
      metrics: metrics(0.7),
      weights: {},
    };
    expect(bestAccuracy({ result, subnets: [subnet('a', 0.9)], evals: evals(0.95) })).toBe(0.7);
  });

  it('falls back to the best subnet, then the best eval, then null', () => {
    expect(
      bestAccuracy({
        result: null,
        subnets: [subnet('a', 0.4), subnet('b', 0.8)],
        evals: evals(0.95),
      }),
    ).toBe(0.8);
    expect(bestAccuracy({ result: null, subnets: [], evals: evals(0.3, 0.65, 0.5) })).toBe(0.65);
    expect(bestAccuracy({ result: null, subnets: [], evals: emptySeries() })).toBeNull();
  });

  it('skips NaN accuracies', () => {
    expect(
      bestAccuracy({
        result: null,
        subnets: [subnet('a', Number.NaN)],
        evals: evals(Number.NaN, 0.2),
      }),
    ).toBe(0.2);
    expect(bestAccuracy({ result: null, subnets: [], evals: evals(Number.NaN) })).toBeNull();
  });
});

describe('stepsDone', () => {
  it('is the latest step seen, or 0 before any', () => {
    expect(stepsDone(runState('running', 5))).toBe(5);
    expect(stepsDone(initialRunState())).toBe(0);
  });
});

describe('runName', () => {
  it('names a run by strategy label, dataset label and local date time', () => {
    const at = new Date(2025, 2, 4, 9, 7, 30);
    expect(localDateTime(at)).toBe('2025-03-04 09:07');
    expect(runName('darts', 'spiral', at)).toBe(
      'DARTS (differentiable) on Spiral · 2025-03-04 09:07',
    );
    expect(runName('multi-trial', 'gaussian', at)).toBe(
      'Multi-trial (stand-alone training) on Two Gaussians · 2025-03-04 09:07',
    );
  });

  it('gives names that pass the name rules', () => {
    expect(checkRunName(runName('spos', 'mnist', new Date())).ok).toBe(true);
  });
});

describe('checkRunName', () => {
  it('trims the name', () => {
    expect(checkRunName('  my run \n')).toEqual({ ok: true, value: 'my run' });
  });

  it('refuses an empty or blank name', () => {
    expect(checkRunName('   ')).toEqual({ ok: false, problem: 'A run name cannot be empty.' });
  });

  it('accepts 80 characters and refuses 81, naming the length', () => {
    expect(checkRunName('a'.repeat(RUN_NAME_MAX)).ok).toBe(true);
    expect(checkRunName('a'.repeat(81))).toEqual({
      ok: false,
      problem: 'A run name can have at most 80 characters; this one has 81.',
    });
  });

  it('counts characters, not UTF-16 units', () => {
    expect(checkRunName('🧠'.repeat(RUN_NAME_MAX)).ok).toBe(true);
  });
});

describe('runRecord', () => {
  it('derives the summary fields from the run state and the spec', () => {
    const run = runState('paused', 4);
    const record = runRecord({
      id: 'r1',
      name: 'n',
      spec: SPEC,
      run,
      createdAt: new Date(Date.UTC(2025, 0, 2)),
    });
    expect(record).toMatchObject({
      id: 'r1',
      createdAt: '2025-01-02T00:00:00.000Z',
      updatedAt: '2025-01-02T00:00:00.000Z',
      status: 'paused',
      strategy: 'darts',
      dataset: 'spiral',
      bestAcc: 0.61,
      step: 4,
      totalSteps: 100,
      checkpointStep: null,
      seed: SPEC.seed,
    });
    expect(record.settings.epochs).toBe(String(SPEC.strategy.epochs));
    expect(record.run).toBe(run);
  });

  it('has a summary without the spec and the run snapshot', () => {
    const summary = summaryOf(
      runRecord({ id: 'r1', name: 'n', spec: SPEC, run: runState(), createdAt: new Date() }),
    );
    expect(summary).not.toHaveProperty('run');
    expect(summary).not.toHaveProperty('spec');
    expect(summary.id).toBe('r1');
  });
});
