/** Reading a lesson file: shape (zod), then every step's experiment; a bad lesson is refused with the reasons. */
import { lessonSpec } from './experiment';
import { lessonSchema, type Lesson } from './format';

/** A lesson, or every problem that refused it. */
export type LessonResult =
  | { readonly ok: true; readonly lesson: Lesson }
  | { readonly ok: false; readonly problems: string[] };

/** Reads untrusted JSON as a lesson; never throws. */
export function readLesson(json: unknown): LessonResult {
  const parsed = lessonSchema.safeParse(json);
  if (!parsed.success)
    return {
      ok: false,
      problems: parsed.error.issues.map(
        (i) => `${i.path.length > 0 ? i.path.map(String).join('.') : 'lesson'}: ${i.message}.`,
      ),
    };
  const lesson = parsed.data;
  const problems = lesson.steps.flatMap((step, k) => {
    if (step.experiment === undefined) return [];
    const built = lessonSpec(step.experiment);
    return built.ok ? [] : built.problems.map((p) => `steps.${k}.${p}`);
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, lesson };
}
