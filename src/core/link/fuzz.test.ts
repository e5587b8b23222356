import { describe, expect, it } from 'vitest';
import { defaultExperiment, defaultMultiTrial, defaultSpos } from '../experiment/defaults';
import { unbuildableProblems } from '../experiment/buildable';
import { liveDrafts } from '../experiment/drafts';
import { createRng, type Rng } from '../random';
import { fromBase64Url, toBase64Url } from './base64url';
import { decodeLink, encodeLink } from './codec';
import { deflateBytes } from './inflate';
import { HOSTILE_NAMES } from './link.testkit';
import type { LinkResult } from './types';

const nb201 = defaultExperiment('nb201', 'mnist');
const teaching = defaultExperiment('teaching', 'xor');
const SPECS = [
  defaultExperiment('darts', 'mnist'),
  nb201,
  { ...teaching, strategy: defaultSpos(teaching.dataset, 3125n) },
  { ...nb201, strategy: defaultMultiTrial(nb201.dataset, 15625n) },
];
const VALID = SPECS.map((spec) => encodeLink({ spec }));
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[rng.int(xs.length)] as T;
const pack = (text: string, format = 2) =>
  `#x=${format}.${toBase64Url(deflateBytes(new TextEncoder().encode(text)))}`;

/** Draft paths a hostile link may name: real fields, choices, unknown and prototype keys. */
const DRAFT_KEYS = [
  'strategy.epochs',
  'seed',
  'dataset.noise',
  'strategy.constraints.maxParams',
  'strategy.kind',
  'strategy.order',
  'dataset.id',
  '__proto__',
  'strategy.__proto__',
  'constructor',
  'space.macro.channels',
  'strategy.constraints',
];

/** Draft texts: numbers, words, blanks, a very long one. */
const DRAFT_TEXTS = ['abc', '', '1e3', '12', '-1', 'NaN', 'Infinity', '0x10', 'x'.repeat(5000)];

/** One hostile hash, built by one of several mutations of a valid link or from scratch. */
function hostileHash(rng: Rng): string {
  const base = pick(rng, VALID);
  const data = base.slice(base.indexOf('.') + 1);
  switch (rng.int(11)) {
    case 0:
      return base.slice(0, rng.int(base.length));
    case 1: {
      const i = 5 + rng.int(base.length - 5);
      return base.slice(0, i) + pick(rng, [...B64]) + base.slice(i + 1);
    }
    case 2: {
      const bytes = fromBase64Url(data) ?? new Uint8Array(0);
      const flipped = bytes.slice();
      for (let k = 0; k < 1 + rng.int(4); k++) {
        const i = rng.int(flipped.length);
        flipped[i] = (flipped[i] ?? 0) ^ (1 << rng.int(8));
      }
      return `#x=2.${toBase64Url(flipped)}`;
    }
    case 3:
      return `#x=${rng.int(20)}.${data}`;
    case 4:
      return `#x=2.${Array.from({ length: rng.int(200) }, () => pick(rng, [...B64])).join('')}`;
    case 5:
      return `#x=2.${data.repeat(2 + rng.int(40))}`;
    case 6: {
      const n = 1 + rng.int(5000);
      return pack(pick(rng, ['[', '{"a":']).repeat(n));
    }
    case 7: {
      const spec = pick(rng, SPECS);
      return pack(
        JSON.stringify({ spec: { ...spec, name: pick(rng, HOSTILE_NAMES) } }),
        1 + rng.int(2),
      );
    }
    case 9: {
      const spec = pick(rng, SPECS);
      const key = pick(rng, DRAFT_KEYS);
      const text = pick(rng, DRAFT_TEXTS);
      const drafts = rng.int(4) === 0 ? pick(rng, [[text], text, 7, null]) : { [key]: text };
      const at = rng.int(2) === 0 ? { ...spec.strategy, epochs: null } : spec.strategy;
      return pack(JSON.stringify({ spec: { ...spec, strategy: at }, drafts }), 4);
    }
    case 10: {
      const json = JSON.stringify({ spec: pick(rng, SPECS), drafts: { 'strategy.epochs': 'abc' } });
      const i = rng.int(json.length);
      return pack(
        json.slice(0, i) + pick(rng, ['"', '}', ':', 'null', '"x"']) + json.slice(i + 1),
        4,
      );
    }
    default: {
      const json = JSON.stringify({ spec: pick(rng, SPECS) });
      const i = rng.int(json.length);
      return pack(
        json.slice(0, i) +
          pick(rng, ['"', '}', ']', ',', '0', '-1', 'null', '""']) +
          json.slice(i + 1),
      );
    }
  }
}

/** Either a payload a person could have built (its drafts holding for it), or at least one plain problem; never an internal error. */
function expectDescribed(r: LinkResult): void {
  if (r.ok) {
    expect(unbuildableProblems(r.payload.spec)).toEqual([]);
    const drafts = r.payload.drafts ?? {};
    expect(liveDrafts(r.payload.spec, drafts)).toEqual(drafts);
    return;
  }
  expect(r.problems.length).toBeGreaterThan(0);
  for (const p of r.problems) {
    expect(p.length).toBeGreaterThan(10);
    expect(p).not.toMatch(/internal error/);
  }
}

describe('decodeLink on hostile input', () => {
  it('gives ok or a described error for 10,000 random and mutated hashes, never an exception', () => {
    const rng = createRng(20250101);
    let refused = 0;
    for (let i = 0; i < 10_000; i++) {
      const r = decodeLink(hostileHash(rng));
      expectDescribed(r);
      if (!r.ok) refused++;
    }
    expect(refused).toBeGreaterThan(1000);
  });

  it('gives ok or a described error for arbitrary strings', () => {
    const rng = createRng(7);
    for (let i = 0; i < 2000; i++) {
      const s = String.fromCharCode(...Array.from({ length: rng.int(80) }, () => rng.int(0x3000)));
      expectDescribed(decodeLink(rng.int(2) === 0 ? `#x=2.${s}` : s));
    }
  });
});
