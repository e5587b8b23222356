/**
 * The experiment this browser keeps across reloads: the current experiment's link, saved on every
 * edit, and read back when the address at start-up holds a link that cannot be opened.
 */
import type { StoreApi } from 'zustand/vanilla';
import { decodeLink, type LinkResult } from '../core/link';
import { loadPayload } from './link-actions';
import type { LinkState } from './link-store';
import type { StudioState } from './studio-state';

/** The storage key of the saved experiment (its link, `#x=<format>.<data>`). */
export const SAVED_EXPERIMENT_KEY = 'nas-studio:experiment';

/** The part of `localStorage` the saved experiment uses (tests pass a stand-in). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** The page's localStorage, or null where the browser withholds it (private modes, blocked storage). */
export function browserStorage(): KeyValueStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** Saves `hash` as the experiment to restore; a full or blocked storage is skipped (the address still holds it). */
export function saveExperiment(storage: KeyValueStorage | null, hash: string): void {
  try {
    storage?.setItem(SAVED_EXPERIMENT_KEY, hash);
  } catch {
    // Nothing to do: the address bar still carries the experiment.
  }
}

/** The saved experiment, decoded; null when none is saved or it cannot be read. */
export function savedExperiment(storage: KeyValueStorage | null): LinkResult | null {
  let hash: string | null = null;
  try {
    hash = storage?.getItem(SAVED_EXPERIMENT_KEY) ?? null;
  } catch {
    return null;
  }
  if (hash === null) return null;
  const result = decodeLink(hash);
  return result.ok ? result : null;
}

/**
 * Opens the address found at start-up. A link that reads is loaded (and saved). One that cannot be
 * opened is refused with its problems, and the studio shows the experiment saved in this browser
 * ('restored'), or the default when none is saved ('default'). Returns whether a link was refused.
 */
export function openStartLink(
  studio: StoreApi<StudioState>,
  link: StoreApi<LinkState>,
  hash: string,
  storage: KeyValueStorage | null,
): boolean {
  const result = decodeLink(hash);
  if (result.ok) {
    loadPayload(studio, link, result.payload, result.repairs);
    saveExperiment(storage, hash);
    return false;
  }
  const saved = savedExperiment(storage);
  if (saved === null || !saved.ok) {
    link.setState({ problems: result.problems, repairs: [], fallback: 'default' });
    return true;
  }
  loadPayload(studio, link, saved.payload, []);
  link.setState({ problems: result.problems, fallback: 'restored' });
  return true;
}
