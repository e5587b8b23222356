/** The experiment a lesson step loads: built from the preset's and dataset's defaults and the step's overrides. */
import { defaultStrategy } from '../strategy/registry';
import { defaultExperiment, fitBatch } from '../experiment/defaults';
import { experimentSchema } from '../experiment/schema';
import type { ExperimentSpec } from '../experiment/spec';
import { validateExperiment } from '../experiment/validate';
import { spaceSize } from '../search-space/size';
import type { LessonExperiment } from './format';

/** The spec of a step's experiment, or every reason it is not a valid experiment. */
export function lessonSpec(
  e: LessonExperiment,
): { ok: true; spec: ExperimentSpec } | { ok: false; problems: string[] } {
  const base = defaultExperiment(e.preset, e.dataset, e.seed);
  const dataset = { ...base.dataset, ...e.data };
  const kind = e.strategyKind ?? 'darts';
  const strategy = fitBatch(
    defaultStrategy(kind, dataset, spaceSize(base.space), base.space.preset),
    dataset,
  );
  const unknown = [
    ...Object.keys(e.strategy ?? {})
      .filter((k) => k === 'kind' || !Object.hasOwn(strategy, k))
      .map((k) => `strategy.${k}`),
    ...Object.keys(e.data ?? {})
      .filter((k) => k === 'id' || !Object.hasOwn(base.dataset, k))
      .map((k) => `data.${k}`),
  ];
  if (unknown.length > 0)
    return {
      ok: false,
      problems: [
        `experiment: ${unknown.join(', ')} ${unknown.length === 1 ? 'is not a setting' : 'are not settings'} it can override.`,
      ],
    };
  const raw: unknown = {
    ...base,
    ...(e.name === undefined ? {} : { name: e.name }),
    dataset,
    strategy: { ...strategy, ...e.strategy, kind },
  };
  const parsed = experimentSchema.safeParse(raw);
  if (!parsed.success)
    return {
      ok: false,
      problems: parsed.error.issues.map(
        (i) => `experiment ${i.path.map(String).join('.')}: ${i.message}.`,
      ),
    };
  const spec = parsed.data as ExperimentSpec;
  const problems = validateExperiment(spec).map((p) => `experiment ${p.path}: ${p.message}`);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, spec };
}
