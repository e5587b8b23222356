import { describe, expect, it } from 'vitest';
import { defaultExperiment } from '../core/experiment/defaults';
import { validateExperiment } from '../core/experiment/validate';
import { encodeLink } from '../core/link';
import { currentLink } from './link-actions';
import { createLinkStore } from './link-store';
import {
  openStartLink,
  SAVED_EXPERIMENT_KEY,
  saveExperiment,
  savedExperiment,
  type KeyValueStorage,
} from './saved-experiment';
import { scriptedStore } from './scripted-client.testkit';

/** An in-memory storage. */
function memoryStorage(initial: Record<string, string> = {}): KeyValueStorage & {
  items: Map<string, string>;
} {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
  };
}

/** A storage that refuses every call, as a blocked one does. */
const blocked: KeyValueStorage = {
  getItem: () => {
    throw new Error('SecurityError');
  },
  setItem: () => {
    throw new Error('QuotaExceededError');
  },
};

function setup() {
  return { studio: scriptedStore().store, link: createLinkStore() };
}

/** A studio left with epochs typed as `abc` and a node with no input in its cell. */
function halfBuilt() {
  const { studio, link } = setup();
  const s = studio.getState();
  s.setStrategyNumber('epochs', Number.NaN);
  s.setDraft('strategy.epochs', 'abc');
  expect(
    studio.getState().changeSpace({ kind: 'cell', role: 'normal', change: { kind: 'add-node' } }),
  ).toBe(true);
  return { studio, link };
}

const GARBAGE = '#x=4.not-a-link!';

describe('the experiment saved in this browser', () => {
  it('restores what was on screen, typed text and half-built cell included, when the start link is refused', () => {
    const before = halfBuilt();
    const { spec, drafts } = before.studio.getState();
    const storage = memoryStorage();
    saveExperiment(storage, currentLink(before.studio.getState(), before.link.getState()));

    const { studio, link } = setup();
    expect(openStartLink(studio, link, GARBAGE, storage)).toBe(true);
    const s = studio.getState();
    expect(s.spec).toEqual(spec);
    expect(s.drafts).toEqual({ 'strategy.epochs': 'abc' });
    expect(drafts).toEqual(s.drafts);
    expect(s.composer.present.space).toEqual(spec.space);
    expect(validateExperiment(s.spec).map((p) => p.code)).toEqual(
      expect.arrayContaining(['no-incoming-edge', 'not-finite']),
    );
    const l = link.getState();
    expect(l.fallback).toBe('restored');
    expect(l.problems).toEqual([
      'This link is damaged: it holds characters a link never has (it may have been cut or changed when copied).',
    ]);
  });

  it('shows the default with the reason when nothing is saved, or what is saved cannot be read', () => {
    for (const storage of [
      memoryStorage(),
      memoryStorage({ [SAVED_EXPERIMENT_KEY]: '#x=4.garbage' }),
      blocked,
      null,
    ]) {
      const { studio, link } = setup();
      const initial = studio.getState().spec;
      expect(openStartLink(studio, link, '#x=99.abc', storage)).toBe(true);
      expect(studio.getState().spec).toBe(initial);
      expect(link.getState().fallback).toBe('default');
      expect(link.getState().problems[0]).toMatch(/newer version/);
    }
  });

  it('opens a start link that reads, and saves it as the experiment to restore', () => {
    const { studio, link } = setup();
    const spec = { ...defaultExperiment('nb201', 'mnist', 3), name: 'Linked' };
    const hash = encodeLink({ spec });
    const storage = memoryStorage();
    expect(openStartLink(studio, link, hash, storage)).toBe(false);
    expect(studio.getState().spec).toEqual(spec);
    expect(link.getState().problems).toEqual([]);
    expect(storage.items.get(SAVED_EXPERIMENT_KEY)).toBe(hash);
    expect(savedExperiment(storage)).toEqual({ ok: true, payload: { spec }, repairs: [] });
  });

  it('never throws on a storage that refuses to be read or written', () => {
    expect(() => saveExperiment(blocked, '#x=4.abc')).not.toThrow();
    expect(savedExperiment(blocked)).toBeNull();
    expect(savedExperiment(null)).toBeNull();
  });
});
