import fc from 'fast-check';
import { initialHistoryState } from './history-state';
import { describe, expect, it } from 'vitest';
import { dominates, paretoFront } from '../core/pareto/dominance';
import { initialRunState } from '../core/run/state';
import { initialSearchView, searchRunOf } from './search-archive';
import {
  costOf,
  rankingFidelity,
  runContext,
  runLabel,
  searchPoints,
  standaloneKey,
  standaloneProblem,
} from './search-selectors';
import type { CostAxis, SearchRun, SearchViewState, StandaloneEntry } from './search-state';
import { scoreOf } from './scripted-client.testkit';
import { dartsSpec, multiTrialSpec, record, runWith, sposSpec } from './search.testkit';

/** The archived copy of a finished run. */
function archived(...args: Parameters<typeof runWith>): SearchRun {
  const entry = searchRunOf(runWith(...args));
  if (entry === null) throw new Error('the run is not archivable');
  return entry;
}

/** Reverses the key order of every object inside `value`. */
function reversedKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reversedKeys) as T;
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reversedKeys(v)]),
    ) as T;
  return value;
}

const done = (validAcc: number): StandaloneEntry => ({
  state: 'done',
  epochs: 2,
  score: scoreOf('k', validAcc),
});

describe('run context and labels', () => {
  it('is shared by runs of any seed or strategy on the same space and data', () => {
    const spos = sposSpec(1);
    expect(runContext(multiTrialSpec(2))).toBe(runContext(spos));
    expect(runContext(dartsSpec(3))).toBe(runContext(spos));
    const renamed = { ...spos, space: { ...reversedKeys(spos.space), preset: null } };
    expect(runContext({ ...spos, dataset: reversedKeys(spos.dataset) })).toBe(runContext(spos));
    expect(runContext(renamed)).toBe(runContext(spos));
    expect(runContext({ ...spos, dataset: { ...spos.dataset, imageSize: 7 } })).toBe(
      runContext(spos),
    );
  });

  it('tells apart other data, other data settings and other spaces', () => {
    const spos = sposSpec(1);
    const macro = { ...spos.space.macro, channels: spos.space.macro.channels + 1 };
    const others = [
      sposSpec(1, 'circles'),
      sposSpec(1, 'mnist'),
      { ...spos, dataset: { ...spos.dataset, samples: 601 } },
      { ...spos, dataset: { ...spos.dataset, noise: 0.2 } },
      { ...spos, space: { ...spos.space, macro } },
    ];
    const contexts = new Set([spos, ...others].map(runContext));
    expect(contexts.size).toBe(others.length + 1);
    const mnist = sposSpec(1, 'mnist');
    expect(runContext({ ...mnist, dataset: { ...mnist.dataset, imageSize: 7 } })).not.toBe(
      runContext(mnist),
    );
    expect(standaloneKey('spiral:abc', 'normal[e0=skip]')).toBe('spiral:abc|normal[e0=skip]');
  });

  it('names runs by strategy and seed', () => {
    expect(runLabel(sposSpec(1))).toBe('SPOS + evolution · seed 1');
    expect(runLabel(multiTrialSpec(2))).toBe('Random search (stand-alone) · seed 2');
    const spos = sposSpec(3);
    if (spos.strategy.kind !== 'spos') throw new Error('expected SPOS');
    expect(runLabel({ ...spos, strategy: { ...spos.strategy, search: 'random' } })).toBe(
      'SPOS + random search · seed 3',
    );
    const trials = multiTrialSpec(4);
    if (trials.strategy.kind !== 'multi-trial') throw new Error('expected multi-trial');
    expect(runLabel({ ...trials, strategy: { ...trials.strategy, search: 'evolution' } })).toBe(
      'Regularized evolution (stand-alone) · seed 4',
    );
    expect(runLabel(dartsSpec(5))).toBe('DARTS (first order) · seed 5');
  });
});

describe('searchPoints', () => {
  const current = runWith(sposSpec(3), 4, [record('a', 0.9, 300), record('b', 0.5, 100)]);
  const view = (over: Partial<SearchViewState> = {}): SearchViewState => ({
    ...initialSearchView(sposSpec(1)),
    archive: [
      archived(sposSpec(1), 1, [record('a', 0.8, 300), record('c', 0.4, 50)]),
      archived(sposSpec(2, 'circles'), 2, [record('d', 0.99, 10)]),
      archived(multiTrialSpec(2), 3, [record('e', 0.7, 200)], 'stopped'),
      archived(sposSpec(3), 4, current.subnets),
    ],
    ...over,
  });

  it('merges archived comparable runs, oldest first, and leaves out other contexts and the current run', () => {
    const points = searchPoints(current, view());
    expect(points.map((p) => p.id)).toEqual(['1:a', '1:c', '3:e', '4:a', '4:b']);
    expect(points.map((p) => p.order)).toEqual([1, 2, 1, 1, 2]);
    expect(points[2]).toMatchObject({
      runId: 3,
      strategy: 'multi-trial',
      runLabel: 'Random search (stand-alone) · seed 2',
    });
    expect(points[3]?.runLabel).toBe('SPOS + evolution · seed 3');
    expect(searchPoints(current, view({ compareRuns: false })).map((p) => p.id)).toEqual([
      '4:a',
      '4:b',
    ]);
    expect(searchPoints(initialRunState(), view())).toEqual([]);
  });

  it('attaches the stand-alone training of each genotype in its context, and marks the front', () => {
    const key = standaloneKey(runContext(sposSpec(1)), 'a');
    const points = searchPoints(current, view({ standalone: { [key]: done(0.75) } }));
    const byId = new Map(points.map((p) => [p.id, p]));
    expect(byId.get('1:a')?.standalone).toEqual(done(0.75));
    expect(byId.get('4:a')?.standalone).toEqual(done(0.75));
    expect(byId.get('4:b')?.standalone).toBeNull();
    // params: a (0.9, 300) and b (0.5, 100) and c (0.4, 50) are on the front; e (0.7, 200) too.
    expect(points.filter((p) => p.onFront).map((p) => p.id)).toEqual(['1:c', '3:e', '4:a', '4:b']);
  });

  it('never puts a point of unknown latency on the latency front', () => {
    const run = runWith(sposSpec(1), 1, [
      record('a', 0.9, 300, { latencyMs: null }),
      record('b', 0.5, 100),
    ]);
    const points = searchPoints(run, { ...initialSearchView(sposSpec(1)), costAxis: 'latencyMs' });
    expect(points.map((p) => p.onFront)).toEqual([false, true]);
    expect(costOf(record('x', 0.5, 100, { latencyMs: null }), 'latencyMs')).toBeNull();
    expect(costOf(record('x', 0.5, 100), 'params')).toBe(100);
    expect(costOf(record('x', 0.5, 100), 'flops')).toBe(200);
    expect(costOf(record('x', 0.5, 100), 'latencyMs')).toBe(1);
  });

  it('flags exactly the Pareto front of core/pareto on every axis (property)', () => {
    const recordArb = fc.record({
      accuracy: fc.integer({ min: 0, max: 10 }).map((v) => v / 10),
      params: fc.integer({ min: 1, max: 20 }),
      flops: fc.integer({ min: 1, max: 20 }),
      latencyMs: fc.option(fc.integer({ min: 1, max: 20 }), { nil: null }),
    });
    const axisArb = fc.constantFrom<CostAxis>('params', 'flops', 'latencyMs');
    fc.assert(
      fc.property(
        fc.array(recordArb, { maxLength: 25 }),
        fc.array(recordArb, { minLength: 1, maxLength: 25 }),
        axisArb,
        (mine, earlier, axis) => {
          const records = (rs: typeof mine) =>
            rs.map((r, i) => record(`k${i}`, r.accuracy, r.params, r));
          const search = {
            ...initialSearchView(sposSpec(1)),
            costAxis: axis,
            archive: [archived(multiTrialSpec(2), 1, records(earlier))],
          };
          const points = searchPoints(runWith(sposSpec(1), 2, records(mine)), search);
          const objectives = [
            { key: 'accuracy', goal: 'max' },
            { key: 'cost', goal: 'min' },
          ] as const;
          const costed = points.flatMap((p) => {
            const cost = costOf(p.record, axis);
            return cost === null ? [] : [{ id: p.id, accuracy: p.record.accuracy, cost }];
          });
          const front = new Set(paretoFront(costed, objectives).map((p) => p.id));
          expect(points.filter((p) => p.onFront).map((p) => p.id)).toEqual(
            points.filter((p) => front.has(p.id)).map((p) => p.id),
          );
          for (const p of costed) {
            const dominated = costed.some((q) => dominates(q, p, objectives));
            expect(dominated).toBe(!front.has(p.id));
            if (dominated)
              expect(costed.some((q) => front.has(q.id) && dominates(q, p, objectives))).toBe(true);
          }
          for (const p of points)
            if (costOf(p.record, axis) === null) expect(p.onFront).toBe(false);
        },
      ),
    );
  });
});

describe('rankingFidelity', () => {
  // Supernet x = [1, 2, 2, 3, 4] / 10, stand-alone y = [2, 1, 3, 3, 4] / 10: the hand-computed
  // case of core/stats (tau-b = 6 / 9, rho = 7.25 / 9.5), plus points that must not count.
  const X = [0.1, 0.2, 0.2, 0.3, 0.4];
  const Y = [0.2, 0.1, 0.3, 0.3, 0.4];
  const spec = sposSpec(1);
  const context = runContext(spec);
  const records = [
    ...X.map((x, i) => record(`k${i}`, x, 100)),
    record('trained', 0.5, 100, { evaluation: 'standalone' }),
    record('queued', 0.5, 100),
    record('none', 0.5, 100),
  ];
  const standalone: Record<string, StandaloneEntry> = Object.fromEntries([
    ...Y.map((y, i) => [standaloneKey(context, `k${i}`), done(y)] as const),
    [standaloneKey(context, 'trained'), done(0.9)],
    [standaloneKey(context, 'queued'), { state: 'queued', epochs: 2 }],
  ]);
  const points = searchPoints(runWith(spec, 1, records), {
    ...initialSearchView(spec),
    standalone,
  });

  it('pairs inherited-weight points with their finished stand-alone training and ranks them', () => {
    const f = rankingFidelity(points);
    expect(f.pairs.map((p) => p.id)).toEqual(['1:k0', '1:k1', '1:k2', '1:k3', '1:k4']);
    expect(f.pairs[1]).toEqual({
      id: '1:k1',
      supernetAcc: 0.2,
      standaloneAcc: 0.1,
      standaloneEpochs: 2,
    });
    expect(f.kendall.value).toBeCloseTo(6 / 9, 12);
    expect(f.spearman.value).toBeCloseTo(7.25 / 9.5, 12);
  });

  it('gives each correlation a bootstrap 90% interval around it, the same on every call', () => {
    const f = rankingFidelity(points);
    for (const e of [f.kendall, f.spearman]) {
      if (e.interval === null || e.value === null) throw new Error('no interval');
      expect(e.interval.level).toBe(0.9);
      expect(e.interval.low).toBeLessThanOrEqual(e.value);
      expect(e.interval.high).toBeGreaterThanOrEqual(e.value);
    }
    expect(rankingFidelity(points)).toEqual(f);
  });

  it('reuses the report while the pairs stay the same, and computes it again when one moves', () => {
    const first = rankingFidelity(points);
    const again = rankingFidelity(points.map((p) => ({ ...p })));
    expect(again.kendall).toBe(first.kendall);
    const moved = points.map((p, i) =>
      i === 0 ? { ...p, record: { ...p.record, accuracy: 0.35 } } : p,
    );
    const next = rankingFidelity(moved);
    expect(next.kendall).not.toBe(first.kendall);
    expect(next.kendall.value).not.toBeCloseTo(first.kendall.value ?? NaN, 6);
  });

  it('warns, with the suggested epochs, when most stand-alone accuracies are below the inherited ones', () => {
    // Pairs (x, y): (0.2, 0.1) and (0.4, 0.4) are not above; 1 of 5 below is no warning.
    expect(rankingFidelity(points).warnings).toEqual([]);
    const short = points.map((p) => ({ ...p, record: { ...p.record, accuracy: 0.45 } }));
    const f = rankingFidelity(short.slice(0, 5), { suggestedEpochs: 4, chance: null });
    expect(f.warnings.map((w) => w.kind)).toEqual(['short-standalone']);
    expect(f.warnings[0]?.action).toContain('at least 4 epochs');
    expect(f.trusted).toBe(false);
  });

  it('warns below 5 pairs', () => {
    const four = rankingFidelity(points.slice(0, 4));
    expect(four.warnings.map((w) => w.kind)).toEqual(['few-pairs']);
    expect(four.kendall.value).not.toBeNull();
  });

  it('is null below 3 pairs and for a constant sample', () => {
    const two = rankingFidelity(points.slice(0, 2));
    expect(two.pairs).toHaveLength(2);
    expect(two.kendall).toEqual({ value: null, interval: null });
    expect(two.spearman).toEqual({ value: null, interval: null });
    expect(rankingFidelity([])).toMatchObject({ pairs: [], warnings: [], trusted: true });
    const flat = points.slice(0, 3).map((p) => ({ ...p, record: { ...p.record, accuracy: 0.5 } }));
    expect(rankingFidelity(flat)).toMatchObject({
      kendall: { value: null, interval: null },
      spearman: { value: null, interval: null },
    });
  });
});

describe('standaloneProblem', () => {
  it('names what stops a stand-alone training: no run, a run in progress, bad epochs', () => {
    const search = initialSearchView(sposSpec(1));
    const ended = runWith(sposSpec(1), 1, [record('a', 0.5, 10)]);
    expect(standaloneProblem({ run: initialRunState(), search })).toContain('Run a search first');
    expect(standaloneProblem({ run: runWith(sposSpec(1), 1, [], 'running'), search })).toContain(
      'A search is running',
    );
    expect(standaloneProblem({ run: ended, search })).toBeNull();
    for (const epochs of [Number.NaN, 0, 1.5, 501, -3])
      expect(
        standaloneProblem({ run: ended, search: { ...search, standaloneEpochs: epochs } }),
      ).toBe('Stand-alone epochs must be a whole number from 1 to 500.');
    for (const epochs of [1, 500])
      expect(
        standaloneProblem({ run: ended, search: { ...search, standaloneEpochs: epochs } }),
      ).toBeNull();
  });

  it('refuses while a saved run is replayed read-only', () => {
    const search = initialSearchView(sposSpec(1));
    const run = runWith(sposSpec(1), 1, [record('a', 0.5, 10)]);
    const replay = { id: 's', name: 'Saved', spec: sposSpec(1), run, createdAt: '' };
    const history = { ...initialHistoryState(), replay };
    expect(standaloneProblem({ run, search, history })).toContain('read-only');
  });
});
