/** Resolves a `--space` argument (a preset name or a JSON file) into a validated search space. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { InputShape } from '../core/experiment/spec';
import { validateExperiment } from '../core/experiment/validate';
import type { Problem } from '../core/problems';
import { isPresetName, PRESET_NAMES, presetSpace } from '../core/search-space/presets';
import type { SearchSpaceSpec } from '../core/search-space/types';
import { validateSpace } from '../core/search-space/validate';
import { parseSpecJson } from './spec-schema';

/** A resolved space, or why it could not be resolved: an `error` sentence, or validation `problems`. */
export type SpaceSource =
  | { readonly ok: true; readonly space: SearchSpaceSpec }
  | { readonly ok: false; readonly error: string | null; readonly problems: readonly Problem[] };

/**
 * The input a bare space (no dataset) is checked against: 2D points when its macro has no
 * reduction, otherwise 28x28 digits (the largest MNIST size, so only impossible spaces fail).
 */
export function bareSpaceInput(space: SearchSpaceSpec): InputShape {
  return space.macro.reduction === 'none'
    ? { kind: 'vector', features: 2 }
    : { kind: 'image', height: 28, width: 28, channels: 1 };
}

const fail = (error: string | null, problems: readonly Problem[] = []): SpaceSource => ({
  ok: false,
  error,
  problems,
});

/** Reads `arg` as a preset name, or else as a path (relative to `cwd`) to an experiment spec or search space JSON file, and validates it. */
export async function loadSpaceSource(arg: string, cwd: string): Promise<SpaceSource> {
  if (isPresetName(arg)) return { ok: true, space: presetSpace(arg) };
  const looksLikePath =
    arg.includes('/') || arg.includes('\\') || arg.toLowerCase().endsWith('.json');
  let text: string;
  try {
    text = await readFile(resolve(cwd, arg), 'utf8');
  } catch (e) {
    const code = e instanceof Error && 'code' in e ? String(e.code) : '';
    if (!looksLikePath && code === 'ENOENT') {
      return fail(
        `Unknown preset "${arg}"; known presets are ${PRESET_NAMES.join(', ')} (or give the path of a .json file).`,
      );
    }
    return fail(
      `Cannot read ${arg}: ${code === 'ENOENT' ? 'no such file' : e instanceof Error ? e.message : String(e)}.`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return fail(`${arg} is not valid JSON: ${e instanceof Error ? e.message : String(e)}.`);
  }
  const parsed = parseSpecJson(json);
  if (parsed.kind === 'invalid')
    return fail(`${arg} is not an experiment spec or a search space:`, parsed.problems);
  const space = parsed.kind === 'experiment' ? parsed.spec.space : parsed.space;
  const problems =
    parsed.kind === 'experiment'
      ? validateExperiment(parsed.spec)
      : validateSpace(parsed.space, bareSpaceInput(parsed.space));
  return problems.length > 0
    ? fail(`${arg} has ${problems.length} problem${problems.length === 1 ? '' : 's'}:`, problems)
    : { ok: true, space };
}
