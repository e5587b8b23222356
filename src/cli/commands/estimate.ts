/**
 * `estimate (--spec <spec.json | link> | --space <preset> --dataset <id> --strategy <kind>)
 * [--seed N] [--epochs N] [--backend wasm|cpu] [--run]`: the expected run time of an experiment in
 * Node, from a timed probe on the backend, as the studio shows it before Run; with `--run` the
 * experiment is then run and its measured time printed beside the estimate.
 */
import { readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { roughDuration, unitMs } from '../../core/cost/estimate-text';
import type { RunEstimate } from '../../core/cost/run-estimate';
import { WORK_UNIT_NAMES } from '../../core/cost/work-units';
import { loadDataset } from '../../core/data/load';
import type { ExperimentSpec } from '../../core/experiment/spec';
import { createRunControl } from '../../core/run/control';
import { optionValue, type ParsedArgs } from '../args';
import { EXPERIMENT_OPTIONS, resolveExperiment, STRATEGY_KINDS } from '../experiment-source';
import type { HeadlessBackend } from '../headless';
import type { CliIo } from '../io';
import type { CommandHelp } from '../help';
import { createTerminalProgress } from '../progress-bar';

/** One-line summary and usage of the command. */
export const ESTIMATE_HELP: CommandHelp = {
  summary: 'Estimate an experiment’s run time from a timed probe (Node); --run also runs it.',
  usage: `estimate (--spec <spec.json | experiment link> | --space <preset> --dataset <id> --strategy <${STRATEGY_KINDS.join(' | ')}>) [--seed N] [--epochs N] [--backend wasm|cpu] [--run]`,
  options: EXPERIMENT_OPTIONS.concat([
    ['--run', 'Also run the experiment and print the estimate against the measured time.'],
  ]),
  examples: [
    'estimate --space nb201 --dataset mnist --strategy darts',
    'estimate --space teaching --dataset spiral --strategy spos --run',
  ],
};

const OPTIONS = ['spec', 'space', 'dataset', 'strategy', 'seed', 'epochs', 'backend', 'run'];

/** A whole number of at least `min` from option `name`; null when absent; a string says what is wrong. */
function whole(args: ParsedArgs, name: string, min: number): number | null | string {
  const text = optionValue(args, name);
  if (text === null) return null;
  const value = Number(text);
  return /^\d+$/.test(text.trim()) && Number.isSafeInteger(value) && value >= min
    ? value
    : `--${name} must be a whole number of at least ${min} (got "${text}").`;
}

/** The lines that show an estimate: the total, each phase, each unit's time and count. */
export function estimateLines(e: RunEstimate): string[] {
  const lines = [
    `expected run time: about ${roughDuration(e.totalSeconds)} on ${e.backend} (${e.totalSeconds.toFixed(1)} s; probe ${(e.probeMs / 1000).toFixed(1)} s)`,
  ];
  for (const [phase, s] of Object.entries(e.phases)) lines.push(`  ${phase}: ${s.toFixed(1)} s`);
  for (const u of WORK_UNIT_NAMES) {
    const ms = e.timings[u];
    const n = e.units[u];
    if (ms !== undefined && n !== undefined) lines.push(`  ${u}: ${unitMs(ms)} x ${n}`);
  }
  return lines;
}

/** Estimates `spec` on `backend` in this process. */
async function estimate(spec: ExperimentSpec, backend: HeadlessBackend): Promise<RunEstimate> {
  const { MNIST_FILE } = await import('../headless');
  const { initNodeBackend } = await import('../../engine/node-backend');
  const { createRunEstimator } = await import('../../engine/estimate/run-estimator');
  await initNodeBackend(backend);
  const data = await loadDataset(
    spec.dataset,
    spec.seed,
    async () => new Uint8Array(await readFile(MNIST_FILE)),
  );
  return createRunEstimator().estimate(spec, data);
}

/** Runs `spec` and measures it from its 'started' event to its end: wall and CPU seconds. */
async function measure(spec: ExperimentSpec, backend: HeadlessBackend, io: CliIo) {
  const { runHeadless } = await import('../headless');
  let t0 = Number.NaN;
  let cpu0 = process.cpuUsage();
  // On a terminal a bar shows the run's progress; piped output stays the estimate's lines alone.
  const bar =
    io.live === undefined ? null : createTerminalProgress(() => performance.now(), io.live.columns);
  const { status } = await runHeadless(spec, backend, createRunControl(), (e) => {
    const drawn = bar?.(e).bar ?? null;
    if (drawn !== null) io.live?.draw(drawn);
    if (e.type !== 'started') return;
    t0 = performance.now();
    cpu0 = process.cpuUsage();
  }).finally(() => io.live?.draw(null));
  const cpu = process.cpuUsage(cpu0);
  const wall = (performance.now() - t0) / 1000;
  io.out(
    `measured run (${status}): ${wall.toFixed(1)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU`,
  );
  return wall;
}

/** The first problem with the flags, or null. */
function flagProblem(args: ParsedArgs, checks: readonly (number | null | string)[]): string | null {
  const unknown = [...args.options.keys()].filter((k) => !OPTIONS.includes(k));
  if (unknown.length > 0) return `Unknown option ${unknown.map((k) => `--${k}`).join(', ')}.`;
  const backend = optionValue(args, 'backend') ?? 'wasm';
  if (backend !== 'wasm' && backend !== 'cpu')
    return `--backend must be wasm or cpu (got "${backend}").`;
  return checks.find((c): c is string => typeof c === 'string') ?? null;
}

/** Prints the estimate (and with --run the measured time and their ratio). Exit codes: 0 done, 1 failed, 2 bad flags or spec. */
export async function runEstimate(args: ParsedArgs, io: CliIo): Promise<number> {
  const seed = whole(args, 'seed', 0);
  const epochs = whole(args, 'epochs', 1);
  const problem = flagProblem(args, [seed, epochs]);
  if (problem !== null || typeof seed === 'string' || typeof epochs === 'string') {
    io.err(problem ?? 'Bad flags.');
    io.err(`Usage: npm run cli -- ${ESTIMATE_HELP.usage}`);
    return 2;
  }
  const source = await resolveExperiment(
    {
      spec: optionValue(args, 'spec'),
      space: optionValue(args, 'space'),
      dataset: optionValue(args, 'dataset'),
      strategy: optionValue(args, 'strategy'),
      seed,
      epochs,
    },
    io.cwd ?? process.cwd(),
  );
  if (!source.ok) {
    source.problems.forEach((p, i) => io.err(i === 0 ? p : `  ${p}`));
    return 2;
  }
  const backend: HeadlessBackend = optionValue(args, 'backend') === 'cpu' ? 'cpu' : 'wasm';
  io.out(`"${source.spec.name}" (${source.spec.strategy.kind}), load ${loadavg()[0]?.toFixed(2)}`);
  try {
    const e = await estimate(source.spec, backend);
    estimateLines(e).forEach((l) => io.out(l));
    if (args.options.get('run') === undefined) return 0;
    const wall = await measure(source.spec, backend, io);
    io.out(`estimate / measured: ${(e.totalSeconds / wall).toFixed(2)}`);
    return 0;
  } catch (err) {
    io.err(`The estimate failed: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}
