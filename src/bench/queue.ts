/**
 * `npm run bench:queue`: the queued search's scaling on this machine. Starts a throw-away
 * redis-server, then runs the same 12-trial random search (teaching space, 200 spiral points,
 * 30 epochs a trial) with 1, 2 and 3 worker processes, and prints trials per minute for each and
 * the queue's overhead per job: with one worker, the search's wall time not spent training,
 * divided by the trials (taking the job, its lock, storing the result, the coordinator noticing).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultExperiment } from '../core/experiment/defaults';
import type { ExperimentSpec } from '../core/experiment/spec';
import { strategyFor } from '../core/experiment/strategy-for';
import { parseRunFile } from '../core/export/run-file';
import { parseArgs } from '../cli/args';
import { runSearch } from '../cli/commands/search';
import { memoryIo } from '../cli/io';
import { startRedis, startWorker } from '../cli/queue/local-queue';

const TRIALS = 12;
const EPOCHS = 30;

/** The benchmark's experiment. */
function benchSpec(): ExperimentSpec {
  const base = defaultExperiment('teaching', 'spiral', 4);
  const s = strategyFor('multi-trial', base);
  if (s.kind !== 'multi-trial') throw new Error('expected a multi-trial strategy');
  return {
    ...base,
    dataset: { ...base.dataset, samples: 200 },
    strategy: { ...s, search: 'random', trials: TRIALS, epochs: EPOCHS },
  };
}

/** One row: workers, wall time, trials per minute, training time summed over trials. */
interface Row {
  readonly workers: number;
  readonly wallMs: number;
  readonly perMinute: number;
  readonly trainMs: number;
}

const dir = mkdtempSync(join(tmpdir(), 'nas-queue-bench-'));
writeFileSync(join(dir, 'spec.json'), JSON.stringify(benchSpec()));
const loadBefore = loadavg();
const redis = await startRedis();
const rows: Row[] = [];
try {
  for (const k of [1, 2, 3]) {
    const workers = await Promise.all(Array.from({ length: k }, () => startWorker(redis.url)));
    const io = memoryIo(dir);
    const started = performance.now();
    const code = await runSearch(
      parseArgs(
        `search --spec spec.json --queue ${redis.url} --name bench-${k} --out run-${k}.json`.split(
          ' ',
        ),
      ),
      io,
    );
    const wallMs = performance.now() - started;
    await Promise.all(workers.map((w) => w.stop()));
    if (code !== 0)
      throw new Error(`the search with ${k} worker(s) failed:\n${io.stderr.join('\n')}`);
    const read = parseRunFile(readFileSync(join(dir, `run-${k}.json`), 'utf8'));
    if (!read.ok) throw new Error(read.problems.join(' '));
    const trainMs = (read.run.queue?.trials ?? []).reduce((sum, t) => sum + t.trainMs, 0);
    rows.push({ workers: k, wallMs, perMinute: (TRIALS * 60_000) / wallMs, trainMs });
  }
} finally {
  await redis.stop();
  rmSync(dir, { recursive: true, force: true });
}
const loadAfter = loadavg();
const one = rows[0];
console.log(
  `queued random search: ${TRIALS} trials of the teaching space on 200 spiral points, ${EPOCHS} epochs each, wasm`,
);
console.log(
  `machine: ${availableParallelism()} cores; load average ${loadBefore.map((l) => l.toFixed(2)).join(' ')} before, ${loadAfter.map((l) => l.toFixed(2)).join(' ')} after`,
);
console.log('workers  wall (s)  trials/min  speed-up  mean trial training (s)');
for (const r of rows)
  console.log(
    `${String(r.workers).padStart(7)}  ${(r.wallMs / 1000).toFixed(1).padStart(8)}  ${r.perMinute.toFixed(1).padStart(10)}  ${(one ? r.perMinute / one.perMinute : 1).toFixed(2).padStart(8)}  ${(r.trainMs / TRIALS / 1000).toFixed(2).padStart(23)}`,
  );
if (one)
  console.log(
    `queue overhead per job (1 worker: wall time not spent training / trials): ${((one.wallMs - one.trainMs) / TRIALS).toFixed(0)} ms`,
  );
