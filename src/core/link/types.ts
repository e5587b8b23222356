/** What an experiment link carries and what reading one gives. */
import type { FieldDrafts } from '../experiment/drafts';
import type { ExperimentSpec } from '../experiment/spec';
import type { RunSummary } from './summary';
import type { TeachingSettings } from './teaching';

/** The RunSummary a link may carry. */
export type { RunSummary } from './summary';

/** The raw text of typed fields a link may carry, by spec path. */
export type { FieldDrafts } from '../experiment/drafts';

/**
 * An experiment link's content: the experiment as it is on screen (valid or not yet), the raw
 * text of typed fields where the value alone would not give it back, optionally a finished run,
 * and optionally a teacher's settings (a lesson link).
 */
export interface LinkPayload {
  readonly spec: ExperimentSpec;
  readonly drafts?: FieldDrafts;
  readonly summary?: RunSummary;
  readonly teaching?: TeachingSettings;
}

/** A teacher's settings a link may carry. */
export type { TeachingSettings } from './teaching';

/** The result of reading a link: the payload and what was repaired, or every problem that refused it. */
export type LinkResult =
  | { readonly ok: true; readonly payload: LinkPayload; readonly repairs: string[] }
  | { readonly ok: false; readonly problems: string[] };
