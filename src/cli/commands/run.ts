/**
 * `run (--spec <spec.json | link> | --space <preset> --dataset <id> --strategy <kind> | --data
 * <file.csv | images.zip> [--space] [--strategy] [--label] [--features] [--image-size] [--rgb]
 * [--no-standardize]) [--seed N] [--epochs N] [--latency-target ms] [--latency-form form]
 * [--warmup-proxy proxy] [--warmup-pool N] [--backend wasm|cpu] --out run.json`: runs an
 * experiment in Node with the studio's engine and writes the run file the studio exports and imports.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { runFileOf, serializeRunFile } from '../../core/export/run-file';
import { createRunControl } from '../../core/run/control';
import { optionValue, type ParsedArgs } from '../args';
import type { UploadChoices } from '../../core/data/upload/parse';
import { EXPERIMENT_OPTIONS, resolveExperiment, STRATEGY_KINDS } from '../experiment-source';
import { resolveUploadExperiment, type DataRequest, type UploadSource } from '../upload-source';
import type { HeadlessBackend } from '../headless';
import type { CliIo } from '../io';
import {
  LATENCY_FLAGS,
  LATENCY_OPTIONS,
  readLatencyFlags,
  withLatencyRequest,
  type LatencyRequest,
} from '../latency-options';
import { progressSink } from '../progress-sink';
import {
  readWarmupFlags,
  WARMUP_FLAGS,
  WARMUP_OPTIONS,
  withWarmupRequest,
  type WarmupRequest,
} from '../warmup-options';
import type { CommandHelp } from '../help';

/** The command's help. */
export const RUN_HELP: CommandHelp = {
  summary: 'Run an experiment headless (Node, wasm) and write its run file.',
  usage: `run (--spec <spec.json | experiment link> | --space <preset> --dataset <id> --strategy <${STRATEGY_KINDS.join(' | ')}> | --data <file.csv | images.zip> [--space <preset>] [--strategy <kind>] [--label <column>] [--features <a,b,...>] [--no-standardize] [--image-size N] [--rgb]) [--seed N] [--epochs N] [--latency-target ms] [--latency-form form] [--warmup-proxy proxy] [--warmup-pool N] [--backend wasm|cpu] --out run.json`,
  options: [
    ...EXPERIMENT_OPTIONS,
    ...LATENCY_OPTIONS,
    ...WARMUP_OPTIONS,
    [
      '--data <file>',
      "Your own data: a CSV (one row per example, a label column) or a zip of images in one folder per class. With --spec: the spec's uploaded file.",
    ],
    ['--label <column>', 'The CSV column holding the class (default: the last).'],
    [
      '--features <a,b,...>',
      'The CSV columns to learn from (default: every numeric column but the label).',
    ],
    [
      '--no-standardize',
      'Keep CSV features as they are (default: each scaled to mean 0, deviation 1).',
    ],
    ['--image-size N', 'Side the images are resized to (default 14).'],
    ['--rgb', 'Keep the images in colour (default: grey).'],
    ['--out FILE', 'The run file to write (also for a run that stopped or failed).'],
  ],
  examples: [
    'run --space teaching --dataset spiral --strategy darts --out run.json',
    'run --space nb201 --dataset mnist --strategy spos --seed 2 --out spos.json',
    'run --space teaching --dataset spiral --strategy darts --latency-target 0.5 --out fast.json',
    'run --space teaching --dataset spiral --strategy multi-trial --warmup-proxy synflow --warmup-pool 500 --out warm.json',
    'run --data my-table.csv --label species --out run.json',
  ],
};

const OPTIONS = [
  'spec',
  'space',
  'dataset',
  'strategy',
  'seed',
  'epochs',
  'backend',
  'out',
  'data',
  'label',
  'features',
  'image-size',
  'rgb',
  'no-standardize',
  ...LATENCY_FLAGS,
  ...WARMUP_FLAGS,
] as const;

/** Options that are bare flags (no value). */
const BARE = ['rgb', 'no-standardize'];

/** A whole number in [min, max] from option `name`, null when absent, or the problem. */
function wholeOption(
  args: ParsedArgs,
  name: string,
  min: number,
): { value: number | null } | { problem: string } {
  const text = optionValue(args, name);
  if (text === null) return { value: null };
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < min)
    return { problem: `--${name} must be a whole number of at least ${min} (got "${text}").` };
  return { value };
}

/** The parsed options, or the first problem with them. */
function readOptions(args: ParsedArgs):
  | {
      readonly seed: number | null;
      readonly epochs: number | null;
      readonly backend: HeadlessBackend;
      readonly out: string;
      readonly data: DataRequest | null;
      readonly latency: LatencyRequest;
      readonly warmup: WarmupRequest;
    }
  | { readonly problem: string } {
  const unknown = [...args.options.keys()].filter(
    (k) => !(OPTIONS as readonly string[]).includes(k),
  );
  if (unknown.length > 0)
    return { problem: `Unknown option ${unknown.map((k) => `--${k}`).join(', ')}.` };
  if (args.positionals.length > 0)
    return { problem: `Unexpected argument "${args.positionals[0]}".` };
  for (const name of OPTIONS)
    if (args.options.get(name) === true && !BARE.includes(name))
      return { problem: `--${name} needs a value.` };
  for (const name of BARE)
    if (typeof args.options.get(name) === 'string') return { problem: `--${name} takes no value.` };
  const out = optionValue(args, 'out');
  if (out === null) return { problem: 'The run command needs --out, the run file to write.' };
  const backend = optionValue(args, 'backend') ?? 'wasm';
  if (backend !== 'wasm' && backend !== 'cpu')
    return { problem: `--backend must be wasm or cpu (got "${backend}").` };
  const seed = wholeOption(args, 'seed', 0);
  if ('problem' in seed) return seed;
  const epochs = wholeOption(args, 'epochs', 1);
  if ('problem' in epochs) return epochs;
  const data = dataOption(args);
  if (data !== null && 'problem' in data) return data;
  const latency = readLatencyFlags(args);
  if ('problem' in latency) return latency;
  const warmup = readWarmupFlags(args);
  if ('problem' in warmup) return warmup;
  return { seed: seed.value, epochs: epochs.value, backend, out, data, latency, warmup };
}

/** `--data` and how to read it, null without `--data`, or the problem with its flags. */
function dataOption(args: ParsedArgs): DataRequest | { readonly problem: string } | null {
  const path = optionValue(args, 'data');
  const reading = ['label', 'features', 'image-size', 'rgb', 'no-standardize'];
  if (path === null) {
    const stray = reading.find((k) => args.options.has(k));
    return stray === undefined ? null : { problem: `--${stray} is only for --data.` };
  }
  const side = wholeOption(args, 'image-size', 1);
  if ('problem' in side) return side;
  const label = optionValue(args, 'label');
  const features = optionValue(args, 'features');
  const choices: UploadChoices = {
    ...(label === null ? {} : { label }),
    ...(features === null
      ? {}
      : {
          features: features
            .split(',')
            .map((f) => f.trim())
            .filter((f) => f !== ''),
        }),
    ...(args.options.has('no-standardize') ? { standardize: false } : {}),
    ...(side.value === null ? {} : { side: side.value }),
    ...(args.options.has('rgb') ? { channels: 3 as const } : {}),
  };
  return { path, choices };
}

/**
 * Runs the experiment, printing progress to stderr, and writes the run file (also for a run that
 * stopped or failed, with its status). Ctrl+C stops the run after the current step. Exit codes: 0
 * finished; 1 stopped or failed; 2 a bad flag, spec, link or data file (each problem printed), or
 * an unwritable output file.
 */
export async function runRun(args: ParsedArgs, io: CliIo): Promise<number> {
  const options = readOptions(args);
  if ('problem' in options) {
    io.err(options.problem);
    io.err(`Usage: npm run cli -- ${RUN_HELP.usage}`);
    return 2;
  }
  const cwd = io.cwd ?? process.cwd();
  const request = {
    spec: optionValue(args, 'spec'),
    space: optionValue(args, 'space'),
    dataset: optionValue(args, 'dataset'),
    strategy: optionValue(args, 'strategy'),
    seed: options.seed,
    epochs: options.epochs,
  };
  const resolved: UploadSource =
    options.data === null
      ? { examples: undefined, ...(await resolveExperiment(request, cwd)) }
      : await resolveUploadExperiment(request, options.data, cwd);
  const latency = resolved.ok ? withLatencyRequest(resolved.spec, options.latency) : resolved;
  const warmed = latency.ok ? withWarmupRequest(latency.spec, options.warmup) : latency;
  const source = resolved.ok ? { ...warmed, examples: resolved.examples } : resolved;
  if (!source.ok) {
    source.problems.forEach((p, i) => io.err(i === 0 ? p : `  ${p}`));
    return 2;
  }
  const { spec, examples } = source;
  if (spec.dataset.upload !== undefined && examples === undefined) {
    io.err(
      `The experiment runs on the uploaded file ${spec.dataset.upload.name}; give it with --data <file>.`,
    );
    return 2;
  }
  io.err(`running "${spec.name}" (${spec.strategy.kind}, seed ${spec.seed}) on ${options.backend}`);
  const { runHeadless } = await import('../headless');
  const control = createRunControl();
  const stop = (): void => {
    io.err('stopping after the current step…');
    control.stop();
  };
  process.once('SIGINT', stop);
  const startedAt = new Date().toISOString();
  const { status, state } = await runHeadless(
    spec,
    options.backend,
    control,
    progressSink(io),
    examples,
  ).finally(() => {
    process.off('SIGINT', stop);
    io.live?.draw(null);
  });
  const file = runFileOf({ ...state, spec }, { startedAt, exportedAt: new Date().toISOString() });
  try {
    await writeFile(resolve(cwd, options.out), `${serializeRunFile(file)}\n`);
  } catch (e) {
    io.err(`Cannot write ${options.out}: ${e instanceof Error ? e.message : String(e)}.`);
    return 2;
  }
  io.err(`Wrote ${options.out} (run ${status}).`);
  return status === 'finished' ? 0 : 1;
}
