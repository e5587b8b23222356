/**
 * A teacher's settings a link may carry (format 5): a title and notes shown as plain text, the view
 * that opens, control groups hidden or locked (as TensorFlow Playground's hide flags), and whether
 * the run starts when the link is opened.
 */
import { z } from 'zod';
import { LINK_LIMITS } from './format';

/** The named control groups a teacher can hide: the preset and space, the dataset, the strategy (kind and hyper-parameters), the backend, and the Search space tab (the composer). */
export const CONTROL_GROUPS = ['preset', 'dataset', 'strategy', 'backend', 'composer'] as const;

/** One named control group. */
export type ControlGroup = (typeof CONTROL_GROUPS)[number];

/** The groups that can be locked (shown but not editable); the composer can only be hidden. */
export const LOCKABLE_GROUPS = ['preset', 'dataset', 'strategy', 'backend'] as const;

/** One lockable control group. */
export type LockableGroup = (typeof LOCKABLE_GROUPS)[number];

/** The views a link can open. */
export const LINK_VIEWS = ['space', 'run', 'search', 'history'] as const;

/** A teacher's settings. */
export interface TeachingSettings {
  readonly title: string;
  readonly notes: string;
  readonly view: (typeof LINK_VIEWS)[number];
  readonly hidden: readonly ControlGroup[];
  readonly locked: readonly LockableGroup[];
  readonly runOnOpen: boolean;
}

/** Structural schema of the settings as a link holds them (text longer than the caps is cut by fitTeaching, not refused). */
export const teachingSchema = z
  .object({
    title: z.string().max(4 * LINK_LIMITS.maxNameLength),
    notes: z.string().max(4 * LINK_LIMITS.maxNotesChars),
    view: z.enum(LINK_VIEWS),
    hidden: z.array(z.enum(CONTROL_GROUPS)).max(CONTROL_GROUPS.length * 2),
    locked: z.array(z.enum(LOCKABLE_GROUPS)).max(LOCKABLE_GROUPS.length * 2),
    runOnOpen: z.boolean(),
  })
  .strict();

/** The settings within the caps: title and notes cut to length, each group listed once, a hidden group not also locked. */
export function fitTeaching(t: TeachingSettings): {
  teaching: TeachingSettings;
  repairs: string[];
} {
  const repairs: string[] = [];
  const cut = (text: string, max: number, what: string) => {
    if (text.length <= max) return text;
    repairs.push(`The ${what} was cut to ${max.toLocaleString('en')} characters.`);
    return text.slice(0, max);
  };
  const hidden = CONTROL_GROUPS.filter((g) => t.hidden.includes(g));
  const locked = LOCKABLE_GROUPS.filter((g) => t.locked.includes(g) && !hidden.includes(g));
  return {
    teaching: {
      title: cut(t.title, LINK_LIMITS.maxNameLength, "lesson link's title"),
      notes: cut(t.notes, LINK_LIMITS.maxNotesChars, "lesson link's notes"),
      view: t.view,
      hidden,
      locked,
      runOnOpen: t.runOnOpen,
    },
    repairs,
  };
}
