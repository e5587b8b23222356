/** The run file an earlier coordinator of the same queued work left on disk, read back for a restart. */
import { readFile } from 'node:fs/promises';
import { parseRunFile, type RunFile } from '../../core/export/run-file';
import type { ExperimentSpec } from '../../core/experiment/spec';
import { canonicalJson } from './search-plan';

/**
 * The run file at `path` when it was written by work named `name` on exactly `spec`, or null (no
 * file, unreadable, another name or another experiment).
 */
export async function partialRunFile(
  path: string,
  name: string,
  spec: ExperimentSpec,
): Promise<RunFile | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return null;
  }
  const read = parseRunFile(text);
  if (!read.ok || read.run.queue?.name !== name) return null;
  return canonicalJson(read.run.spec) === canonicalJson(spec) ? read.run : null;
}
