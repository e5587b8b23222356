/** Composer actions for form controls: apply a space change and return the refusal reason, if any. */
import type { SpaceChange } from '../../core/search-space/edits';
import { studioStore } from '../studio';

/** Applies `change`; null when it applied, else the sentence saying why it was refused. */
export function tryChange(change: SpaceChange): string | null {
  const store = studioStore.getState();
  if (store.changeSpace(change)) return null;
  return studioStore.getState().composerMessage ?? 'The change was refused.';
}
