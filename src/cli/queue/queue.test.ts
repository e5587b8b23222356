import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultExperiment } from '../../core/experiment/defaults';
import type { ExperimentSpec } from '../../core/experiment/spec';
import { strategyFor } from '../../core/experiment/strategy-for';
import { parseRunFile, type RunFile } from '../../core/export/run-file';
import { createRunControl } from '../../core/run/control';
import { parseArgs } from '../args';
import { runSearch } from '../commands/search';
import { runWorker } from '../commands/worker';
import { runHeadless } from '../headless';
import { memoryIo } from '../io';
import { createRng } from '../../core/random';
import { emptyBook, randomProposals } from '../../core/strategies/async-proposals';
import { TRIAL_JOB_OPTIONS, TRIAL_QUEUE } from './queue-config';
import { searchPlanOf } from './search-plan';
import { freePort } from '../free-port';
import { trialJobId } from './trial-job';
import {
  cliProcess,
  FAST_STALLS,
  startRedis,
  startWorker,
  type TestRedis,
  workerMidJob,
  type TestWorker,
} from './local-queue';

const dir = mkdtempSync(join(tmpdir(), 'nas-queue-'));

/** A small multi-trial experiment on 200 spiral points, written as a spec file; returns the spec and its file name. */
function specFile(
  name: string,
  strategy: { search: 'random' | 'evolution'; trials: number; epochs: number },
): { spec: ExperimentSpec; file: string } {
  const base = defaultExperiment('teaching', 'spiral', 4);
  const s = strategyFor('multi-trial', base);
  if (s.kind !== 'multi-trial') throw new Error('expected a multi-trial strategy');
  const spec: ExperimentSpec = {
    ...base,
    dataset: { ...base.dataset, samples: 200 },
    strategy: { ...s, ...strategy, population: 4, sample: 2 },
  };
  writeFileSync(join(dir, name), JSON.stringify(spec));
  return { spec, file: name };
}

/** Reads a run file written by the search. */
function readRun(name: string): RunFile {
  const read = parseRunFile(readFileSync(join(dir, name), 'utf8'));
  if (!read.ok) throw new Error(read.problems.join(' '));
  return read.run;
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
  workers = await Promise.all([0, 1, 2].map(() => startWorker(redis.url)));
}, 120_000);

afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop()));
  await redis?.stop();
});

describe('search on a queue', () => {
  it('ends a 12-trial random search on 3 worker processes with the trials and scores of the same search in one process', async () => {
    const { spec, file } = specFile('random.json', { search: 'random', trials: 12, epochs: 3 });
    const { code, io } = await search(`--spec ${file} --queue ${redis.url} --out random-run.json`);
    expect(code, io.stderr.join('\n')).toBe(0);
    const run = readRun('random-run.json');
    expect(run.status).toBe('finished');
    expect(new Set(run.subnets.map((s) => s.key)).size).toBe(12);
    const names = workers.map((w) => w.name);
    expect(run.queue?.trials).toHaveLength(12);
    for (const t of run.queue?.trials ?? []) {
      expect(names).toContain(t.worker);
      expect(t.trainMs).toBeGreaterThan(0);
    }
    expect(
      io.stderr.some((l) =>
        /^trials 12\/12 done · 0 running · 0 waiting · 0 failed · best/.test(l),
      ),
    ).toBe(true);

    const local = await runHeadless(spec, 'wasm', createRunControl(), () => undefined);
    expect(local.status).toBe('finished');
    const fields = (s: RunFile['subnets'][number]) => ({
      key: s.key,
      accuracy: s.accuracy,
      params: s.params,
      flops: s.flops,
      generation: s.generation,
      origin: s.origin,
    });
    expect(run.subnets.map(fields)).toEqual(local.state.subnets.map(fields));
    expect(run.result?.genotype).toEqual(local.state.result?.genotype);
    expect(run.result?.metrics.testAcc).toBe(local.state.result?.metrics.testAcc);
  });

  it('retries the trial of a worker killed mid-trial and still ends with every trial', async () => {
    const { file } = specFile('killed.json', { search: 'random', trials: 12, epochs: 40 });
    const searching = search(
      `--spec ${file} --queue ${redis.url} --name killed --out killed-run.json`,
    );
    const { worker: victim, jobId: victimJob } = await workerMidJob(redis.url, workers);
    await victim.stop();
    workers = workers.filter((w) => w !== victim);
    const { code, io } = await searching;
    expect(code, io.stderr.join('\n')).toBe(0);
    const run = readRun('killed-run.json');
    expect(new Set(run.subnets.map((s) => s.key)).size).toBe(12);
    const retried = run.queue?.trials.find((t) => `killed-t${t.index}` === victimJob);
    expect(retried?.worker).not.toBe(victim.name);
    expect(run.queue?.failed).toEqual([]);
    workers.push(await startWorker(redis.url));
  }, 180_000);

  it('carries on an evolution whose coordinator was killed, from the queue and the partial run file, training no trial twice', async () => {
    const { file } = specFile('evolution.json', { search: 'evolution', trials: 8, epochs: 40 });
    const path = join(dir, 'resumed-run.json');
    const args = `--spec ${join(dir, file)} --queue ${redis.url} --name resumed --out ${path}`;
    const first = cliProcess(['search', ...args.split(' ')]);
    first.stdout?.resume();
    first.stderr?.resume();
    for (let i = 0; i < 1200; i++) {
      if (existsSync(path) && (readRun('resumed-run.json').queue?.trials.length ?? 0) >= 5) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    const partial = readRun('resumed-run.json');
    expect(partial.status).toBe('running');
    const before = partial.queue?.trials ?? [];
    expect(before.length).toBeGreaterThanOrEqual(5);
    expect(before.length).toBeLessThan(8);

    const { code, io } = await search(args);
    expect(code, io.stderr.join('\n')).toBe(0);
    expect(io.stderr.join('\n')).toMatch(/already returned/);
    const run = readRun('resumed-run.json');
    expect(run.status).toBe('finished');
    expect(new Set(run.subnets.map((s) => s.key)).size).toBe(8);
    expect(run.subnets.filter((s) => s.origin === 'mutation')).toHaveLength(4);
    expect(run.queue?.trials.slice(0, before.length)).toEqual(before);
    expect(run.queue?.trials.every((t) => t.attempts === 1)).toBe(true);
  }, 180_000);

  it('reports a trial that failed three times as failed instead of retrying it forever', async () => {
    const { spec, file } = specFile('failing.json', { search: 'random', trials: 2, epochs: 1 });
    const queue = new Queue(TRIAL_QUEUE, { connection: { url: redis.url } });
    // A tampered trial 0: its key names another subnet, so every worker refuses to train it.
    const plan = searchPlanOf(spec, 'failing');
    if ('problem' in plan) throw new Error(plan.problem);
    const [first] = randomProposals(
      spec.space,
      1,
      createRng(spec.seed).fork(),
      emptyBook(),
      plan.rules,
    );
    if (first === undefined) throw new Error('no proposal');
    await queue.add(
      'trial 0',
      {
        search: 'failing',
        index: 0,
        spec,
        genotype: first.genotype,
        key: 'not-its-key',
        training: plan.training(first.key),
      },
      { ...TRIAL_JOB_OPTIONS, jobId: trialJobId('failing', 0) },
    );
    await queue.close();
    const { code, io } = await search(
      `--spec ${file} --queue ${redis.url} --name failing --out failing-run.json`,
    );
    expect(code).toBe(1);
    expect(io.stderr.join('\n')).toMatch(
      /trial 0 failed after 3 of 3 attempt\(s\): Trial 0's key does not match its subnet/,
    );
    const run = readRun('failing-run.json');
    expect(run.queue?.failed).toEqual([
      { index: 0, key: first.key, attempts: 3, reason: "Trial 0's key does not match its subnet." },
    ]);
    expect(run.subnets).toHaveLength(1);
    expect(run.status).toBe('finished');
  });

  it('says plainly that the queue cannot be reached and exits 2, for search and worker', async () => {
    const { file } = specFile('nowhere.json', { search: 'random', trials: 2, epochs: 1 });
    const url = `redis://127.0.0.1:${await freePort()}`;
    const started = Date.now();
    const { code, io } = await search(`--spec ${file} --queue ${url} --out nowhere-run.json`);
    expect(code).toBe(2);
    expect(io.stderr.join('\n')).toMatch(
      new RegExp(`Cannot reach the queue at ${url}: .*ECONNREFUSED.*redis-server`),
    );
    expect(existsSync(join(dir, 'nowhere-run.json'))).toBe(false);
    const w = memoryIo(dir);
    expect(await runWorker(parseArgs(['worker', '--queue', url]), w)).toBe(2);
    expect(w.stderr.join('\n')).toMatch(/Cannot reach the queue/);
    expect(Date.now() - started).toBeLessThan(15_000);
    const bad = await search(`--spec ${file} --queue http://x --out nowhere-run.json`);
    expect(bad.code).toBe(2);
    expect(bad.io.stderr[0]).toMatch(/--queue must be a Redis address/);
  });
});
