/**
 * Which problems of an experiment a person can have on screen: a typed field out of its range (or
 * not a number), a cell still being built. Anything else (a choice outside its list, a cell the
 * composer would refuse: a cycle, a duplicate edge, an unknown op) no edit in the studio can leave.
 */
import { datasetInput } from '../data/load';
import type { Problem } from '../problems';
import { composerProblems, NOT_YET_RUNNABLE } from '../search-space/edits';
import { valueAtPath } from './drafts';
import type { ExperimentSpec } from './spec';
import { validateExperiment } from './validate';

/** True for a problem path inside the search space. */
function inSpace(path: string): boolean {
  return path === 'space' || path.startsWith('space.');
}

/**
 * The problems of `spec` that no edit in the studio can leave: those of fields that are not typed
 * numbers (dataset, image size, strategy choices, version) and the composer's structural refusals.
 * Empty when the experiment can be shown as it is, with its problems where they are.
 */
export function unbuildableProblems(spec: ExperimentSpec): Problem[] {
  const fields = validateExperiment(spec).filter(
    (p) => !inSpace(p.path) && valueAtPath(spec, p.path) === undefined,
  );
  if (fields.length > 0) return fields;
  const domain = datasetInput(spec.dataset).input.kind;
  return composerProblems(spec.space, domain).filter((p) => !NOT_YET_RUNNABLE.includes(p.code));
}
