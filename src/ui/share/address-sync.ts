/**
 * Keeps the address bar, the saved experiment and the studio in step: opens a link found at start-up
 * (or the experiment this browser saved, when that link cannot be opened) or pasted later, and
 * writes the current experiment's link to the address and to storage as it is edited (debounced,
 * flushed when the page is left). A lesson address (`#lesson=…`) is left alone: the lesson keeps it.
 */
import type { StoreApi } from 'zustand/vanilla';
import { isLessonHash } from '../../core/lessons';
import { isLinkHash } from '../../core/link';
import { addressLink, openLink, trackFinishedRuns } from '../../store/link-actions';
import type { LinkState } from '../../store/link-store';
import { openStartLink, saveExperiment, type KeyValueStorage } from '../../store/saved-experiment';
import type { StudioState } from '../../store/studio-state';

/** The parts of `window` the sync uses (so tests can pass a stand-in). */
export interface AddressWindow {
  readonly location: { readonly hash: string };
  readonly history: {
    readonly state: unknown;
    replaceState(data: unknown, unused: string, url?: string): void;
  };
  addEventListener(type: 'hashchange' | 'pagehide', listener: () => void): void;
  removeEventListener(type: 'hashchange' | 'pagehide', listener: () => void): void;
}

/** How long edits settle before the address is rewritten. */
export const ADDRESS_DEBOUNCE_MS = 300;

/** Starts the sync; `storage` keeps the experiment across reloads (null: not kept). Returns a function that stops it. */
export function startAddressSync(
  studio: StoreApi<StudioState>,
  link: StoreApi<LinkState>,
  win: AddressWindow,
  delayMs: number = ADDRESS_DEBOUNCE_MS,
  storage: KeyValueStorage | null = null,
): () => void {
  let written = '';
  let timer: ReturnType<typeof setTimeout> | null = null;
  const write = () => {
    timer = null;
    // A lesson owns the address while it is open (its steps load their own experiments).
    if (isLessonHash(win.location.hash)) return;
    written = addressLink(studio.getState(), link.getState());
    saveExperiment(storage, written);
    if (written !== win.location.hash) win.history.replaceState(win.history.state, '', written);
  };
  const schedule = () => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(write, delayMs);
  };
  const flush = () => {
    if (timer === null) return;
    clearTimeout(timer);
    write();
  };
  const open = () => {
    const hash = win.location.hash;
    if (hash !== written && isLinkHash(hash)) openLink(studio, link, hash);
  };
  const start = win.location.hash;
  // A refused start link leaves its address for the experiment shown instead.
  if (isLinkHash(start) && openStartLink(studio, link, start, storage)) schedule();
  const stopFinished = trackFinishedRuns(studio, link);
  const stopStudio = studio.subscribe((s, prev) => {
    if (s.spec !== prev.spec || s.drafts !== prev.drafts || s.run.result !== prev.run.result)
      schedule();
  });
  const stopLink = link.subscribe((s, prev) => {
    if (
      s.includeResult !== prev.includeResult ||
      s.finished !== prev.finished ||
      s.teaching !== prev.teaching
    )
      schedule();
  });
  win.addEventListener('hashchange', open);
  win.addEventListener('pagehide', flush);
  return () => {
    if (timer !== null) clearTimeout(timer);
    stopFinished();
    stopStudio();
    stopLink();
    win.removeEventListener('hashchange', open);
    win.removeEventListener('pagehide', flush);
  };
}
