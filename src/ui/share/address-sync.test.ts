import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultExperiment } from '../../core/experiment/defaults';
import { decodeLink, encodeLink } from '../../core/link';
import { createLinkStore } from '../../store/link-store';
import { scriptedStore } from '../../store/scripted-client.testkit';
import { startAddressSync, type AddressWindow } from './address-sync';

/** A stand-in window whose address can be set and whose hashchange can be fired. */
function fakeWindow(hash: string) {
  const listeners = new Set<() => void>();
  const writes: string[] = [];
  const win: AddressWindow & { location: { hash: string } } = {
    location: { hash },
    history: {
      state: null,
      replaceState: (_data, _unused, url) => {
        writes.push(url ?? '');
        win.location.hash = url ?? '';
      },
    },
    addEventListener: (_type, l) => listeners.add(l),
    removeEventListener: (_type, l) => listeners.delete(l),
  };
  const paste = (next: string) => {
    win.location.hash = next;
    for (const l of listeners) l();
  };
  return { win, writes, paste, listeners };
}

const nb201 = { ...defaultExperiment('nb201', 'mnist', 4), name: 'From a link' };

describe('address sync', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('opens the link in the address at start-up', () => {
    const studio = scriptedStore().store;
    const link = createLinkStore();
    const { win } = fakeWindow(encodeLink({ spec: nb201 }));
    const stop = startAddressSync(studio, link, win);
    expect(studio.getState().spec).toEqual(nb201);
    stop();
  });

  it('keeps the default experiment and reports a mangled link', () => {
    const studio = scriptedStore().store;
    const before = studio.getState().spec;
    const link = createLinkStore();
    const stop = startAddressSync(studio, link, fakeWindow('#x=garbage').win);
    expect(studio.getState().spec).toBe(before);
    expect(link.getState().problems).toHaveLength(1);
    stop();
  });

  it('writes the address once edits settle, debounced', () => {
    const studio = scriptedStore().store;
    const link = createLinkStore();
    const { win, writes } = fakeWindow('');
    const stop = startAddressSync(studio, link, win, 300);
    studio.getState().setSeed(11);
    vi.advanceTimersByTime(100);
    studio.getState().setSeed(12);
    vi.advanceTimersByTime(299);
    expect(writes).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(writes).toHaveLength(1);
    const r = decodeLink(writes[0] ?? '');
    expect(r.ok && r.payload.spec.seed).toBe(12);
    stop();
  });

  it('loads a link pasted later in the same tab, and not its own writes', () => {
    const studio = scriptedStore().store;
    const link = createLinkStore();
    const { win, paste, listeners } = fakeWindow('');
    const stop = startAddressSync(studio, link, win, 300);
    paste(encodeLink({ spec: nb201 }));
    expect(studio.getState().spec).toEqual(nb201);
    studio.getState().setSeed(99);
    vi.advanceTimersByTime(300);
    paste(win.location.hash);
    expect(studio.getState().spec.seed).toBe(99);
    stop();
    expect(listeners.size).toBe(0);
  });
});
