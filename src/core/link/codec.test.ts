import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultExperiment } from '../experiment/defaults';
import { decodeLink, encodeLink } from './codec';
import { LINK_FORMAT } from './format';
import { specArb, summaryArb } from './link.testkit';

describe('experiment link codec', () => {
  it('round-trips every generated valid spec exactly', () => {
    fc.assert(
      fc.property(specArb, (spec) => {
        const hash = encodeLink({ spec });
        expect(hash.startsWith(`#x=${LINK_FORMAT}.`)).toBe(true);
        const r = decodeLink(hash);
        expect(r).toEqual({ ok: true, payload: { spec }, repairs: [] });
      }),
      { numRuns: 150 },
    );
  });

  it('round-trips a spec with a finished run that fits its space', () => {
    fc.assert(
      fc.property(
        specArb.chain((spec) => summaryArb(spec).map((summary) => ({ spec, summary }))),
        (payload) => {
          expect(decodeLink(encodeLink(payload))).toEqual({ ok: true, payload, repairs: [] });
        },
      ),
      { numRuns: 60 },
    );
  });

  it('writes only URL-safe characters', () => {
    const hash = encodeLink({ spec: defaultExperiment('darts', 'mnist') });
    expect(hash).toMatch(/^#x=\d+\.[A-Za-z0-9_-]+$/);
  });

  it('reads a link without the leading #', () => {
    const spec = defaultExperiment('nb201', 'mnist');
    const r = decodeLink(encodeLink({ spec }).slice(1));
    expect(r.ok && r.payload.spec).toEqual(spec);
  });
});
