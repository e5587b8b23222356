import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultExperiment } from '../experiment/defaults';
import { toBase64Url } from './base64url';
import { decodeLink, encodeLink } from './codec';
import { LINK_LIMITS } from './format';
import { deflateBytes } from './inflate';
import { HOSTILE_NAMES } from './link.testkit';
import { CONTROL_GROUPS, LINK_VIEWS, LOCKABLE_GROUPS, type TeachingSettings } from './teaching';

const spec = defaultExperiment('teaching', 'xor', 3);

const teaching: TeachingSettings = {
  title: 'Collapse on XOR',
  notes: 'Watch skip_connect.\nThen press Next.',
  view: 'run',
  hidden: ['backend', 'composer'],
  locked: ['dataset', 'strategy'],
  runOnOpen: true,
};

/** A link in format `format` holding `json` as it is. */
function rawLink(json: unknown, format = 5): string {
  return `#x=${format}.${toBase64Url(deflateBytes(new TextEncoder().encode(JSON.stringify(json))))}`;
}

const teachingArb: fc.Arbitrary<TeachingSettings> = fc.record({
  title: fc.oneof(fc.string({ maxLength: 120 }), fc.constantFrom(...HOSTILE_NAMES)),
  notes: fc.oneof(fc.string({ maxLength: 400 }), fc.constantFrom(...HOSTILE_NAMES)),
  view: fc.constantFrom(...LINK_VIEWS),
  hidden: fc.subarray([...CONTROL_GROUPS]),
  locked: fc.subarray([...LOCKABLE_GROUPS]),
  runOnOpen: fc.boolean(),
});

describe("a teacher's link", () => {
  it('round-trips title, notes, view, hide and lock flags and run-on-open', () => {
    const r = decodeLink(encodeLink({ spec, teaching }));
    expect(r).toEqual({ ok: true, payload: { spec, teaching }, repairs: [] });
  });

  it('round-trips any settings, hostile text kept as the same text', () => {
    fc.assert(
      fc.property(teachingArb, (t) => {
        const r = decodeLink(encodeLink({ spec, teaching: t }));
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        const got = r.payload.teaching;
        expect(got?.title).toBe(t.title);
        expect(got?.notes).toBe(t.notes);
        expect(got?.view).toBe(t.view);
        expect(new Set(got?.hidden)).toEqual(new Set(t.hidden));
        expect(new Set(got?.locked)).toEqual(
          new Set(t.locked.filter((g) => !t.hidden.includes(g))),
        );
        expect(got?.runOnOpen).toBe(t.runOnOpen);
      }),
      { numRuns: 80 },
    );
  });

  it('caps the notes and title, saying so', () => {
    const long = {
      ...teaching,
      notes: 'n'.repeat(LINK_LIMITS.maxNotesChars + 50),
      title: 't'.repeat(300),
    };
    const r = decodeLink(rawLink({ spec, teaching: long }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.payload.teaching?.notes.length).toBe(LINK_LIMITS.maxNotesChars);
    expect(r.payload.teaching?.title.length).toBe(LINK_LIMITS.maxNameLength);
    expect(r.repairs.join(' ')).toMatch(/notes was cut/);
  });

  it('leaves out unreadable settings with the reason and still opens the experiment', () => {
    for (const bad of [
      { ...teaching, hidden: ['everything'] },
      { ...teaching, locked: ['composer'] },
      { ...teaching, view: 'kitchen' },
      { ...teaching, runOnOpen: 'yes' },
      { ...teaching, notes: 42 },
      { ...teaching, script: '<script>' },
      'not an object',
    ]) {
      const r = decodeLink(rawLink({ spec, teaching: bad }));
      expect(r.ok).toBe(true);
      if (!r.ok) continue;
      expect(r.payload.teaching).toBeUndefined();
      expect(r.repairs.join(' ')).toContain('lesson settings in the link');
    }
  });

  it('a group both hidden and locked is hidden', () => {
    const r = decodeLink(
      encodeLink({ spec, teaching: { ...teaching, hidden: ['dataset'], locked: ['dataset'] } }),
    );
    expect(r.ok && r.payload.teaching?.locked).toEqual([]);
  });

  it('old links (format 4) keep opening without settings', () => {
    const r = decodeLink(rawLink({ spec }, 4));
    expect(r).toEqual({ ok: true, payload: { spec }, repairs: [] });
  });
});
