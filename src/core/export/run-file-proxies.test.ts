import { describe, expect, it } from 'vitest';
import { defaultExperiment } from '../experiment/defaults';
import type { RunStep, SubnetRecord } from '../run/protocol';
import { createRng } from '../random';
import { emptySeries } from '../series/downsample';
import { sampleGenotype } from '../strategies/sample';
import { parseRunFile, runFileOf, serializeRunFile, type RunFileEval } from './run-file';

const spec = defaultExperiment('teaching', 'spiral');

describe('run file of a zero-cost run', () => {
  it('reads back its proxy records: accuracy NaN, scores kept, -Infinity and NaN scores as they were', () => {
    const subnets: SubnetRecord[] = [
      {
        key: 'a',
        genotype: sampleGenotype(spec.space, createRng(1)),
        accuracy: Number.NaN,
        evaluation: 'proxy',
        params: 100,
        flops: 200,
        latencyMs: null,
        generation: 0,
        origin: 'random',
        proxies: { synflow: 12.5 },
      },
      {
        key: 'b',
        genotype: sampleGenotype(spec.space, createRng(2)),
        accuracy: 0.8,
        evaluation: 'standalone',
        params: 120,
        flops: 240,
        latencyMs: null,
        generation: 0,
        origin: 'random',
        proxies: { synflow: 3, naswot: -Infinity, snip: 0.25, fisher: Number.NaN, grasp: Infinity },
      },
    ];
    const file = runFileOf(
      {
        spec,
        status: 'finished',
        result: null,
        subnets,
        steps: emptySeries<RunStep>(),
        evals: emptySeries<RunFileEval>(),
      },
      { exportedAt: '2026-01-01T00:00:00.000Z' },
    );
    const text = serializeRunFile(file);
    expect(text).toContain('"naswot":"-Infinity"');
    expect(text).toContain('"fisher":null');
    const read = parseRunFile(text);
    if (!read.ok) throw new Error(read.problems.join(' '));
    expect(read.run.subnets[0]).toEqual(subnets[0]);
    expect(read.run.subnets[1]?.proxies).toEqual({
      synflow: 3,
      naswot: -Infinity,
      snip: 0.25,
      fisher: Number.NaN,
      grasp: Infinity,
    });
  });
});
