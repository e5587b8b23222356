/** Lessons: the file format, reading it, the experiments steps load and the checkpoints they wait for. */
export {
  checkpointReached,
  describeCheckpoint,
  epochsTrained,
  largestAlpha,
  standaloneCount,
  type LessonContext,
} from './checkpoints';
export { lessonSpec } from './experiment';
export {
  LESSON_LIMITS,
  LESSON_VIEWS,
  type Checkpoint,
  type Lesson,
  type LessonExperiment,
  type LessonStep,
  type LessonView,
} from './format';
export { readLesson, type LessonResult } from './read';
export { isLessonHash, lessonHash, LESSON_PREFIX, readLessonHash } from './address';
