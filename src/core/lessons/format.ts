/**
 * The lesson file format. A lesson is plain JSON data (one file each under src/lessons/), read
 * with readLesson, which refuses a bad lesson with every reason:
 *
 * ```json
 * { "id": "mixed-op", "title": "A mixed op and its architecture weights",
 *   "steps": [
 *     { "text": "A few sentences, shown as plain text.",
 *       "experiment": { "preset": "teaching", "dataset": "xor", "seed": 1,
 *                       "strategy": { "epochs": 20 }, "data": { "samples": 300 } },
 *       "target": "view-tab-run",
 *       "checkpoint": { "kind": "epoch-reached", "epoch": 5 } } ] }
 * ```
 *
 * - `id`: lower-case letters, digits and dashes (it is the lesson's address: `#lesson=<id>`).
 * - `steps[].experiment` (optional): a built-in preset and dataset at their defaults, a strategy
 *   kind (`strategyKind`, DARTS unless given) at its defaults for them, a seed, a name, and
 *   overrides of strategy fields (`strategy`) and dataset numbers (`data`); the result must be an
 *   experiment that validates. Opening the step replaces the experiment on screen with it.
 * - `steps[].view` (optional): the tab the step opens ('space', 'run', 'search', 'history').
 * - `steps[].target` (optional): the `data-testid` of the part of the page the step talks about;
 *   it is outlined while the step is shown.
 * - `steps[].checkpoint` (optional): what the learner's run or page must reach before Next is
 *   enabled (see checkpoints.ts for the kinds).
 */
import { STRATEGY_KINDS } from '../strategy/kinds';
import { z } from 'zod';
import { COST_AXES } from '../pareto/cost-axes';
import { PRESET_NAMES } from '../search-space/presets';

/** Caps on a lesson file. */
export const LESSON_LIMITS = {
  /** Characters of a lesson id. */
  maxIdChars: 40,
  /** Characters of a title. */
  maxTitleChars: 120,
  /** Steps in one lesson. */
  maxSteps: 20,
  /** Characters of one step's text. */
  maxTextChars: 1200,
} as const;

/** The views a lesson may open or wait for (the page's tabs). */
export const LESSON_VIEWS = ['space', 'run', 'search', 'history'] as const;

/** One of the page's views. */
export type LessonView = (typeof LESSON_VIEWS)[number];

/** The built-in datasets a lesson's experiment may use. */
const DATASETS = ['spiral', 'circles', 'xor', 'gaussian', 'mnist'] as const;

/** A checkpoint: a predicate on the run state and the page, as data. */
export const checkpointSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('run-finished') }).strict(),
  z
    .object({ kind: z.literal('epoch-reached'), epoch: z.number().int().min(1).max(10_000) })
    .strict(),
  z
    .object({
      kind: z.literal('alpha-above'),
      op: z.string().min(1).max(40),
      value: z.number().gt(0).lt(1),
    })
    .strict(),
  z.object({ kind: z.literal('skip-count'), count: z.number().int().min(1).max(100) }).strict(),
  z.object({ kind: z.literal('early-stopped') }).strict(),
  z.object({ kind: z.literal('selection-done') }).strict(),
  z
    .object({ kind: z.literal('standalone-trained'), count: z.number().int().min(1).max(1000) })
    .strict(),
  z.object({ kind: z.literal('tab-open'), tab: z.enum(LESSON_VIEWS) }).strict(),
  z.object({ kind: z.literal('cost-axis'), axis: z.enum(COST_AXES) }).strict(),
  z
    .object({
      kind: z.literal('space-size'),
      atLeast: z.string().regex(/^[1-9][0-9]{0,40}$/, 'a whole number written as digits'),
    })
    .strict(),
]);

/** A checkpoint a step waits for. */
export type Checkpoint = z.infer<typeof checkpointSchema>;

/** A step's experiment: a preset and dataset at their defaults, a seed, and overrides. */
export const lessonExperimentSchema = z
  .object({
    preset: z.enum(PRESET_NAMES),
    dataset: z.enum(DATASETS),
    strategyKind: z.enum(STRATEGY_KINDS).optional(),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1)
      .optional(),
    name: z.string().min(1).max(120).optional(),
    strategy: z.record(z.string(), z.union([z.number(), z.string()])).optional(),
    data: z.record(z.string(), z.number()).optional(),
  })
  .strict();

/** The experiment a step loads. */
export type LessonExperiment = z.infer<typeof lessonExperimentSchema>;

/** One step of a lesson. */
export const lessonStepSchema = z
  .object({
    text: z.string().min(1).max(LESSON_LIMITS.maxTextChars),
    experiment: lessonExperimentSchema.optional(),
    view: z.enum(LESSON_VIEWS).optional(),
    target: z
      .string()
      .regex(/^[a-z0-9-]{1,60}$/, 'a data-testid: lower-case letters, digits and dashes')
      .optional(),
    checkpoint: checkpointSchema.optional(),
  })
  .strict();

/** One step: text, optionally an experiment to load, a view to open, a target to outline and a checkpoint. */
export type LessonStep = z.infer<typeof lessonStepSchema>;

/** A whole lesson file. */
export const lessonSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case letters, digits and single dashes')
      .max(LESSON_LIMITS.maxIdChars),
    title: z.string().min(1).max(LESSON_LIMITS.maxTitleChars),
    summary: z.string().max(300).optional(),
    steps: z.array(lessonStepSchema).min(1).max(LESSON_LIMITS.maxSteps),
  })
  .strict();

/** A lesson: id, title and steps. */
export type Lesson = z.infer<typeof lessonSchema>;
