import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultExperiment } from '../../core/experiment/defaults';
import { decodeLink, encodeLink } from '../../core/link';
import { createLinkStore } from '../../store/link-store';
import { scriptedStore } from '../../store/scripted-client.testkit';
import {
  SAVED_EXPERIMENT_KEY,
  saveExperiment,
  type KeyValueStorage,
} from '../../store/saved-experiment';
import { startAddressSync, type AddressWindow } from './address-sync';

/** A stand-in window whose address can be set, whose hashchange can be fired and which can be left (pagehide). */
function fakeWindow(hash: string) {
  const listeners = new Map<string, Set<() => void>>();
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
    addEventListener: (type, l) => {
      listeners.set(type, (listeners.get(type) ?? new Set()).add(l));
    },
    removeEventListener: (type, l) => void listeners.get(type)?.delete(l),
  };
  const fire = (type: string) => {
    for (const l of listeners.get(type) ?? []) l();
  };
  const paste = (next: string) => {
    win.location.hash = next;
    fire('hashchange');
  };
  const count = () => [...listeners.values()].reduce((n, set) => n + set.size, 0);
  return { win, writes, paste, fire, count };
}

/** An in-memory storage. */
function memoryStorage(): KeyValueStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
  };
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

  it('opens a link carrying a finished run with "include the result" unticked, and keeps the run in the address', () => {
    const summary = {
      genotype: {
        normal: {
          edges: nb201.space.normal.edges.map((e) => ({
            from: e.from,
            to: e.to,
            op: e.ops[1] ?? 'none',
          })),
          concat: [...nb201.space.normal.nodes],
        },
        reduce: null,
      },
      validAcc: 0.9,
      testAcc: 0.88,
      strategy: 'darts' as const,
      steps: 50,
      finishedAt: '2026-12-07T14:05:00.000Z',
    };
    const storage = memoryStorage();
    const studio = scriptedStore().store;
    const link = createLinkStore();
    expect(link.getState().includeResult).toBe(false);
    const { win } = fakeWindow(encodeLink({ spec: nb201, summary }));
    const stop = startAddressSync(studio, link, win, 300, storage);
    expect(link.getState().carried?.summary).toEqual(summary);
    expect(link.getState().includeResult).toBe(false);
    vi.advanceTimersByTime(300);
    const kept = decodeLink(win.location.hash);
    expect(kept.ok && kept.payload.summary).toEqual(summary);
    // A reload of the same address: the restored link leaves the box unticked too.
    const reloaded = createLinkStore();
    const stop2 = startAddressSync(
      scriptedStore().store,
      reloaded,
      fakeWindow(win.location.hash).win,
      300,
      storage,
    );
    expect(reloaded.getState().carried?.summary).toEqual(summary);
    expect(reloaded.getState().includeResult).toBe(false);
    stop2();
    // Once the experiment changes, the run it carried leaves the address.
    studio.getState().setSeed(5);
    vi.advanceTimersByTime(300);
    const edited = decodeLink(win.location.hash);
    expect(edited.ok && edited.payload.summary).toBeUndefined();
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
    const { win, paste, count } = fakeWindow('');
    const stop = startAddressSync(studio, link, win, 300);
    paste(encodeLink({ spec: nb201 }));
    expect(studio.getState().spec).toEqual(nb201);
    studio.getState().setSeed(99);
    vi.advanceTimersByTime(300);
    paste(win.location.hash);
    expect(studio.getState().spec.seed).toBe(99);
    stop();
    expect(count()).toBe(0);
  });

  it('saves every write, and restores the saved experiment when the start link is refused', () => {
    const storage = memoryStorage();
    const first = scriptedStore().store;
    const a = fakeWindow('');
    const stopFirst = startAddressSync(first, createLinkStore(), a.win, 300, storage);
    first.getState().setStrategyNumber('epochs', Number.NaN);
    first.getState().setDraft('strategy.epochs', 'abc');
    vi.advanceTimersByTime(300);
    expect(storage.items.get(SAVED_EXPERIMENT_KEY)).toBe(a.win.location.hash);
    stopFirst();

    const studio = scriptedStore().store;
    const link = createLinkStore();
    const b = fakeWindow('#x=4.garbage!');
    const stop = startAddressSync(studio, link, b.win, 300, storage);
    expect(studio.getState().spec).toEqual(first.getState().spec);
    expect(studio.getState().drafts).toEqual({ 'strategy.epochs': 'abc' });
    expect(link.getState().fallback).toBe('restored');
    expect(link.getState().problems).toHaveLength(1);
    // The refused address gives way to the experiment shown.
    vi.advanceTimersByTime(300);
    expect(decodeLink(b.win.location.hash)).toEqual(decodeLink(a.win.location.hash));
    stop();
  });

  it('writes a pending edit at once when the page is left', () => {
    const storage = memoryStorage();
    saveExperiment(storage, encodeLink({ spec: nb201 }));
    const studio = scriptedStore().store;
    const { win, writes, fire } = fakeWindow('');
    const stop = startAddressSync(studio, createLinkStore(), win, 300, storage);
    studio.getState().setSeed(77);
    fire('pagehide');
    expect(writes).toHaveLength(1);
    const r = decodeLink(storage.items.get(SAVED_EXPERIMENT_KEY) ?? '');
    expect(r.ok && r.payload.spec.seed).toBe(77);
    fire('pagehide');
    expect(writes).toHaveLength(1);
    stop();
  });
});
