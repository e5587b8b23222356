/** The built-in lessons: one JSON file each in this folder (format: core/lessons/format.ts), read and checked like a link. */
import { readLesson, type Lesson } from '../core/lessons';
import bilevel from './bilevel.json';
import costPareto from './cost-pareto.json';
import discretizationGap from './discretization-gap.json';
import mixedOp from './mixed-op.json';
import skipCollapse from './skip-collapse.json';
import spaceSize from './space-size.json';
import weightSharing from './weight-sharing.json';

/** The lesson files, in the order the Learn list shows them. */
const FILES: readonly unknown[] = [
  mixedOp,
  bilevel,
  skipCollapse,
  discretizationGap,
  weightSharing,
  costPareto,
  spaceSize,
];

/** Every built-in lesson that reads, and the problems of any that does not (a test keeps this empty). */
export function builtInLessons(): { lessons: Lesson[]; problems: string[] } {
  const lessons: Lesson[] = [];
  const problems: string[] = [];
  FILES.forEach((file, i) => {
    const r = readLesson(file);
    if (r.ok) lessons.push(r.lesson);
    else problems.push(`Lesson file ${i + 1}: ${r.problems.join(' ')}`);
  });
  return { lessons, problems };
}

/** The built-in lessons, read once. */
export const BUILT_IN_LESSONS: readonly Lesson[] = builtInLessons().lessons;
