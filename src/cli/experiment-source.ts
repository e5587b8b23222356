/**
 * The experiment a headless run starts from: a spec file or an experiment link (`--spec`), or a
 * preset, dataset and strategy at their defaults (`--space`, `--dataset`, `--strategy`), with
 * `--seed` and `--epochs` applied on top, validated as the studio validates a spec.
 */
import { isStrategyKind, STRATEGY_KINDS } from '../core/strategy/kinds';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { datasetsFor, defaultExperiment } from '../core/experiment/defaults';
import { strategyFor } from '../core/experiment/strategy-for';
import type { BuiltInDatasetId, ExperimentSpec } from '../core/experiment/spec';
import { validateExperiment } from '../core/experiment/validate';
import { decodeLink, isLinkHash } from '../core/link';
import { isPresetName, PRESET_NAMES } from '../core/search-space/presets';
import { parseSpecJson } from './spec-schema';

/** The strategy kinds `--strategy` takes: the registry's. */
export { STRATEGY_KINDS };

/** The help lines of the options every experiment command takes (run, estimate). */
export const EXPERIMENT_OPTIONS: readonly (readonly [string, string])[] = [
  [
    '--spec <file | link>',
    'An experiment: a spec JSON file the studio exported, or an experiment link.',
  ],
  ['--space <preset>', `A built-in search space: ${PRESET_NAMES.join(', ')}.`],
  [
    '--dataset <id>',
    'A built-in dataset: spiral, circles, xor, gaussian (2D points) or mnist (digits).',
  ],
  [
    '--strategy <kind>',
    `${STRATEGY_KINDS.join(', ')}; with --space and --dataset, at the studio's defaults for them.`,
  ],
  ['--seed N', "The seed (default 1 for presets; the spec's own for --spec)."],
  ['--epochs N', "Override the strategy's epochs."],
  ['--backend <wasm | cpu>', 'The tfjs backend in Node (default wasm).'],
];

/** What the command line asked for: where the experiment comes from and what to override. */
export interface ExperimentRequest {
  /** A spec file path or an experiment link (an address holding `#x=...`, or the hash itself). */
  readonly spec: string | null;
  readonly space: string | null;
  readonly dataset: string | null;
  readonly strategy: string | null;
  readonly seed: number | null;
  readonly epochs: number | null;
}

/** The experiment to run, or every reason it cannot be run (plain sentences). */
export type ExperimentSource =
  | { readonly ok: true; readonly spec: ExperimentSpec }
  | { readonly ok: false; readonly problems: readonly string[] };

const refuse = (...problems: string[]): ExperimentSource => ({ ok: false, problems });

/** Reads `--spec`: an experiment link, or a JSON file holding an experiment spec. */
async function specFrom(arg: string, cwd: string): Promise<ExperimentSource> {
  const hash = arg.includes('#') ? arg.slice(arg.indexOf('#')) : arg;
  if (isLinkHash(hash)) {
    const link = decodeLink(hash);
    return link.ok
      ? { ok: true, spec: link.payload.spec }
      : refuse(`The experiment link cannot be read: ${link.problems.join(' ')}`);
  }
  let text: string;
  try {
    text = await readFile(resolve(cwd, arg), 'utf8');
  } catch (e) {
    const code = e instanceof Error && 'code' in e ? String(e.code) : '';
    return refuse(
      `Cannot read ${arg}: ${code === 'ENOENT' ? 'no such file' : e instanceof Error ? e.message : String(e)}.`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return refuse(`${arg} is not valid JSON: ${e instanceof Error ? e.message : String(e)}.`);
  }
  const parsed = parseSpecJson(json);
  if (parsed.kind === 'invalid')
    return refuse(
      `${arg} is not an experiment spec:`,
      ...parsed.problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)),
    );
  if (parsed.kind === 'space')
    return refuse(
      `${arg} holds a bare search space; a run needs a whole experiment (give --space, --dataset and --strategy instead, or export the experiment from the studio).`,
    );
  return { ok: true, spec: parsed.spec };
}

/** The defaults of a preset, dataset and strategy kind. */
function specOfDefaults(space: string, dataset: string, strategy: string): ExperimentSource {
  if (!isPresetName(space))
    return refuse(`Unknown preset "${space}"; the presets are ${PRESET_NAMES.join(', ')}.`);
  const datasets = datasetsFor(space);
  if (!(datasets as string[]).includes(dataset))
    return refuse(
      `The ${space} preset runs on ${datasets.join(', ')}; "${dataset}" is not one of them.`,
    );
  if (!isStrategyKind(strategy))
    return refuse(
      `Unknown strategy "${strategy}"; the strategies are ${STRATEGY_KINDS.join(', ')}.`,
    );
  const base = defaultExperiment(space, dataset as BuiltInDatasetId);
  return {
    ok: true,
    spec: { ...base, strategy: strategyFor(strategy, base) },
  };
}

/** Resolves the request into a validated spec; relative paths resolve against `cwd`. */
export async function resolveExperiment(
  req: ExperimentRequest,
  cwd: string,
): Promise<ExperimentSource> {
  const byParts = [req.space, req.dataset, req.strategy];
  if (req.spec !== null && byParts.some((v) => v !== null))
    return refuse(
      'Give either --spec, or --space with --dataset and --strategy, not both: a spec carries its own space, data and strategy.',
    );
  let source: ExperimentSource;
  if (req.spec !== null) source = await specFrom(req.spec, cwd);
  else if (req.space !== null && req.dataset !== null && req.strategy !== null)
    source = specOfDefaults(req.space, req.dataset, req.strategy);
  else
    return refuse(
      'Say what to run: --spec <spec.json | experiment link>, or --space <preset> --dataset <id> --strategy <kind>.',
    );
  if (!source.ok) return source;
  return withOverrides(source.spec, req);
}

/** `spec` with `--seed` and `--epochs` applied (a warm-up as long as the new epochs shortened to leave one epoch for the alphas), validated as the studio validates a spec. */
export function withOverrides(
  base: ExperimentSpec,
  req: Pick<ExperimentRequest, 'seed' | 'epochs'>,
): ExperimentSource {
  let spec = base;
  if (req.seed !== null) spec = { ...spec, seed: req.seed };
  if (req.epochs !== null) {
    const s = spec.strategy;
    const warmup =
      'warmupEpochs' in s && s.warmupEpochs >= req.epochs
        ? { warmupEpochs: Math.max(0, req.epochs - 1) }
        : {};
    spec = { ...spec, strategy: { ...s, epochs: req.epochs, ...warmup } };
  }
  const problems = validateExperiment(spec);
  return problems.length > 0
    ? refuse(
        `The experiment has ${problems.length} problem${problems.length === 1 ? '' : 's'}:`,
        ...problems.map((p) => `${p.path}: ${p.message}`),
      )
    : { ok: true, spec };
}
