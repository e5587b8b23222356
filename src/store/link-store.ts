/** What the studio shows about experiment links: repairs and problems of the last opened link, the finished run it carried, and the "include the result" choice. */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ExperimentSpec } from '../core/experiment/spec';
import type { RunSummary, TeachingSettings } from '../core/link';

/** What the studio shows after refusing a link (see LinkState.fallback). */
export type LinkFallback = 'kept' | 'restored' | 'default';

/** The link half of the studio's UI state (kept apart from the studio store). */
export interface LinkState {
  /** What was repaired in the last opened link (shown in a dismissable notice). */
  readonly repairs: readonly string[];
  /** Why the last opened link was refused (shown in the error banner). */
  readonly problems: readonly string[];
  /**
   * What the studio shows instead of a refused link: the experiment it had ('kept'), the one this
   * browser saved before a reload ('restored'), or the default when none was saved ('default').
   */
  readonly fallback: LinkFallback;
  /** The finished run the last opened link carried, and the spec it belongs to (shown while that spec is unchanged). */
  readonly carried: { readonly summary: RunSummary; readonly spec: ExperimentSpec } | null;
  /** Whether a copied link carries the last finished run of the current experiment: only ever set by the user's tick, never by default or by opening a link. */
  readonly includeResult: boolean;
  /** When the run with this id finished (ISO time), for the summary a link carries. */
  readonly finished: { readonly runId: number; readonly at: string } | null;
  /** The teacher's settings of the last opened lesson link (kept in the address); null: none. */
  readonly teaching: TeachingSettings | null;
  dismissRepairs(): void;
  dismissProblems(): void;
  setIncludeResult(include: boolean): void;
}

/** A fresh link store: nothing opened, results not included until the user ticks the box. */
export function createLinkStore(): StoreApi<LinkState> {
  return createStore<LinkState>()((set) => ({
    repairs: [],
    problems: [],
    fallback: 'kept',
    carried: null,
    includeResult: false,
    finished: null,
    teaching: null,
    dismissRepairs: () => set({ repairs: [] }),
    dismissProblems: () => set({ problems: [] }),
    setIncludeResult: (includeResult) => set({ includeResult }),
  }));
}
