/**
 * What `proxies` scores: the search space and dataset from a preset (`--space nb201 --dataset
 * mnist`, with the studio's browser skeleton) or from a JSON file holding an experiment spec or a
 * bare search space, and the architectures (`--genotype`, `--sample N` or `--all`).
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { datasetsFor, defaultDataset, defaultExperiment } from '../core/experiment/defaults';
import type { BuiltInDatasetId, DatasetSpec } from '../core/experiment/spec';
import { enumerateGenotypes } from '../core/proxies/enumerate';
import { createRng } from '../core/random';
import { parseGenotype } from '../core/search-space/genotype-parse';
import { isPresetName, PRESET_NAMES, PRESETS } from '../core/search-space/presets';
import { spaceSize } from '../core/search-space/size';
import type { Genotype, SearchSpaceSpec } from '../core/search-space/types';
import { genotypeKey } from '../core/strategies/genotype-key';
import { sampleGenotype } from '../core/strategies/sample';
import { parseSpecJson } from './spec-schema';

/** The built-in datasets, by domain. */
const IMAGE_IDS: readonly BuiltInDatasetId[] = ['mnist'];
const POINT_IDS: readonly BuiltInDatasetId[] = ['spiral', 'circles', 'xor', 'gaussian'];

/** A space and the dataset to score it on, or the problem. */
export type SpaceSource =
  | { readonly ok: true; readonly space: SearchSpaceSpec; readonly dataset: DatasetSpec }
  | { readonly ok: false; readonly problem: string };

/** The built-in dataset `id` fitting `space`, or the problem. */
function datasetFor(space: SearchSpaceSpec, id: string): DatasetSpec | string {
  const ids = space.macro.reduction === 'none' ? POINT_IDS : IMAGE_IDS;
  if (!(ids as readonly string[]).includes(id))
    return `This space takes ${space.macro.reduction === 'none' ? '2D points' : 'images'}: --dataset must be one of ${ids.join(', ')} (got "${id}").`;
  return defaultDataset(id as BuiltInDatasetId);
}

/** Resolves `--space` (a preset or a JSON file, relative to `cwd`) and `--dataset`. */
export async function resolveSpace(
  spaceArg: string,
  datasetArg: string | null,
  cwd: string,
): Promise<SpaceSource> {
  if (isPresetName(spaceArg)) {
    const datasets = datasetsFor(spaceArg);
    const id = datasetArg ?? datasets[0] ?? 'mnist';
    if (!(datasets as string[]).includes(id))
      return {
        ok: false,
        problem: `The ${spaceArg} preset (${PRESETS[spaceArg].label}) runs on ${datasets.join(', ')}; "${id}" is not one of them.`,
      };
    const spec = defaultExperiment(spaceArg, id as BuiltInDatasetId);
    return { ok: true, space: spec.space, dataset: spec.dataset };
  }
  if (!spaceArg.endsWith('.json'))
    return {
      ok: false,
      problem: `Unknown preset "${spaceArg}"; give one of ${PRESET_NAMES.join(', ')} or a spec .json file.`,
    };
  let json: unknown;
  try {
    json = JSON.parse(await readFile(resolve(cwd, spaceArg), 'utf8'));
  } catch (e) {
    const code = e instanceof Error && 'code' in e ? String(e.code) : '';
    return {
      ok: false,
      problem: `Cannot read ${spaceArg}: ${code === 'ENOENT' ? 'no such file' : e instanceof Error ? e.message : String(e)}.`,
    };
  }
  const parsed = parseSpecJson(json);
  if (parsed.kind === 'invalid')
    return {
      ok: false,
      problem: `${spaceArg} is neither an experiment spec nor a search space: ${parsed.problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; ')}`,
    };
  const space = parsed.kind === 'space' ? parsed.space : parsed.spec.space;
  if (datasetArg === null) {
    if (parsed.kind === 'space')
      return {
        ok: false,
        problem: `${spaceArg} holds a bare search space; say which data with --dataset.`,
      };
    if (parsed.spec.dataset.upload !== undefined)
      return {
        ok: false,
        problem: `The experiment in ${spaceArg} runs on an uploaded file, which proxies cannot read yet; give a built-in --dataset.`,
      };
    return { ok: true, space, dataset: parsed.spec.dataset };
  }
  const dataset = datasetFor(space, datasetArg);
  return typeof dataset === 'string'
    ? { ok: false, problem: dataset }
    : { ok: true, space, dataset };
}

/** Which architectures to score. */
export type ArchitectureRequest =
  | { readonly kind: 'genotype'; readonly text: string }
  | { readonly kind: 'sample'; readonly count: number }
  | { readonly kind: 'all' };

/**
 * The genotypes the request names: the one parsed genotype, `count` distinct uniform draws (fewer
 * when the space is smaller) seeded by `seed`, or every genotype. A string is the problem.
 */
export function architectures(
  space: SearchSpaceSpec,
  request: ArchitectureRequest,
  seed: number,
): Genotype[] | string {
  if (request.kind === 'genotype') {
    const g = parseGenotype(space, request.text);
    return g.ok ? [g.value] : `The genotype does not fit the space: ${g.error}`;
  }
  if (request.kind === 'all') {
    try {
      return enumerateGenotypes(space);
    } catch (e) {
      return `${e instanceof Error ? e.message : String(e)} Use --sample N instead.`;
    }
  }
  const size = spaceSize(space);
  const want = size < BigInt(request.count) ? Number(size) : request.count;
  const rng = createRng(seed);
  const seen = new Set<string>();
  const out: Genotype[] = [];
  for (let tries = 0; out.length < want && tries < want * 50; tries++) {
    const g = sampleGenotype(space, rng);
    const key = genotypeKey(space, g);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(g);
  }
  return out;
}
