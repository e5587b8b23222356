import { describe, expect, it } from 'vitest';
import { defaultExperiment } from '../../core/experiment/defaults';
import { strategyFor } from '../../core/experiment/strategy-for';
import { withLatencyForm } from '../../core/latency-loss/spec';
import { parseArgs } from '../args';
import { memoryIo } from '../io';
import { repeatFilePath, repeatSpec, repeatsPlanOf } from '../queue/repeat-plan';
import { runSearch } from './search';

/** Runs the search command with `argv` (every case here is refused before the queue is asked). */
async function search(argv: string) {
  const io = memoryIo('/tmp');
  const code = await runSearch(parseArgs(['search', ...argv.split(' ')]), io);
  return { code, first: io.stderr[0] ?? '' };
}

const QUEUE = '--queue redis://127.0.0.1:6379 --out r.json';

describe('search --repeats', () => {
  it('refuses what does not go with repeats, plainly, with exit code 2', async () => {
    const base = `--space teaching --dataset spiral --strategy darts ${QUEUE}`;
    expect(await search(`${base} --repeats 3 --trials 4`)).toEqual({
      code: 2,
      first:
        '--trials does not go with --repeats: --repeats runs the whole experiment once per seed (its own trials included); drop one of them.',
    });
    expect((await search(`${base} --repeats 3 --search random`)).first).toMatch(
      /^--search does not go with --repeats/,
    );
    expect((await search(`--front run.json ${QUEUE} --repeats 2`)).first).toMatch(
      /^--front does not go with --repeats/,
    );
    expect(await search(`${base} --repeats 0`)).toEqual({
      code: 2,
      first: '--repeats must be a whole number of at least 1 (got "0").',
    });
    expect((await search(`${base} --repeats 1001`)).first).toBe(
      '--repeats may be at most 1000 (got 1001).',
    );
    expect(
      (await search(`--space teaching --dataset spiral --strategy nope ${QUEUE} --repeats 2`)).code,
    ).toBe(2);
  });

  it('plans seeds spec.seed … spec.seed + n − 1 with files beside the output, and refuses latency-measured experiments', () => {
    const base = defaultExperiment('teaching', 'spiral', 7);
    const darts = { ...base, strategy: strategyFor('darts', base) };
    const plan = repeatsPlanOf(darts, 3, null);
    if ('problem' in plan) throw new Error(plan.problem);
    expect(plan.name).toMatch(/^repeats-/);
    expect([0, 1, 2].map((i) => repeatSpec(plan, i).seed)).toEqual([7, 8, 9]);
    expect(repeatFilePath(plan, '/w/out/run.json', 2)).toBe('/w/out/run.seed-9.json');
    const s = darts.strategy;
    if (!('latency' in s)) throw new Error('DARTS has a latency loss setting');
    const latency = {
      ...darts,
      strategy: { ...s, latency: withLatencyForm(s.latency, 'mul#log') },
    };
    expect(repeatsPlanOf(latency, 2, null)).toEqual({
      problem: expect.stringMatching(
        /^A latency-aware loss cannot be repeated on the queue/,
      ) as unknown,
    });
    const mt = strategyFor('multi-trial', base);
    if (mt.kind !== 'multi-trial') throw new Error('expected multi-trial');
    const bounded = {
      ...base,
      strategy: { ...mt, constraints: { ...mt.constraints, maxLatencyMs: 1 } },
    };
    expect('problem' in repeatsPlanOf(bounded, 2, null)).toBe(true);
  });
});
