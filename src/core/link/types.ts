/** What an experiment link carries and what reading one gives. */
import type { ExperimentSpec } from '../experiment/spec';
import type { RunSummary } from './summary';

/** The RunSummary a link may carry. */
export type { RunSummary } from './summary';

/** An experiment link's content: the experiment, and optionally a finished run of it. */
export interface LinkPayload {
  readonly spec: ExperimentSpec;
  readonly summary?: RunSummary;
}

/** The result of reading a link: the payload and what was repaired, or every problem that refused it. */
export type LinkResult =
  | { readonly ok: true; readonly payload: LinkPayload; readonly repairs: string[] }
  | { readonly ok: false; readonly problems: string[] };
