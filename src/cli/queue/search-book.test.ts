import { describe, expect, it } from 'vitest';
import { defaultExperiment } from '../../core/experiment/defaults';
import { strategyFor } from '../../core/experiment/strategy-for';
import { parseRunFile, serializeRunFile } from '../../core/export/run-file';
import { createRng } from '../../core/random';
import { emptyBook, randomProposals } from '../../core/strategies/async-proposals';
import { memoryIo } from '../io';
import { parseQueueAddress } from './queue-config';
import { createSearchBook, searchRunFile } from './search-book';
import { canonicalJson, searchPlanOf } from './search-plan';
import { searchProgress } from './search-progress';

/** A 4-trial random search plan on the spiral. */
function plan() {
  const base = defaultExperiment('teaching', 'spiral', 4);
  const s = strategyFor('multi-trial', base);
  if (s.kind !== 'multi-trial') throw new Error('expected multi-trial');
  const p = searchPlanOf({ ...base, strategy: { ...s, search: 'random', trials: 4 } }, 'book');
  if ('problem' in p) throw new Error(p.problem);
  return p;
}

describe('queued search ledger', () => {
  it('writes a run file the studio reads back: subnets in trial order, the best as the result, and the queue block with NaN kept', () => {
    const p = plan();
    const book = createSearchBook(p, '2026-01-01T00:00:00.000Z');
    const proposals = randomProposals(p.spec.space, 3, createRng(1), emptyBook(), p.rules);
    proposals.forEach((c, index) =>
      book.proposals.set(index, { ...c, origin: 'random', generation: 0, index }),
    );
    const trial = (index: number, validAcc: number) => ({
      index,
      key: proposals[index]?.key ?? '',
      worker: `host:${index}`,
      trainMs: 100 + index,
      waitMs: 5,
      attempts: 1,
      finishedAt: '2026-01-01T00:00:01.000Z',
      steps: 10,
      trainLoss: Number.NaN,
      validAcc,
      validLoss: 0.5,
      testAcc: validAcc - 0.1,
      testLoss: 0.6,
    });
    book.arrived.push(trial(2, 0.9), trial(0, 0.9));
    book.failed.set(1, { index: 1, key: proposals[1]?.key ?? '', attempts: 3, reason: 'boom' });
    const file = searchRunFile(book, 'finished');
    const read = parseRunFile(serializeRunFile(file));
    if (!read.ok) throw new Error(read.problems.join(' '));
    expect(read.run.subnets.map((s) => s.key)).toEqual([proposals[0]?.key, proposals[2]?.key]);
    expect(read.run.result?.genotype).toEqual(proposals[0]?.genotype);
    expect(read.run.result?.metrics.testAcc).toBeCloseTo(0.8);
    expect(read.run.queue?.trials.map((t) => t.index)).toEqual([2, 0]);
    expect(read.run.queue?.trials[0]?.trainLoss).toBeNaN();
    expect(read.run.queue?.failed).toEqual([
      { index: 1, key: proposals[1]?.key, attempts: 3, reason: 'boom' },
    ]);
    expect(read.run.series.steps.map((s) => s.step)).toEqual([10, 20]);
    const { queue: _queue, ...older } = JSON.parse(serializeRunFile(file)) as Record<
      string,
      unknown
    >;
    const plain = parseRunFile(JSON.stringify(older));
    expect(plain.ok && plain.run.queue).toBeUndefined();
  });

  it('reads queue addresses and refuses what is not one', () => {
    expect(parseQueueAddress('redis://127.0.0.1:6390/2')).toEqual({
      host: '127.0.0.1',
      port: 6390,
      db: 2,
      text: 'redis://127.0.0.1:6390/2',
    });
    expect(parseQueueAddress('redis://queue-host')).toMatchObject({
      host: 'queue-host',
      port: 6379,
      db: 0,
    });
    for (const bad of [
      '127.0.0.1:6379',
      'http://x:1',
      'redis://x:0',
      'redis://x:1/99',
      'redis://x:1/a',
    ])
      expect(parseQueueAddress(bad), bad).toHaveProperty('problem');
  });

  it('refuses what the queue cannot carry out, in plain words', () => {
    const p = plan();
    const darts = { ...p.spec, strategy: strategyFor('darts', p.spec) };
    expect(searchPlanOf(darts, null)).toMatchObject({
      problem: expect.stringMatching(/strategy is darts/),
    });
    const s = p.spec.strategy;
    if (s.kind !== 'multi-trial') throw new Error('expected multi-trial');
    const bounded = {
      ...p.spec,
      strategy: { ...s, constraints: { ...s.constraints, maxLatencyMs: 2 } },
    };
    expect(searchPlanOf(bounded, null)).toMatchObject({
      problem: expect.stringMatching(/latency bound/),
    });
    expect(canonicalJson({ b: 1, a: { d: 2, c: 3 } })).toBe(
      canonicalJson({ a: { c: 3, d: 2 }, b: 1 }),
    );
  });

  it('prints the live line piped: on every settled trial, otherwise at most every 2 s', () => {
    const io = memoryIo();
    let now = 0;
    const hooks = searchProgress(io, () => now);
    const counts = { total: 4, done: 0, running: 1, waiting: 3, failed: 0, best: null };
    hooks.onCounts(counts);
    hooks.onCounts({ ...counts, running: 2, waiting: 2 });
    now = 2500;
    hooks.onCounts({ ...counts, running: 2, waiting: 2 });
    hooks.onCounts({
      ...counts,
      done: 1,
      running: 2,
      waiting: 1,
      best: { accuracy: 0.875, index: 0 },
    });
    expect(io.stderr).toEqual([
      'trials 0/4 done · 1 running · 3 waiting · 0 failed · no result yet',
      'trials 0/4 done · 2 running · 2 waiting · 0 failed · no result yet',
      'trials 1/4 done · 2 running · 1 waiting · 0 failed · best 87.5% (trial 0)',
    ]);
  });
});
