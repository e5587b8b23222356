/**
 * `search (--spec <spec.json | link> | --space <preset> --dataset <id> [--strategy <kind>] |
 * --front <run.json>) --queue redis://HOST:PORT [--name N] [--search random|evolution]
 * [--trials N] [--repeats N] [--seed N] [--epochs N] --out run.json`: carries out a multi-trial
 * search (or the stand-alone check of a run's Pareto front, or repeats of any experiment over
 * seeds) on a BullMQ queue that `worker` processes on any number of machines take jobs from,
 * merging the results into one run file as they arrive.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseRunFile } from '../../core/export/run-file';
import { optionValue, type ParsedArgs } from '../args';
import { EXPERIMENT_OPTIONS, resolveExperiment, withOverrides } from '../experiment-source';
import type { CommandHelp } from '../help';
import type { CliIo } from '../io';
import { coordinateSearch } from '../queue/coordinator';
import { parseQueueAddress } from '../queue/queue-config';
import { probeQueue } from '../queue/reach';
import { frontPlanOf, NAME_PATTERN, searchPlanOf, type SearchPlan } from '../queue/search-plan';
import { coordinatorFailure } from '../queue/queue-session';
import { partialRunFile } from '../queue/partial-file';
import { searchProgress } from '../queue/search-progress';
import { repeatsPlanFrom, runRepeats } from './search-repeats';

/** The command's help. */
export const SEARCH_HELP: CommandHelp = {
  summary:
    'Carry out a multi-trial search (or train a run’s Pareto front, or repeat any experiment over seeds) on a Redis queue that workers take jobs from; write one run file.',
  usage:
    'search (--spec <spec.json | experiment link> | --space <preset> --dataset <id> [--strategy <kind>] | --front <run.json>) --queue redis://HOST:PORT[/DB] [--name N] [--search random|evolution] [--trials N] [--repeats N] [--seed N] [--epochs N] --out run.json',
  options: [
    ...EXPERIMENT_OPTIONS.filter(([flag]) => !flag.startsWith('--backend')),
    [
      '--front <run.json>',
      'Instead of a search: train every subnet on this run file’s Pareto front (accuracy against params and FLOPs) stand-alone, as the studio’s “train stand-alone” does.',
    ],
    [
      '--queue <redis://HOST:PORT>',
      'The Redis server holding the queue (a database number may follow: /1).',
    ],
    [
      '--name N',
      'The search’s name on the queue (default: made from the experiment). The same name carries on a search whose coordinator stopped.',
    ],
    ['--search <random | evolution>', 'Override the multi-trial search.'],
    ['--trials N', 'Override the number of trials.'],
    [
      '--repeats N',
      'Instead of one search: run the whole experiment (any strategy) once per seed, seeds --seed (or the spec’s) to seed + N − 1, one job each; each seed’s run file is written next to --out (run.seed-3.json) and --out merges them: the seeds’ final subnets and the spread of their accuracy. Not with --front, --search or --trials.',
    ],
    [
      '--out FILE',
      'The run file, rewritten as trials (or seeds) return; the studio imports it like any run.',
    ],
  ],
  examples: [
    'search --space teaching --dataset spiral --search random --trials 12 --queue redis://127.0.0.1:6379 --out search.json',
    'search --spec spec.json --queue redis://10.0.0.5:6379 --name spiral-evo --out evo.json',
    'search --front darts-run.json --epochs 50 --queue redis://127.0.0.1:6379 --out front.json',
    'search --space teaching --dataset spiral --strategy darts --repeats 5 --queue redis://127.0.0.1:6379 --out darts-seeds.json',
  ],
};

const OPTIONS = [
  'spec',
  'space',
  'dataset',
  'strategy',
  'repeats',
  'seed',
  'epochs',
  'front',
  'queue',
  'name',
  'search',
  'trials',
  'out',
];

/** A whole number of at least `min` from option `name`; null when absent; a string says what is wrong. */
function whole(args: ParsedArgs, name: string, min: number): number | null | string {
  const text = optionValue(args, name);
  if (text === null) return null;
  const value = Number(text);
  return /^\d+$/.test(text.trim()) && Number.isSafeInteger(value) && value >= min
    ? value
    : `--${name} must be a whole number of at least ${min} (got "${text}").`;
}

/** The plan the options ask for, or the problems with them. */
async function planOf(args: ParsedArgs, cwd: string): Promise<SearchPlan | readonly string[]> {
  const seed = whole(args, 'seed', 0);
  const epochs = whole(args, 'epochs', 1);
  const trials = whole(args, 'trials', 1);
  for (const v of [seed, epochs, trials]) if (typeof v === 'string') return [v];
  const n = (v: number | null | string): number | null => (typeof v === 'number' ? v : null);
  const name = optionValue(args, 'name');
  if (name !== null && !NAME_PATTERN.test(name))
    return [`--name may hold letters, digits, ".", "-" and "_" only, 64 at most (got "${name}").`];
  const front = optionValue(args, 'front');
  if (front !== null) {
    const stray = ['spec', 'space', 'dataset', 'search', 'trials', 'seed'].find((k) =>
      args.options.has(k),
    );
    if (stray !== undefined)
      return [`--${stray} does not go with --front: the run file holds its experiment.`];
    let text: string;
    try {
      text = await readFile(resolve(cwd, front), 'utf8');
    } catch (e) {
      return [`Cannot read ${front}: ${e instanceof Error ? e.message : String(e)}.`];
    }
    const read = parseRunFile(text);
    if (!read.ok) return [`${front} is not a run file:`, ...read.problems];
    const plan = frontPlanOf(read.run, n(epochs), name);
    return 'problem' in plan ? [plan.problem] : plan;
  }
  const source = await resolveExperiment(
    {
      spec: optionValue(args, 'spec'),
      space: optionValue(args, 'space'),
      dataset: optionValue(args, 'dataset'),
      strategy: optionValue(args, 'strategy') ?? (args.options.has('spec') ? null : 'multi-trial'),
      seed: n(seed),
      epochs: n(epochs),
    },
    cwd,
  );
  if (!source.ok) return source.problems;
  let spec = source.spec;
  const search = optionValue(args, 'search');
  if (search !== null && search !== 'random' && search !== 'evolution')
    return [`--search must be random or evolution (got "${search}").`];
  if ((search !== null || trials !== null) && spec.strategy.kind === 'multi-trial') {
    spec = {
      ...spec,
      strategy: {
        ...spec.strategy,
        ...(search === null ? {} : { search }),
        ...(typeof trials === 'number' ? { trials } : {}),
      },
    };
    const checked = withOverrides(spec, { seed: null, epochs: null });
    if (!checked.ok) return checked.problems;
  }
  const plan = searchPlanOf(spec, name);
  return 'problem' in plan ? [plan.problem] : plan;
}

/**
 * Checks the options and the queue, then coordinates the search to its end. Exit codes: 0 every
 * trial returned; 1 some trial failed every attempt, or the queue was lost mid-search (the same
 * command carries on); 2 a bad option, spec or run file, an unreachable queue, a name the queue
 * holds for another experiment, or an output file that cannot be written.
 */
export async function runSearch(args: ParsedArgs, io: CliIo): Promise<number> {
  const usage = (problems: readonly string[]): number => {
    problems.forEach((p, i) => io.err(i === 0 ? p : `  ${p}`));
    io.err(`Usage: npm run cli -- ${SEARCH_HELP.usage}`);
    return 2;
  };
  const unknown = [...args.options.keys()].filter((k) => !OPTIONS.includes(k));
  if (unknown.length > 0)
    return usage([`Unknown option ${unknown.map((k) => `--${k}`).join(', ')}.`]);
  if (args.positionals.length > 0) return usage([`Unexpected argument "${args.positionals[0]}".`]);
  const bare = OPTIONS.find((k) => args.options.get(k) === true);
  if (bare !== undefined) return usage([`--${bare} needs a value.`]);
  const queueText = optionValue(args, 'queue');
  if (queueText === null) return usage(['The search command needs --queue redis://HOST:PORT.']);
  const address = parseQueueAddress(queueText);
  if ('problem' in address) return usage([address.problem]);
  const out = optionValue(args, 'out');
  if (out === null) return usage(['The search command needs --out, the run file to write.']);
  const cwd = io.cwd ?? process.cwd();
  const repeats = whole(args, 'repeats', 1);
  if (typeof repeats === 'string') return usage([repeats]);
  if (repeats !== null) {
    const numbers = [whole(args, 'seed', 0), whole(args, 'epochs', 1)];
    const bad = numbers.find((v) => typeof v === 'string');
    if (typeof bad === 'string') return usage([bad]);
    const [seed, epochs] = numbers.map((v) => (typeof v === 'number' ? v : null));
    const name = optionValue(args, 'name');
    if (name !== null && !NAME_PATTERN.test(name))
      return usage([
        `--name may hold letters, digits, ".", "-" and "_" only, 64 at most (got "${name}").`,
      ]);
    const plan = await repeatsPlanFrom(
      args,
      cwd,
      repeats,
      { seed: seed ?? null, epochs: epochs ?? null },
      name,
    );
    if (!('count' in plan)) return usage(plan);
    const unreachable = await probeQueue(address);
    if (unreachable !== null) {
      io.err(unreachable);
      return 2;
    }
    return runRepeats(plan, address, out, io);
  }
  const plan = await planOf(args, cwd);
  if (!('kind' in plan)) {
    plan.forEach((p, i) => io.err(i === 0 ? p : `  ${p}`));
    return 2;
  }
  const unreachable = await probeQueue(address);
  if (unreachable !== null) {
    io.err(unreachable);
    return 2;
  }
  const outPath = resolve(cwd, out);
  const partial = await partialRunFile(outPath, plan.name, plan.spec);
  const what =
    plan.kind === 'front'
      ? `the stand-alone check of ${plan.total} Pareto-front subnet(s)`
      : `${plan.kind === 'random' ? 'random search' : `aging evolution (population ${plan.population}, sample ${plan.sample})`} of ${plan.total} trial(s), seed ${plan.spec.seed}`;
  io.err(`search "${plan.name}" on ${address.text}: ${what}`);
  const progress = searchProgress(io);
  try {
    const outcome = await coordinateSearch(plan, address, outPath, partial, progress);
    progress.clear();
    if (outcome.message !== null) io.err(outcome.message);
    const best = outcome.file.result?.metrics.validAcc;
    io.err(
      `Wrote ${out}: ${outcome.file.subnets.length} trial(s) returned, ${outcome.failed} failed${
        best === undefined ? '' : `, best validation ${(100 * best).toFixed(1)}%`
      }.`,
    );
    return outcome.failed === 0 && outcome.file.subnets.length > 0 ? 0 : 1;
  } catch (err) {
    progress.clear();
    return coordinatorFailure(err, 'trials', (line) => io.err(line));
  }
}
