import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultExperiment } from '../../core/experiment/defaults';
import type { ExperimentSpec } from '../../core/experiment/spec';
import { strategyFor } from '../../core/experiment/strategy-for';
import { parseRunFile, runFileOf, type RunFile } from '../../core/export/run-file';
import { createRunControl } from '../../core/run/control';
import { spreadOf } from '../../core/stats/spread';
import { parseArgs } from '../args';
import { runSearch } from '../commands/search';
import { runHeadless } from '../headless';
import { memoryIo } from '../io';
import { freePort } from '../free-port';
import { TRIAL_QUEUE } from './queue-config';
import {
  FAST_STALLS,
  startRedis,
  startWorker,
  type TestRedis,
  workerMidJob,
  type TestWorker,
} from './local-queue';
import { repeatJobId } from './repeat-job';

const dir = mkdtempSync(join(tmpdir(), 'nas-repeats-'));

/** A DARTS search of the teaching space on 200 spiral points, seed 4, for `epochs`, as a spec file. */
function specFile(epochs = 2): { spec: ExperimentSpec; file: string } {
  const base = defaultExperiment('teaching', 'spiral', 4);
  const s = strategyFor('darts', base);
  if (s.kind !== 'darts') throw new Error('expected a DARTS strategy');
  const spec: ExperimentSpec = {
    ...base,
    dataset: { ...base.dataset, samples: 200 },
    strategy: { ...s, epochs },
  };
  const file = `darts-${epochs}.json`;
  writeFileSync(join(dir, file), JSON.stringify(spec));
  return { spec, file };
}

/** Reads a run file from the test folder. */
function readRun(name: string): RunFile {
  const read = parseRunFile(readFileSync(join(dir, name), 'utf8'));
  if (!read.ok) throw new Error(read.problems.join(' '));
  return read.run;
}

/** A run file without what depends on the clock: its times and the steps' elapsed time. */
function timeless(file: RunFile): unknown {
  const { exportedAt: _e, startedAt: _s, ...rest } = file;
  return JSON.parse(
    JSON.stringify({
      ...rest,
      series: { ...rest.series, steps: rest.series.steps.map((p) => ({ ...p, elapsedMs: 0 })) },
    }),
  );
}

/** Runs the search command in this process. */
async function search(argv: string) {
  const io = memoryIo(dir);
  const code = await runSearch(parseArgs(['search', ...argv.split(' ').filter(Boolean)]), io);
  return { code, io };
}

let redis: TestRedis;
let workers: TestWorker[] = [];

beforeAll(async () => {
  Object.assign(process.env, FAST_STALLS);
  redis = await startRedis();
  workers = await Promise.all([0, 1].map(() => startWorker(redis.url)));
}, 120_000);

afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop()));
  await redis?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('repeats on a queue', () => {
  it('runs a DARTS experiment once per seed on 2 worker processes, each seed exactly as `run` runs it in one process, and merges them', async () => {
    const { spec, file } = specFile();
    const args = `--spec ${file} --repeats 3 --queue ${redis.url} --name rep --out rep.json`;
    const { code, io } = await search(args);
    expect(code, io.stderr.join('\n')).toBe(0);
    const merged = readRun('rep.json');
    expect(merged.status).toBe('finished');
    const seeds = merged.repeats?.seeds ?? [];
    expect(seeds.map((s) => [s.index, s.seed, s.file])).toEqual([
      [0, 4, 'rep.seed-4.json'],
      [1, 5, 'rep.seed-5.json'],
      [2, 6, 'rep.seed-6.json'],
    ]);
    const names = workers.map((w) => w.name);
    for (const [i, s] of seeds.entries()) {
      const own = readRun(s.file);
      const local = await runHeadless(
        { ...spec, seed: s.seed },
        'wasm',
        createRunControl(),
        () => undefined,
      );
      expect(local.status).toBe('finished');
      const expected = runFileOf(
        { ...local.state, spec: { ...spec, seed: s.seed } },
        { exportedAt: '' },
      );
      expect(timeless(own)).toEqual(timeless(parseOk(JSON.stringify(expected))));
      expect(names).toContain(s.worker);
      expect(s.seconds).toBeGreaterThan(0);
      expect(s.genotype).toEqual(own.result?.genotype);
      expect(s.testAcc).toBe(own.result?.metrics.testAcc);
      const record = own.subnets.find((r) => r.key === s.key);
      expect(s.accuracy).toBe(record?.accuracy);
      expect(merged.queue?.trials.find((t) => t.index === i)?.worker).toBe(s.worker);
    }
    // One record per distinct final cell, marked with the first seed that found it.
    const keys = [...new Set(seeds.map((s) => s.key))];
    expect(merged.subnets.map((r) => [r.key, r.seed])).toEqual(
      keys.map((k) => [k, seeds.find((s) => s.key === k)?.seed]),
    );
    // Each run kept its job's lock (4 s under FAST_STALLS) to the end: no attempt was lost to a stall.
    expect(merged.queue?.trials.map((t) => t.attempts)).toEqual([1, 1, 1]);
    expect(merged.repeats?.spread.accuracy).toEqual(spreadOf(seeds.map((s) => s.accuracy)));
    expect(merged.repeats?.spread.testAcc.n).toBe(3);
    const sorted = [...seeds].sort((a, b) => a.accuracy - b.accuracy || a.index - b.index);
    expect(merged.result?.genotype).toEqual(sorted[1]?.genotype);
    expect(
      io.stderr.some((l) => /^seeds 3\/3 done · 0 running · 0 waiting · 0 failed/.test(l)),
    ).toBe(true);

    // Started again after one seed's file and job are gone: only that seed runs again.
    const before = timeless(readRun('rep.seed-5.json'));
    rmSync(join(dir, 'rep.seed-5.json'));
    const queue = new Queue(TRIAL_QUEUE, { connection: { url: redis.url } });
    await (await queue.getJob(repeatJobId('rep', 1)))?.remove();
    await queue.close();
    const again = await search(args);
    expect(again.code, again.io.stderr.join('\n')).toBe(0);
    expect(again.io.stderr.join('\n')).toMatch(
      /2 of 3 seed\(s\) already returned, 2 found on the queue/,
    );
    expect(again.io.stderr.filter((l) => /^seed \d+ \(repeat \d+\) done by/.test(l))).toHaveLength(
      1,
    );
    const rerun = readRun('rep.json');
    expect(rerun.repeats?.seeds.map((s) => [s.seed, s.accuracy, s.testAcc])).toEqual(
      seeds.map((s) => [s.seed, s.accuracy, s.testAcc]),
    );
    expect(timeless(readRun('rep.seed-5.json'))).toEqual(before);
  }, 120_000);

  it('runs the seed of a worker killed mid-run again on another worker', async () => {
    const { file } = specFile(12);
    const searching = search(
      `--spec ${file} --repeats 2 --queue ${redis.url} --name killed --out killed.json`,
    );
    const { worker: victim, jobId: victimJob } = await workerMidJob(redis.url, workers);
    await victim.stop();
    workers = workers.filter((w) => w !== victim);
    const { code, io } = await searching;
    expect(code, io.stderr.join('\n')).toBe(0);
    expect(io.stderr.some((l) => /^seed \d+ \(repeat \d+\) started on .+:\d+$/.test(l))).toBe(true);
    const run = readRun('killed.json');
    expect(run.repeats?.seeds).toHaveLength(2);
    const retried = run.queue?.trials.find((t) => `killed-r${t.index}` === victimJob);
    expect(retried?.worker).not.toBe(victim.name);
    expect(run.queue?.failed).toEqual([]);
  }, 60_000);

  it('refuses a name the queue holds for another experiment, plainly, with exit code 2', async () => {
    const { file } = specFile(3);
    const { code, io } = await search(
      `--spec ${file} --repeats 3 --queue ${redis.url} --name rep --out other.json`,
    );
    expect(code).toBe(2);
    expect(io.stderr).toContain(
      'The queue already holds work named "rep" of another experiment; choose another --name.',
    );
  });

  it('says plainly that the queue cannot be reached and exits 2', async () => {
    const { file } = specFile();
    const url = `redis://127.0.0.1:${await freePort()}`;
    const { code, io } = await search(`--spec ${file} --repeats 2 --queue ${url} --out none.json`);
    expect(code).toBe(2);
    expect(io.stderr.join('\n')).toMatch(/Cannot reach the queue at .*ECONNREFUSED/);
    expect(existsSync(join(dir, 'none.json'))).toBe(false);
  });
});

/** Parses run file text that must be valid. */
function parseOk(text: string): RunFile {
  const read = parseRunFile(text);
  if (!read.ok) throw new Error(read.problems.join(' '));
  return read.run;
}
