/** Specs read back from storage: the settings added since they were saved are filled in with their defaults. */
import { experimentSchema } from './schema';
import type { ExperimentSpec } from './spec';

/**
 * `spec` with every setting it lacks at its default (the spec schema's defaults, e.g. the DARTS
 * options added in link format 3). A spec the schema refuses is returned unchanged, for validation
 * to explain.
 */
export function restoreSpec(spec: ExperimentSpec): ExperimentSpec {
  const parsed = experimentSchema.safeParse(spec);
  return parsed.success ? parsed.data : spec;
}
