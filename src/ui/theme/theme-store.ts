/** The theme choice as a small store: the header's switch writes it, charts that draw with fixed colours read the theme in effect. */
import { create } from 'zustand';
import {
  applyThemeChoice,
  effectiveTheme,
  storedThemeChoice,
  storeThemeChoice,
  type ThemeChoice,
} from './theme';

/** The choice and the theme it gives now. */
export interface ThemeState {
  readonly choice: ThemeChoice;
  readonly theme: 'light' | 'dark';
  readonly setChoice: (choice: ThemeChoice) => void;
}

function safeStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function systemQuery(): MediaQueryList | null {
  return typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
}

/** The theme store; its first state is what this browser remembers. */
export const themeStore = create<ThemeState>((set) => {
  const choice = storedThemeChoice(safeStorage());
  return {
    choice,
    theme: effectiveTheme(choice, systemQuery()?.matches ?? false),
    setChoice: (next) => {
      storeThemeChoice(safeStorage(), next);
      if (typeof document !== 'undefined') applyThemeChoice(document.documentElement, next);
      set({ choice: next, theme: effectiveTheme(next, systemQuery()?.matches ?? false) });
    },
  };
});

/** Applies the remembered choice to the page and keeps the theme in effect following the system; call once, first thing. */
export function startTheme(): void {
  applyThemeChoice(document.documentElement, themeStore.getState().choice);
  systemQuery()?.addEventListener('change', (e) => {
    const { choice } = themeStore.getState();
    themeStore.setState({ theme: effectiveTheme(choice, e.matches) });
  });
}
