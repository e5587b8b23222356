import { describe, expect, it } from 'vitest';
import { PROXY_NAMES } from '../core/proxies/names';
import { proxyCorrelations } from '../core/proxies/trust';
import type { SubnetRecord } from '../core/run/protocol';
import { record } from './search.testkit';
import type { SearchPoint, StandaloneEntry } from './search-state';
import {
  proxyTrustRows,
  scoredPoints,
  trainedArchitectures,
  TRUST_SCORE_NAMES,
  zeroCostTablePoints,
} from './zero-cost-selectors';

/** A point of run 1 (or `runId`) for `r`, with a finished button training when `buttonAcc` is given. */
function point(r: SubnetRecord, buttonAcc: number | null = null, runId = 1): SearchPoint {
  const standalone: StandaloneEntry | null =
    buttonAcc === null
      ? null
      : {
          state: 'done',
          epochs: 4,
          score: {
            key: r.key,
            initialValidAcc: 0.3,
            validAcc: buttonAcc,
            testAcc: buttonAcc,
            trainLoss: 0.5,
            steps: 10,
            paramCount: r.params,
            elapsedMs: 1,
          },
        };
  return {
    id: `${runId}:${r.key}`,
    runId,
    runLabel: 'Zero-cost (snip)',
    strategy: 'zero-cost',
    order: 1,
    record: r,
    standalone,
    onFront: false,
  };
}

/** Every proxy's score of a trained architecture, from `base`. */
function allProxies(base: number): Record<string, number> {
  return Object.fromEntries(PROXY_NAMES.map((p, i) => [p, base * (i + 1) + (i % 2 ? -base : 0)]));
}

const scored = (key: string, snip: number, params: number): SubnetRecord =>
  record(key, Number.NaN, params, { evaluation: 'proxy', proxies: { snip } });
const trained = (key: string, acc: number, base: number, params: number): SubnetRecord =>
  record(key, acc, params, { evaluation: 'standalone', proxies: allProxies(base) });

const POINTS: SearchPoint[] = [
  point(trained('a', 0.9, 3, 100)),
  point(trained('b', 0.7, 1, 300)),
  point(trained('c', 0.8, 2, 200)),
  point(trained('d', 0.6, 5, 50)),
  point(scored('e', 0.4, 80)),
  point(scored('f', 2.5, 90), 0.75),
  point(trained('g', 0.85, 4, 120), null, 2),
];

describe('zero-cost selectors', () => {
  it('plots every scored architecture of the run, the trained ones highlighted', () => {
    const out = scoredPoints(POINTS, 1, 'snip', 'params');
    expect(out.map((p) => [p.id, p.cost, p.trained])).toEqual([
      ['1:a', 100, true],
      ['1:b', 300, true],
      ['1:c', 200, true],
      ['1:d', 50, true],
      ['1:e', 80, false],
      ['1:f', 90, true],
    ]);
    expect(out[4]?.score).toBe(0.4);
    expect(out[0]?.score).toBe(allProxies(3).snip);
  });

  it('gives the table the numbers of trust.ts on the same trained architectures', () => {
    const archs = trainedArchitectures(POINTS, 1);
    expect(archs.map((a) => [a.id, a.accuracy])).toEqual([
      ['1:a', 0.9],
      ['1:b', 0.7],
      ['1:c', 0.8],
      ['1:d', 0.6],
      ['1:f', 0.75],
    ]);
    const same = [
      { accuracy: 0.9, scores: { ...allProxies(3), params: 100, flops: 200 } },
      { accuracy: 0.7, scores: { ...allProxies(1), params: 300, flops: 600 } },
      { accuracy: 0.8, scores: { ...allProxies(2), params: 200, flops: 400 } },
      { accuracy: 0.6, scores: { ...allProxies(5), params: 50, flops: 100 } },
      { accuracy: 0.75, scores: { snip: 2.5, params: 90, flops: 180 } },
    ];
    const rows = proxyTrustRows(archs);
    expect(rows).toEqual(proxyCorrelations(same, TRUST_SCORE_NAMES));
    expect(rows.map((r) => r.name)).toEqual([...PROXY_NAMES, 'params', 'flops']);
    expect(rows.find((r) => r.name === 'snip')?.pairs).toBe(5);
    expect(rows.find((r) => r.name === 'synflow')?.pairs).toBe(4);
    // By hand: 6 concordant and 4 discordant pairs of (params, accuracy).
    expect(rows.find((r) => r.name === 'params')?.kendall.value).toBeCloseTo(0.2, 12);
  });
});

describe('zeroCostTablePoints', () => {
  it('lists the trained architectures and the best-scored untrained ones of the run, and other runs as they are', () => {
    const extra = [
      point(scored('h', 9, 10)),
      point(scored('i', 0.1, 10)),
      point(scored('j', 5, 10)),
    ];
    const ids = zeroCostTablePoints([...POINTS, ...extra], 1, 'snip', 2).map((p) => p.id);
    expect(ids).toEqual(['1:a', '1:b', '1:c', '1:d', '1:f', '2:g', '1:h', '1:j']);
  });
});
