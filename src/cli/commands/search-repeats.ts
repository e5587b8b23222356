/**
 * `search … --repeats N`: the whole experiment (any strategy `run` supports) run once per seed on
 * the queue, each seed one job; each seed's run file is written next to --out and the merged
 * repeats file to --out.
 */
import { relative, resolve } from 'node:path';
import type { RunFile } from '../../core/export/run-file';
import { FEW_REPEATS, spreadOf } from '../../core/stats/spread';
import { optionValue, type ParsedArgs } from '../args';
import { resolveExperiment } from '../experiment-source';
import type { CliIo } from '../io';
import type { QueueAddress } from '../queue/queue-config';
import { coordinateRepeats } from '../queue/repeats-coordinator';
import { MAX_REPEATS, repeatFilePath, repeatsPlanOf, type RepeatsPlan } from '../queue/repeat-plan';
import { coordinatorFailure } from '../queue/queue-session';
import { partialRunFile } from '../queue/partial-file';
import { searchProgress } from '../queue/search-progress';

/** Options that choose a search's trials, so they make no sense with --repeats. */
const CLASHING = ['front', 'trials', 'search'];

/**
 * The repeats `--repeats` asks for (already read as a whole number `count`), or the problems with
 * the options: the experiment comes from --spec or --space, --dataset and --strategy (with --seed
 * the first repeat's seed and --epochs), and the options that pick a search's trials are refused.
 */
export async function repeatsPlanFrom(
  args: ParsedArgs,
  cwd: string,
  count: number,
  numbers: { readonly seed: number | null; readonly epochs: number | null },
  name: string | null,
): Promise<RepeatsPlan | readonly string[]> {
  if (count > MAX_REPEATS) return [`--repeats may be at most ${MAX_REPEATS} (got ${count}).`];
  const clash = CLASHING.find((k) => args.options.has(k));
  if (clash !== undefined)
    return [
      `--${clash} does not go with --repeats: --repeats runs the whole experiment once per seed (its own trials included); drop one of them.`,
    ];
  const source = await resolveExperiment(
    {
      spec: optionValue(args, 'spec'),
      space: optionValue(args, 'space'),
      dataset: optionValue(args, 'dataset'),
      strategy: optionValue(args, 'strategy'),
      seed: numbers.seed,
      epochs: numbers.epochs,
    },
    cwd,
  );
  if (!source.ok) return source.problems;
  const plan = repeatsPlanOf(source.spec, count, name);
  return 'problem' in plan ? [plan.problem] : plan;
}

/** The repeats file an earlier coordinator of these very repeats left at `path`, or null. */
async function partialOf(path: string, plan: RepeatsPlan): Promise<RunFile | null> {
  const run = await partialRunFile(path, plan.name, plan.spec);
  return run?.repeats === undefined ? null : run;
}

/** Percent with one decimal, or n/a. */
const pct = (v: number): string => (Number.isFinite(v) ? `${(100 * v).toFixed(1)}%` : 'n/a');

/**
 * Coordinates the repeats to their end and says how they spread. Exit codes as `search`'s: 0 every
 * seed returned; 1 some seed failed every attempt, or the queue was lost (the same command carries
 * on); 2 the queue holds other work under this name, or a run file cannot be written.
 */
export async function runRepeats(
  plan: RepeatsPlan,
  address: QueueAddress,
  out: string,
  io: CliIo,
): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const outPath = resolve(cwd, out);
  const partial = await partialOf(outPath, plan);
  const last = plan.spec.seed + plan.count - 1;
  io.err(
    `repeats "${plan.name}" on ${address.text}: ${plan.spec.strategy.kind} "${plan.spec.name}" with seeds ${plan.spec.seed}–${last} (${plan.count} run(s)); each seed's run file goes to ${relative(cwd, repeatFilePath(plan, outPath, 0))} and on`,
  );
  const progress = searchProgress(io, undefined, 'seed');
  try {
    const outcome = await coordinateRepeats(plan, address, outPath, partial, progress);
    progress.clear();
    const seeds = outcome.file.repeats?.seeds ?? [];
    const s = spreadOf(seeds.map((r) => r.accuracy));
    const sd = Number.isFinite(s.sd) ? ` ± ${pct(s.sd)} (sd)` : '';
    io.err(
      `Wrote ${out}: ${seeds.length} of ${plan.count} seed(s) returned, ${outcome.failed} failed; final accuracy ${pct(s.mean)}${sd}, min ${pct(s.min)}, max ${pct(s.max)}${s.n > 0 && s.n < FEW_REPEATS ? ` (only ${s.n} seed(s): the sd says little)` : ''}.`,
    );
    return outcome.failed === 0 && seeds.length > 0 ? 0 : 1;
  } catch (err) {
    progress.clear();
    return coordinatorFailure(err, 'runs', (line) => io.err(line));
  }
}
