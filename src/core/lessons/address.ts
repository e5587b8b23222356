/** A lesson's address: `#lesson=<id>&step=<k>` (k counts from 1; a missing or unreadable step is step 1). */

/** The hash prefix that marks a lesson address. */
export const LESSON_PREFIX = '#lesson=';

/** True when `hash` (location.hash, '#' optional) is a lesson address. */
export function isLessonHash(hash: string): boolean {
  return hash.startsWith(LESSON_PREFIX) || hash.startsWith(LESSON_PREFIX.slice(1));
}

/** The address of lesson `id` at step `step` (counting from 1). */
export function lessonHash(id: string, step: number): string {
  return `${LESSON_PREFIX}${encodeURIComponent(id)}&step=${Math.max(1, Math.floor(step))}`;
}

/** The lesson id and step (from 1) of a lesson address, or null when `hash` is not one. */
export function readLessonHash(hash: string): { id: string; step: number } | null {
  if (!isLessonHash(hash)) return null;
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const id = params.get('lesson') ?? '';
  if (!/^[a-z0-9-]{1,40}$/.test(id)) return null;
  const raw = Number(params.get('step') ?? '1');
  const step = Number.isInteger(raw) && raw >= 1 && raw <= 1000 ? raw : 1;
  return { id, step };
}
