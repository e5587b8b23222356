import { describe, expect, it } from 'vitest';
import type { ExperimentSpec } from '../experiment/spec';
import type { BackendReport, LatencyTableSummary, RunEvent, SubnetRecord } from './protocol';
import type { Genotype } from '../search-space/types';
import { seriesPoints } from '../series/downsample';
import { beginRun, foldEvents, withEnd, withError, withStatus } from './fold';
import { initialRunState, STEP_LOG_SIZE } from './state';

const report: BackendReport = {
  backend: 'wasm',
  choice: 'auto',
  reason: 'wasm was faster than webgl',
  probes: [],
};
const genotype: Genotype = {
  normal: { edges: [{ from: 'x', to: 'h1', op: 'dense_relu' }], concat: ['h1'] },
  reduce: null,
};
const spec = { version: 1, name: 't', seed: 1 } as unknown as ExperimentSpec;

const step = (i: number): RunEvent => ({
  type: 'step',
  step: i,
  epoch: Math.floor((i - 1) / 10),
  trainLoss: 1 / i,
  trainAcc: i / 100,
  alphaLoss: 2 / i,
  elapsedMs: 100 * i,
});

const started: RunEvent = {
  type: 'started',
  totalSteps: 5000,
  stepsPerEpoch: 10,
  cells: { normal: [{ id: 'e0', from: 'x', to: 'h1', ops: ['none', 'dense_relu'] }] },
  trainCount: 80,
  validCount: 80,
  testCount: 40,
  paramCount: 123,
};

describe('run reducer', () => {
  it('folds a run from start to finish', () => {
    let s = beginRun(initialRunState(), spec);
    expect(s.status).toBe('running');
    expect(s.runId).toBe(1);
    s = foldEvents(s, [{ type: 'backend', report }, started, step(1), step(2)]);
    s = foldEvents(s, [
      { type: 'alphas', step: 2, weights: { normal: new Float32Array([0.4, 0.6]) } },
      { type: 'eval', step: 2, epoch: 0, validLoss: 0.7, validAcc: 0.5 },
      { type: 'genotype', step: 2, genotype },
    ]);
    expect(s.report).toEqual(report);
    expect(s.started?.totalSteps).toBe(5000);
    expect(s.started?.paramCount).toBe(123);
    expect(seriesPoints(s.steps).map((p) => p.step)).toEqual([1, 2]);
    expect(seriesPoints(s.evals)).toEqual([{ step: 2, epoch: 0, validLoss: 0.7, validAcc: 0.5 }]);
    const normal = s.alphas.normal;
    expect(normal && Array.from(seriesPoints(normal)[0]?.weights ?? [])).toEqual([
      expect.closeTo(0.4, 6),
      expect.closeTo(0.6, 6),
    ]);
    expect(s.alphas.reduce).toBeUndefined();
    expect(s.genotype?.step).toBe(2);
    const metrics = {
      trainAcc: 1,
      validAcc: 0.9,
      testAcc: 0.8,
      trainLoss: 0.1,
      validLoss: 0.2,
      testLoss: 0.3,
    };
    s = foldEvents(s, [
      {
        type: 'finished',
        step: 3,
        genotype,
        metrics,
        weights: { normal: new Float32Array([0.1, 0.9]) },
      },
    ]);
    expect(s.status).toBe('finished');
    expect(s.result?.metrics).toEqual(metrics);
    expect(withStatus(s, 'running').status).toBe('finished');
    expect(withEnd(s, 'stopped').status).toBe('finished');
  });

  it('folds phase, progress, subnet, latency-table and latency-check events, and a new run clears them', () => {
    const s = foldEvents(beginRun(initialRunState(), spec), [started, step(1)]);
    const record = (key: string, accuracy: number): SubnetRecord => ({
      key,
      genotype,
      accuracy,
      evaluation: 'inherited',
      params: 10,
      flops: 20,
      latencyMs: null,
      generation: 0,
      origin: 'random',
    });
    const table: LatencyTableSummary = {
      backend: 'wasm',
      device: 'cpu',
      batch: 1,
      entries: 12,
      measured: 9,
      reused: 3,
      elapsedMs: 250,
    };
    let t = foldEvents(s, [
      { type: 'phase', phase: 'latency', message: 'Measuring op latencies.' },
      { type: 'progress', phase: 'latency', done: 3, total: 12 },
      { type: 'latency-table', table },
      { type: 'phase', phase: 'search', message: 'Searching.' },
      { type: 'subnet', record: record('a', 0.5) },
      { type: 'progress', phase: 'search', done: 1, total: 4 },
    ]);
    t = foldEvents(t, [
      { type: 'subnet', record: record('b', 0.7) },
      { type: 'progress', phase: 'search', done: 2, total: 4 },
      { type: 'phase', phase: 'check', message: 'Timing subnets.' },
      { type: 'latency-check', checks: [{ key: 'a', predictedMs: 1, measuredMs: 1.2 }] },
      { type: 'latency-check', checks: [{ key: 'b', predictedMs: 2, measuredMs: 1.8 }] },
    ]);
    expect(t.phase).toEqual({ phase: 'check', message: 'Timing subnets.' });
    expect(t.progress).toEqual({ phase: 'search', done: 2, total: 4 });
    expect(t.subnets.map((r) => r.key)).toEqual(['a', 'b']);
    expect(t.latency).toEqual(table);
    expect(t.latencyChecks.map((c) => c.key)).toEqual(['a', 'b']);
    expect(t.steps).toBe(s.steps);
    expect(s.subnets).toEqual([]);
    const next = beginRun(t, spec);
    expect(next.phase).toBeNull();
    expect(next.progress).toBeNull();
    expect(next.subnets).toEqual([]);
    expect(next.latency).toBeNull();
    expect(next.latencyChecks).toEqual([]);
  });

  it('keeps the state for an unknown event and takes empty weights', () => {
    const s = foldEvents(beginRun(initialRunState(), spec), [started, step(1)]);
    const unknown = { type: 'from-a-newer-engine' } as unknown as RunEvent;
    const kept = foldEvents(s, [unknown]);
    expect(kept).toEqual(s);
    const metrics = {
      trainAcc: 1,
      validAcc: 0.9,
      testAcc: 0.8,
      trainLoss: 0.1,
      validLoss: 0.2,
      testLoss: 0.3,
    };
    const done = foldEvents(kept, [{ type: 'finished', step: 1, genotype, metrics, weights: {} }]);
    expect(done.status).toBe('finished');
    expect(done.result?.weights).toEqual({});
    expect(done.alphas).toEqual(s.alphas);
  });

  it('keeps series bounded and the step log at both ends over a long run', () => {
    let s = foldEvents(beginRun(initialRunState(), spec), [started]);
    for (let i = 1; i <= 5000; i += 25)
      s = foldEvents(
        s,
        Array.from({ length: 25 }, (_, k) => step(i + k)),
      );
    const pts = seriesPoints(s.steps);
    expect(pts.length).toBeLessThanOrEqual(2000);
    expect(pts[pts.length - 1]?.step).toBe(5000);
    expect(s.stepLog.head.map((p) => p.step)).toEqual(
      Array.from({ length: STEP_LOG_SIZE }, (_, i) => i + 1),
    );
    expect(s.stepLog.tail[STEP_LOG_SIZE - 1]?.step).toBe(5000);
    expect(s.stepLog.tail).toHaveLength(STEP_LOG_SIZE);
  });

  it('shows a pause on a non-finite loss with the engine message', () => {
    let s = foldEvents(beginRun(initialRunState(), spec), [started, step(1)]);
    const message = 'Paused at step 2: the training loss was NaN.';
    s = foldEvents(s, [{ type: 'status', status: 'paused', step: 2, message }]);
    expect(s.status).toBe('paused');
    expect(s.messages[s.messages.length - 1]?.message).toBe(message);
  });

  it('marks a running run failed on an error, keeps its data, and a new run clears it', () => {
    let s = foldEvents(beginRun(initialRunState(), spec), [
      { type: 'backend', report },
      started,
      step(1),
    ]);
    s = withError(s, 'The engine worker stopped: out of memory');
    expect(s.status).toBe('failed');
    expect(s.error).toContain('out of memory');
    expect(s.steps.seen).toBe(1);
    const next = beginRun(s, spec);
    expect(next.error).toBeNull();
    expect(next.steps.seen).toBe(0);
    expect(next.report).toEqual(report);
    expect(next.runId).toBe(2);
    expect(withError(initialRunState(), 'x').status).toBe('idle');
  });

  it('returns the same state for an empty batch', () => {
    const s = initialRunState();
    expect(foldEvents(s, [])).toBe(s);
  });
});

describe('subnet-update', () => {
  const rec = (key: string, accuracy: number): SubnetRecord => ({
    key,
    genotype,
    accuracy,
    evaluation: Number.isNaN(accuracy) ? 'proxy' : 'standalone',
    params: 10,
    flops: 20,
    latencyMs: null,
    generation: 0,
    origin: 'random',
  });

  it('replaces the record of the same key in place, in this batch or an earlier one, and appends an unknown key', () => {
    let s = beginRun(initialRunState(), spec);
    s = foldEvents(s, [
      { type: 'subnet', record: rec('a', Number.NaN) },
      { type: 'subnet', record: rec('b', Number.NaN) },
    ]);
    s = foldEvents(s, [
      { type: 'subnet', record: rec('c', Number.NaN) },
      { type: 'subnet-update', record: rec('c', 0.7) },
      { type: 'subnet-update', record: rec('a', 0.9) },
      { type: 'subnet-update', record: rec('d', 0.5) },
    ]);
    expect(s.subnets.map((r) => [r.key, r.accuracy])).toEqual([
      ['a', 0.9],
      ['b', Number.NaN],
      ['c', 0.7],
      ['d', 0.5],
    ]);
  });
});
