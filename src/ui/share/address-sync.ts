/** Keeps the address bar and the experiment in step: opens a link found at start-up or pasted later, and writes the current experiment's link as it is edited (debounced). */
import type { StoreApi } from 'zustand/vanilla';
import { isLinkHash } from '../../core/link';
import { currentLink, openLink, trackFinishedRuns } from '../../store/link-actions';
import type { LinkState } from '../../store/link-store';
import type { StudioState } from '../../store/studio-state';

/** The parts of `window` the sync uses (so tests can pass a stand-in). */
export interface AddressWindow {
  readonly location: { readonly hash: string };
  readonly history: {
    readonly state: unknown;
    replaceState(data: unknown, unused: string, url?: string): void;
  };
  addEventListener(type: 'hashchange', listener: () => void): void;
  removeEventListener(type: 'hashchange', listener: () => void): void;
}

/** How long edits settle before the address is rewritten. */
export const ADDRESS_DEBOUNCE_MS = 300;

/** Starts the sync; returns a function that stops it. */
export function startAddressSync(
  studio: StoreApi<StudioState>,
  link: StoreApi<LinkState>,
  win: AddressWindow,
  delayMs: number = ADDRESS_DEBOUNCE_MS,
): () => void {
  let written = '';
  let timer: ReturnType<typeof setTimeout> | null = null;
  const write = () => {
    timer = null;
    written = currentLink(studio.getState(), link.getState());
    if (written !== win.location.hash) win.history.replaceState(win.history.state, '', written);
  };
  const schedule = () => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(write, delayMs);
  };
  const open = () => {
    const hash = win.location.hash;
    if (hash !== written && isLinkHash(hash)) openLink(studio, link, hash);
  };
  open();
  const stopFinished = trackFinishedRuns(studio, link);
  const stopStudio = studio.subscribe((s, prev) => {
    if (s.spec !== prev.spec || s.run.result !== prev.run.result) schedule();
  });
  const stopLink = link.subscribe((s, prev) => {
    if (s.includeResult !== prev.includeResult || s.finished !== prev.finished) schedule();
  });
  win.addEventListener('hashchange', open);
  return () => {
    if (timer !== null) clearTimeout(timer);
    stopFinished();
    stopStudio();
    stopLink();
    win.removeEventListener('hashchange', open);
  };
}
