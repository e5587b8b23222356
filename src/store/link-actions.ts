/** Experiment links and the studio: open a link into the studio (spec and composer), and write the current experiment as a link. */
import type { StoreApi } from 'zustand/vanilla';
import { NO_DRAFTS, type FieldDrafts } from '../core/experiment/drafts';
import type { ExperimentSpec } from '../core/experiment/spec';
import {
  decodeLink,
  encodeLink,
  jsonEqual,
  type LinkPayload,
  type LinkResult,
  type RunSummary,
} from '../core/link';
import { isPresetName, type PresetName } from '../core/search-space/presets';
import { specDomain } from './composer-logic';
import { composerFor } from './composer-slice';
import type { LinkState } from './link-store';
import type { StudioState } from './studio-state';

/** The preset whose defaults apply to a linked spec: the space's own, else the usual one for its data. */
export function presetOfSpec(spec: ExperimentSpec): PresetName {
  const named = spec.space.preset;
  if (named !== null && isPresetName(named)) return named;
  return specDomain(spec) === 'vector' ? 'teaching' : 'darts';
}

/** The studio fields that load `spec`: the spec itself, the text typed into its fields (none unless given) and a fresh composer showing its space. */
export function studioFieldsFor(
  state: Pick<StudioState, 'composerEpoch'>,
  spec: ExperimentSpec,
  drafts: FieldDrafts = NO_DRAFTS,
): Partial<StudioState> {
  return {
    preset: presetOfSpec(spec),
    spec,
    drafts,
    ...composerFor(spec.space, spec),
    composerEpoch: state.composerEpoch + 1,
  };
}

/** Loads a decoded payload into the studio (spec, drafts, composer) and the link state (its repairs, the run it carried). */
export function loadPayload(
  studio: StoreApi<StudioState>,
  link: StoreApi<LinkState>,
  payload: LinkPayload,
  repairs: readonly string[],
): void {
  const { spec, summary, drafts, teaching } = payload;
  studio.setState(studioFieldsFor(studio.getState(), spec, drafts));
  link.setState({
    problems: [],
    repairs,
    carried: summary === undefined ? null : { summary, spec },
    teaching: teaching ?? null,
  });
}

/** Decodes `hash` and loads it: ok → the studio shows the experiment and the notice lists repairs; not ok → the experiment stays and the problems are shown. */
export function openLink(
  studio: StoreApi<StudioState>,
  link: StoreApi<LinkState>,
  hash: string,
): LinkResult {
  const result = decodeLink(hash);
  if (!result.ok) {
    link.setState({ problems: result.problems, repairs: [], fallback: 'kept' });
    return result;
  }
  loadPayload(studio, link, result.payload, result.repairs);
  return result;
}

/** The last run's summary when it finished on exactly the current experiment; null otherwise. */
export function finishedSummary(studio: StudioState, link: LinkState): RunSummary | null {
  const { result, spec } = studio.run;
  if (result === null || spec === null) return null;
  if (!jsonEqual(spec, studio.spec)) return null;
  const at = link.finished?.runId === studio.run.runId ? link.finished.at : null;
  return {
    genotype: result.genotype,
    validAcc: result.metrics.validAcc,
    testAcc: result.metrics.testAcc,
    strategy: spec.strategy.kind,
    steps: result.step,
    finishedAt: at,
  };
}

/** The carried summary while its experiment is still the one shown. */
export function carriedSummary(studio: StudioState, link: LinkState): RunSummary | null {
  return link.carried !== null && link.carried.spec === studio.spec ? link.carried.summary : null;
}

/** The link of the current experiment as it is on screen (typed drafts included), carrying `summary` when given. */
function linkWith(studio: StudioState, link: LinkState, summary: RunSummary | null): string {
  const { spec, drafts } = studio;
  const teaching = link.teaching === null ? {} : { teaching: link.teaching };
  return encodeLink(
    summary === null ? { spec, drafts, ...teaching } : { spec, drafts, summary, ...teaching },
  );
}

/**
 * The link Copy link copies: the current experiment as it is on screen (typed drafts included),
 * carrying a finished run only when the user ticked "include the result" and one matches.
 */
export function currentLink(studio: StudioState, link: LinkState): string {
  return linkWith(
    studio,
    link,
    link.includeResult ? (finishedSummary(studio, link) ?? carriedSummary(studio, link)) : null,
  );
}

/**
 * The link the address bar holds: as Copy link's, except that the run an opened link carried stays
 * in it while that experiment is shown (so a reload shows the same result); a run finished here
 * enters it only when "include the result" is ticked.
 */
export function addressLink(studio: StudioState, link: LinkState): string {
  return linkWith(
    studio,
    link,
    (link.includeResult ? finishedSummary(studio, link) : null) ?? carriedSummary(studio, link),
  );
}

/** Records when each run finishes, so a link's summary can say when; returns the unsubscribe. */
export function trackFinishedRuns(
  studio: StoreApi<StudioState>,
  link: StoreApi<LinkState>,
  now: () => Date = () => new Date(),
): () => void {
  return studio.subscribe((s, prev) => {
    if (s.run.result !== null && s.run.result !== prev.run.result)
      link.setState({ finished: { runId: s.run.runId, at: now().toISOString() } });
  });
}
