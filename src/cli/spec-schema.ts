/**
 * Shape checks for spec files read from disk: untrusted JSON becomes a typed ExperimentSpec or
 * SearchSpaceSpec, or a list of problems. The schema lives in core (src/core/experiment/schema.ts);
 * names and ranges are left to the core validators, which explain them better.
 */
import type { z } from 'zod';
import { experimentSchema, spaceSchema } from '../core/experiment/schema';
import type { ExperimentSpec } from '../core/experiment/spec';
import type { Problem } from '../core/problems';
import type { SearchSpaceSpec } from '../core/search-space/types';

/** A parsed spec file: an experiment, a bare search space, or what is wrong with its shape. */
export type SpecFile =
  | { readonly kind: 'experiment'; readonly spec: ExperimentSpec }
  | { readonly kind: 'space'; readonly space: SearchSpaceSpec }
  | { readonly kind: 'invalid'; readonly problems: Problem[] };

/** Converts zod issues into problems with dotted paths. */
function toProblems(error: z.ZodError): Problem[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    code: 'bad-shape',
    message: `${issue.message}.`,
  }));
}

/** Reads parsed JSON as an experiment spec (an object with a `space` field) or else as a bare search space. */
export function parseSpecJson(json: unknown): SpecFile {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return {
      kind: 'invalid',
      problems: [
        {
          path: '',
          code: 'bad-shape',
          message: 'The file must hold a JSON object: an experiment spec or a search space.',
        },
      ],
    };
  }
  if ('space' in json) {
    const r = experimentSchema.safeParse(json);
    return r.success
      ? { kind: 'experiment', spec: r.data }
      : { kind: 'invalid', problems: toProblems(r.error) };
  }
  const r = spaceSchema.safeParse(json);
  return r.success
    ? { kind: 'space', space: r.data }
    : { kind: 'invalid', problems: toProblems(r.error) };
}
