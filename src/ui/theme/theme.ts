/** The colour theme: the user's choice (system, light or dark), remembered in localStorage and applied to the page's root element. */

/** What the header's switch offers: follow the system's preference, or one theme always. */
export type ThemeChoice = 'system' | 'light' | 'dark';

/** The choices in the order the switch lists them. */
export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];

/** The localStorage key that remembers the choice. */
export const THEME_STORAGE_KEY = 'nas-studio:theme';

/** A stored value as a choice: anything unknown (or nothing) follows the system. */
export function parseThemeChoice(value: string | null | undefined): ThemeChoice {
  return value === 'light' || value === 'dark' ? value : 'system';
}

/** The choice this browser remembers (the system's preference when storage is unavailable). */
export function storedThemeChoice(storage: Pick<Storage, 'getItem'> | null): ThemeChoice {
  try {
    return parseThemeChoice(storage?.getItem(THEME_STORAGE_KEY));
  } catch {
    return 'system';
  }
}

/** Remembers `choice` (forgetting it for "system"); a storage that refuses loses only the memory, not the choice on screen. */
export function storeThemeChoice(
  storage: Pick<Storage, 'setItem' | 'removeItem'> | null,
  choice: ThemeChoice,
): void {
  try {
    if (choice === 'system') storage?.removeItem(THEME_STORAGE_KEY);
    else storage?.setItem(THEME_STORAGE_KEY, choice);
  } catch {
    // Private windows and full quotas refuse writes: the theme still applies for this visit.
  }
}

/** Puts `choice` on the root element: `data-theme` for the stylesheet (its tokens use `light-dark()`, which follows `color-scheme`); none for "system". */
export function applyThemeChoice(root: HTMLElement, choice: ThemeChoice): void {
  if (choice === 'system') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', choice);
}

/** The theme in effect: the choice, or the system's preference when the choice is "system". */
export function effectiveTheme(choice: ThemeChoice, systemDark: boolean): 'light' | 'dark' {
  if (choice !== 'system') return choice;
  return systemDark ? 'dark' : 'light';
}
