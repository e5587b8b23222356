/**
 * `--data <file.csv | images.zip>`: the user's own data for a headless run, read by the same parsers
 * as the studio. With `--spec` (a spec or link naming an uploaded dataset) the file must be the one
 * it names (same content hash); otherwise the experiment is the preset's defaults on the file.
 */
import { isStrategyKind } from '../core/strategy/kinds';
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { defaultUploadExperiment, uploadFits } from '../core/experiment/defaults';
import { strategyFor } from '../core/experiment/strategy-for';
import type { ExperimentSpec } from '../core/experiment/spec';
import { examplesOfUpload, parseUpload, type UploadChoices } from '../core/data/upload/parse';
import type { UploadedExamples } from '../core/data/upload/types';
import { isPresetName, PRESET_NAMES } from '../core/search-space/presets';
import {
  resolveExperiment,
  STRATEGY_KINDS,
  withOverrides,
  type ExperimentRequest,
} from './experiment-source';

/** What the command line says about the data file and how to read it. */
export interface DataRequest {
  /** Path of the CSV or zip. */
  readonly path: string;
  readonly choices: UploadChoices;
}

/** The experiment to run with the file's examples (none for a built-in dataset), or every reason it cannot be run. */
export type UploadSource =
  | {
      readonly ok: true;
      readonly spec: ExperimentSpec;
      readonly examples: UploadedExamples | undefined;
    }
  | { readonly ok: false; readonly problems: readonly string[]; readonly examples?: undefined };

const refuse = (...problems: string[]): UploadSource => ({ ok: false, problems });

/** The file's bytes, or why they cannot be read. */
async function readData(path: string, cwd: string): Promise<Uint8Array | string> {
  try {
    return new Uint8Array(await readFile(resolve(cwd, path)));
  } catch (e) {
    const code = e instanceof Error && 'code' in e ? String(e.code) : '';
    return `Cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : e instanceof Error ? e.message : String(e)}.`;
  }
}

/** The experiment `--spec` names, run on the file it names (checked by content hash). */
async function specWithData(
  req: ExperimentRequest,
  bytes: Uint8Array,
  data: DataRequest,
  cwd: string,
): Promise<UploadSource> {
  const source = await resolveExperiment(req, cwd);
  if (!source.ok) return source;
  const upload = source.spec.dataset.upload;
  if (upload === undefined)
    return refuse(
      `The experiment runs on the built-in ${source.spec.dataset.id} data; --data is only for an experiment on an uploaded file.`,
    );
  const examples = await examplesOfUpload(upload, bytes);
  if (!examples.ok) return refuse(`${data.path}: ${examples.problem}`);
  return { ...source, examples: examples.value };
}

/** The preset's defaults (the strategy's, scaled to the data) on the parsed file. */
async function defaultsWithData(
  req: ExperimentRequest,
  bytes: Uint8Array,
  data: DataRequest,
): Promise<UploadSource> {
  const parsed = await parseUpload({ name: basename(data.path), bytes }, data.choices);
  if (!parsed.ok) return refuse(parsed.problem);
  const { spec: upload, examples } = parsed.value;
  const space = req.space ?? (upload.kind === 'table' ? 'teaching' : 'nb201');
  if (!isPresetName(space))
    return refuse(`Unknown preset "${space}"; the presets are ${PRESET_NAMES.join(', ')}.`);
  if (!uploadFits(space, upload))
    return refuse(
      `The ${space} preset runs on ${upload.kind === 'table' ? 'images' : 'tables (CSV)'}; ${data.path} is ${upload.kind === 'table' ? 'a table' : 'images'}. Use ${upload.kind === 'table' ? 'teaching' : 'nb201 or darts'}.`,
    );
  const strategy = req.strategy ?? 'darts';
  if (!isStrategyKind(strategy))
    return refuse(
      `Unknown strategy "${strategy}"; the strategies are ${STRATEGY_KINDS.join(', ')}.`,
    );
  const base = defaultUploadExperiment(space, upload);
  const spec = { ...base, strategy: strategyFor(strategy, base) };
  const source = withOverrides(spec, req);
  return source.ok ? { ...source, examples } : source;
}

/**
 * Resolves a run on the user's file: `--spec` with `--data` (the file must be the spec's), or
 * `--data` with optional `--space` (default: teaching for a table, nb201 for images) and
 * `--strategy` (default darts). `--dataset` cannot be given with `--data`.
 */
export async function resolveUploadExperiment(
  req: ExperimentRequest,
  data: DataRequest,
  cwd: string,
): Promise<UploadSource> {
  if (req.dataset !== null)
    return refuse(
      'Give either --dataset (a built-in dataset) or --data (your own file), not both.',
    );
  const bytes = await readData(data.path, cwd);
  if (typeof bytes === 'string') return refuse(bytes);
  if (req.spec !== null) {
    if (req.space !== null || req.strategy !== null)
      return refuse(
        'Give either --spec, or --space and --strategy, not both: a spec carries its own space and strategy.',
      );
    if (Object.keys(data.choices).length > 0)
      return refuse(
        'The spec says how its file is read; drop --label, --features, --image-size, --rgb and --no-standardize.',
      );
    return specWithData(req, bytes, data, cwd);
  }
  return defaultsWithData(req, bytes, data);
}
