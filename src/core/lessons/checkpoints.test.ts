import { describe, expect, it } from 'vitest';
import type { EpochDiagnostics, SubnetRecord } from '../run/protocol';
import { initialRunState, type EvalPoint, type RunState } from '../run/state';
import { appendPoints, emptySeries } from '../series/downsample';
import {
  checkpointReached,
  describeCheckpoint,
  standaloneCount,
  type LessonContext,
} from './checkpoints';
import type { Checkpoint } from './format';

const edges = [
  { id: 'e0', from: 'x', to: 'h1', ops: ['none', 'skip_connect', 'dense_relu'] },
  { id: 'e1', from: 'h1', to: 'h2', ops: ['none', 'skip_connect', 'dense_relu'] },
];

/** A run state after `epochs` evaluated epochs whose last normal-cell alphas are `weights`. */
function scripted(epochs: number, weights: number[], more: Partial<RunState> = {}): RunState {
  const base = initialRunState();
  const evals = appendPoints(
    emptySeries<EvalPoint>(),
    Array.from({ length: epochs }, (_, i) => ({
      step: i * 10,
      epoch: i + 1,
      validLoss: 1,
      validAcc: 0.5,
    })),
  );
  return {
    ...base,
    status: 'running',
    started: {
      totalSteps: 100,
      stepsPerEpoch: 10,
      cells: { normal: edges },
      trainCount: 10,
      validCount: 10,
      testCount: 10,
      paramCount: 10,
    },
    evals,
    alphas: {
      normal: appendPoints(emptySeries(), [{ step: 1, weights: Float32Array.from(weights) }]),
    },
    ...more,
  };
}

const ctx = (run: RunState, more: Partial<LessonContext> = {}): LessonContext => ({
  run,
  view: 'run',
  spaceSize: null,
  standaloneTrained: 0,
  costAxis: 'params',
  ...more,
});

const diag = (skipCount: number): EpochDiagnostics => ({
  epoch: 1,
  step: 10,
  hessianEigenvalue: null,
  skipCount,
  parameterFreeCount: skipCount,
  opCount: 3,
  stableEpochs: 0,
  alphaEntropy: 0.5,
});

describe('checkpointReached', () => {
  const uniform = [1 / 3, 1 / 3, 1 / 3, 1 / 3, 1 / 3, 1 / 3];

  it('alpha-above looks at the op on every edge of the latest alphas', () => {
    const c: Checkpoint = { kind: 'alpha-above', op: 'skip_connect', value: 0.4 };
    expect(checkpointReached(c, ctx(scripted(1, uniform)))).toBe(false);
    expect(checkpointReached(c, ctx(scripted(1, [0.3, 0.3, 0.4, 0.1, 0.5, 0.4])))).toBe(true);
    expect(checkpointReached(c, ctx(scripted(1, [0.1, 0.2, 0.7, 0.1, 0.3, 0.6])))).toBe(false);
    expect(checkpointReached(c, ctx(initialRunState()))).toBe(false);
  });

  it('epoch-reached counts evaluated epochs', () => {
    const c: Checkpoint = { kind: 'epoch-reached', epoch: 3 };
    expect(checkpointReached(c, ctx(scripted(2, uniform)))).toBe(false);
    expect(checkpointReached(c, ctx(scripted(3, uniform)))).toBe(true);
  });

  it('run-finished needs a result', () => {
    const c: Checkpoint = { kind: 'run-finished' };
    expect(checkpointReached(c, ctx(scripted(3, uniform)))).toBe(false);
    expect(checkpointReached(c, ctx(scripted(3, uniform, { status: 'stopped' })))).toBe(false);
  });

  it('skip-count reads the latest diagnostics', () => {
    const c: Checkpoint = { kind: 'skip-count', count: 2 };
    expect(
      checkpointReached(c, ctx(scripted(2, uniform, { diagnostics: [diag(2), diag(1)] }))),
    ).toBe(false);
    expect(
      checkpointReached(c, ctx(scripted(2, uniform, { diagnostics: [diag(1), diag(2)] }))),
    ).toBe(true);
  });

  it('early-stopped and selection-done follow the run', () => {
    const run = scripted(2, uniform);
    expect(checkpointReached({ kind: 'early-stopped' }, ctx(run))).toBe(false);
    const stopped = {
      ...run,
      earlyStop: { rule: 'skip-connections' as const, epoch: 2, step: 20, message: 'm' },
    };
    expect(checkpointReached({ kind: 'early-stopped' }, ctx(stopped))).toBe(true);
    expect(checkpointReached({ kind: 'selection-done' }, ctx(run))).toBe(false);
  });

  it('standalone-trained counts subnets trained from scratch, by the run or since', () => {
    const sub = (key: string, evaluation: SubnetRecord['evaluation']) =>
      ({ key, evaluation }) as unknown as SubnetRecord;
    const run = scripted(1, uniform, {
      subnets: [sub('a', 'standalone'), sub('b', 'inherited'), sub('c', 'standalone')],
    });
    expect(standaloneCount(run, new Set())).toBe(2);
    expect(standaloneCount(run, new Set(['b', 'a', 'z']))).toBe(3);
    const c: Checkpoint = { kind: 'standalone-trained', count: 3 };
    expect(checkpointReached(c, ctx(run, { standaloneTrained: 2 }))).toBe(false);
    expect(checkpointReached(c, ctx(run, { standaloneTrained: 3 }))).toBe(true);
  });

  it("cost-axis reads the Pareto chart's axis", () => {
    const c: Checkpoint = { kind: 'cost-axis', axis: 'latencyMs' };
    const run = initialRunState();
    expect(checkpointReached(c, ctx(run))).toBe(false);
    expect(checkpointReached(c, ctx(run, { costAxis: 'latencyMs' }))).toBe(true);
    expect(describeCheckpoint(c)).toBe("the Pareto chart's cost axis set to Latency");
  });

  it('tab-open and space-size read the page', () => {
    const run = initialRunState();
    expect(checkpointReached({ kind: 'tab-open', tab: 'search' }, ctx(run))).toBe(false);
    expect(
      checkpointReached({ kind: 'tab-open', tab: 'search' }, ctx(run, { view: 'search' })),
    ).toBe(true);
    const c: Checkpoint = { kind: 'space-size', atLeast: '15625' };
    expect(checkpointReached(c, ctx(run, { spaceSize: 15624n }))).toBe(false);
    expect(checkpointReached(c, ctx(run, { spaceSize: 15625n }))).toBe(true);
    expect(checkpointReached(c, ctx(run))).toBe(false);
  });

  it('says what a step waits for', () => {
    expect(describeCheckpoint({ kind: 'alpha-above', op: 'skip_connect', value: 0.3 })).toBe(
      "skip_connect's weight on some edge to pass 0.3",
    );
    expect(describeCheckpoint({ kind: 'space-size', atLeast: '15625' })).toContain('15,625');
  });
});
