/** The header's theme switch: follow the system, or light or dark always; remembered in this browser. */
import { useStore } from 'zustand';
import { THEME_CHOICES, type ThemeChoice } from './theme';
import { themeStore } from './theme-store';

const LABELS: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' };

/** A labelled select of the three choices. */
export function ThemeSelect() {
  const choice = useStore(themeStore, (s) => s.choice);
  const setChoice = useStore(themeStore, (s) => s.setChoice);
  return (
    <label className="header-select">
      <span className="header-label">Theme</span>
      <select
        data-testid="theme-select"
        value={choice}
        onChange={(e) => setChoice(e.target.value as ThemeChoice)}
      >
        {THEME_CHOICES.map((c) => (
          <option key={c} value={c}>
            {LABELS[c]}
          </option>
        ))}
      </select>
    </label>
  );
}
