/** Ctrl+Z undoes, Ctrl+Shift+Z and Ctrl+Y redo composer changes (Cmd on macOS), except while typing in a field. */
import { useEffect } from 'react';

/** True when the key event comes from a place where text is typed (its own undo applies there). */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Which history step a key event asks for, if any. */
export function undoKey(
  e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>,
): 'undo' | 'redo' | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  const key = e.key.toLowerCase();
  if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !e.shiftKey) return 'redo';
  return null;
}

/** Listens on the window while mounted. */
export function useUndoKeys(onUndo: () => void, onRedo: () => void): void {
  useEffect(() => {
    const listener = (e: KeyboardEvent): void => {
      if (typing(e.target)) return;
      const step = undoKey(e);
      if (step === null) return;
      e.preventDefault();
      if (step === 'undo') onUndo();
      else onRedo();
    };
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, [onUndo, onRedo]);
}
