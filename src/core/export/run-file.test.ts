import { describe, expect, it } from 'vitest';
import { defaultExperiment } from '../experiment/defaults';
import type { RunStep, SubnetRecord } from '../run/protocol';
import { createRng } from '../random';
import { appendPoints, emptySeries } from '../series/downsample';
import { sampleGenotype } from '../strategies/sample';
import {
  parseRunFile,
  RUN_FILE_MAX_DEPTH,
  runFileOf,
  serializeRunFile,
  type RunFile,
  type RunFileEval,
} from './run-file';

const spec = defaultExperiment('nb201', 'mnist');

/** A finished run with 30 steps (no alpha loss: NaN), 3 evaluations and 2 subnets. */
function finishedRun(): RunFile {
  const steps: RunStep[] = Array.from({ length: 30 }, (_, i) => ({
    step: i + 1,
    epoch: Math.floor(i / 10),
    trainLoss: 2 - i * 0.05,
    trainAcc: i / 30,
    alphaLoss: Number.NaN,
    elapsedMs: i * 12.5,
  }));
  const evals: RunFileEval[] = [10, 20, 30].map((s, i) => ({
    step: s,
    epoch: i,
    validLoss: 1.5 - i * 0.2,
    validAcc: 0.4 + i * 0.1,
  }));
  const subnets: SubnetRecord[] = [1, 2].map((seed) => ({
    key: `k${seed}`,
    genotype: sampleGenotype(spec.space, createRng(seed)),
    accuracy: 0.5 + seed / 10,
    evaluation: 'inherited',
    params: 1000 * seed,
    flops: 5000 * seed,
    latencyMs: seed === 1 ? null : 0.25,
    generation: seed - 1,
    origin: seed === 1 ? 'random' : 'mutation',
  }));
  const genotype = sampleGenotype(spec.space, createRng(7));
  return runFileOf(
    {
      spec,
      status: 'finished',
      result: {
        genotype,
        metrics: {
          trainAcc: 0.9,
          validAcc: 0.8,
          testAcc: 0.79,
          trainLoss: 0.3,
          validLoss: 0.5,
          testLoss: 0.52,
        },
      },
      subnets,
      steps: appendPoints(emptySeries<RunStep>(8), steps),
      evals: appendPoints(emptySeries<RunFileEval>(), evals),
    },
    { startedAt: '2024-05-01T10:00:00.000Z', exportedAt: '2024-05-01T10:05:00.000Z' },
  );
}

describe('run file', () => {
  it('records the spec, result, subnets and the downsampled series', () => {
    const file = finishedRun();
    expect(file).toMatchObject({ format: 'nas-studio-run', version: 1, status: 'finished' });
    expect(file.subnets).toHaveLength(2);
    expect(file.series.steps.length).toBeLessThanOrEqual(9);
    expect(file.series.steps.at(-1)?.step).toBe(30);
    expect(file.series.evals).toHaveLength(3);
  });

  it('reads back exactly what it wrote, NaN alpha losses included', () => {
    const file = finishedRun();
    const read = parseRunFile(serializeRunFile(file));
    expect(read).toEqual({ ok: true, run: file });
    if (read.ok) expect(Number.isNaN(read.run.series.steps[0]?.alphaLoss)).toBe(true);
  });

  it('round-trips a run without a result or start time', () => {
    const file: RunFile = { ...finishedRun(), status: 'stopped', result: null };
    const { startedAt: _dropped, ...withoutStart } = file;
    expect(parseRunFile(serializeRunFile(withoutStart))).toEqual({ ok: true, run: withoutStart });
  });

  it('refuses text that is not JSON, not a run file, or of another version', () => {
    const bad = (text: string) => {
      const r = parseRunFile(text);
      expect(r.ok).toBe(false);
      return r.ok ? [] : r.problems;
    };
    expect(bad('{oops')[0]).toMatch(/not valid JSON/);
    expect(bad('[1, 2]')[0]).toMatch(/not a NAS Studio run file/);
    expect(bad('{"format": "other"}')[0]).toMatch(/not a NAS Studio run file/);
    expect(bad('{"format": "nas-studio-run", "version": 2}')[0]).toMatch(/version 2/);
  });

  it('names the fields that are wrong', () => {
    const json = JSON.parse(serializeRunFile(finishedRun())) as Record<string, unknown>;
    const r = parseRunFile(JSON.stringify({ ...json, status: 'exploded', subnets: 'none' }));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems.some((p) => p.startsWith('status'))).toBe(true);
      expect(r.problems.some((p) => p.startsWith('subnets'))).toBe(true);
    }
  });

  it('refuses deep nesting before parsing it, and never throws', () => {
    const deep = '['.repeat(RUN_FILE_MAX_DEPTH + 5) + ']'.repeat(RUN_FILE_MAX_DEPTH + 5);
    const r = parseRunFile(deep);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]).toMatch(/nests deeper/);
    expect(parseRunFile('').ok).toBe(false);
    expect(parseRunFile('null').ok).toBe(false);
  });
});
