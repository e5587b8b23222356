import { describe, expect, it } from 'vitest';
import { defaultExperiment } from '../experiment/defaults';
import { toBase64Url } from './base64url';
import { decodeLink } from './codec';
import { jsonDepth } from './depth';
import { LINK_LIMITS } from './format';
import { jsonEqual } from './records';
import { deflateBytes, inflateBounded } from './inflate';

const link = (bytes: Uint8Array) => `#x=2.${toBase64Url(deflateBytes(bytes))}`;

describe('link limits', () => {
  it('stops inflating a deflate bomb soon after the cap, without producing its full size', () => {
    const bomb = deflateBytes(new Uint8Array(32 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(LINK_LIMITS.maxDataChars);
    const r = inflateBounded(bomb, LINK_LIMITS.maxJsonBytes);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toBe('too-large');
    expect(r.produced).toBeLessThan(2 * LINK_LIMITS.maxJsonBytes);
  });

  it('refuses a deflate bomb link with a plain reason', () => {
    const r = decodeLink(link(new Uint8Array(16 * 1024 * 1024).fill(32)));
    expect(r).toEqual({
      ok: false,
      problems: [
        'This link unpacks to more than 1 MiB of data, more than any experiment needs; it was refused.',
      ],
    });
  });

  it('refuses data longer than the cap before decoding it', () => {
    const r = decodeLink(`#x=2.${'A'.repeat(LINK_LIMITS.maxDataChars + 1)}`);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems[0]).toMatch(/too long/);
  });

  it('refuses deeply nested JSON before parsing it', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const r = decodeLink(link(new TextEncoder().encode(deep)));
    expect(!r.ok && r.problems[0]).toMatch(/nested deeper than 32 levels/);
  });

  it('measures depth outside strings only', () => {
    expect(jsonDepth('{"a":"[[[[{{{{","b":[1,[2]]}', 10)).toBe(3);
    expect(jsonDepth('[[[[]]]]', 3)).toBe(-1);
  });

  it('refuses links that are not links', () => {
    for (const hash of ['', '#', '#x=', '#x=2', '#x=2.', '#y=2.abc', '#x=abc.def', '#x=2.@@@@']) {
      const r = decodeLink(hash);
      expect(r.ok).toBe(false);
      expect(!r.ok && r.problems.length).toBe(1);
    }
  });

  it('a truncated link is refused as damaged', () => {
    const full = link(
      new TextEncoder().encode(JSON.stringify({ spec: defaultExperiment('darts', 'mnist') })),
    );
    const r = decodeLink(full.slice(0, full.length - 20));
    expect(!r.ok && r.problems[0]).toMatch(/damaged/);
  });
});

describe('jsonEqual', () => {
  it('ignores key order and compares deeply', () => {
    expect(jsonEqual({ a: 1, b: [1, { c: null }] }, { b: [1, { c: null }], a: 1 })).toBe(true);
    expect(jsonEqual({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(jsonEqual([1, 2], [2, 1])).toBe(false);
    expect(jsonEqual({ a: [] }, { a: {} })).toBe(false);
  });
});
