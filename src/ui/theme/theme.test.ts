import { describe, expect, it } from 'vitest';
import {
  applyThemeChoice,
  effectiveTheme,
  parseThemeChoice,
  storedThemeChoice,
  storeThemeChoice,
  THEME_STORAGE_KEY,
} from './theme';

function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (k) => map.get(k) ?? null,
    key: (i) => [...map.keys()][i] ?? null,
    removeItem: (k) => void map.delete(k),
    setItem: (k, v) => void map.set(k, v),
  };
}

describe('theme choice', () => {
  it('reads unknown or missing values as following the system', () => {
    expect(parseThemeChoice(null)).toBe('system');
    expect(parseThemeChoice('purple')).toBe('system');
    expect(parseThemeChoice('dark')).toBe('dark');
    expect(parseThemeChoice('light')).toBe('light');
  });

  it('remembers light and dark, and forgets the choice for system', () => {
    const storage = memoryStorage();
    storeThemeChoice(storage, 'dark');
    expect(storage.getItem(THEME_STORAGE_KEY)).toBe('dark');
    expect(storedThemeChoice(storage)).toBe('dark');
    storeThemeChoice(storage, 'system');
    expect(storage.getItem(THEME_STORAGE_KEY)).toBeNull();
    expect(storedThemeChoice(storage)).toBe('system');
  });

  it('survives a storage that throws', () => {
    const refusing = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
      removeItem: () => {
        throw new Error('denied');
      },
    };
    expect(storedThemeChoice(refusing)).toBe('system');
    expect(() => storeThemeChoice(refusing, 'light')).not.toThrow();
  });

  it('follows the system only when the choice is system', () => {
    expect(effectiveTheme('system', true)).toBe('dark');
    expect(effectiveTheme('system', false)).toBe('light');
    expect(effectiveTheme('light', true)).toBe('light');
    expect(effectiveTheme('dark', false)).toBe('dark');
  });

  it('marks the root element for light and dark, and clears it for system', () => {
    const attributes = new Map<string, string>();
    const root = {
      setAttribute: (k: string, v: string) => void attributes.set(k, v),
      removeAttribute: (k: string) => void attributes.delete(k),
    } as unknown as HTMLElement;
    applyThemeChoice(root, 'dark');
    expect(attributes.get('data-theme')).toBe('dark');
    applyThemeChoice(root, 'system');
    expect(attributes.has('data-theme')).toBe(false);
  });
});
