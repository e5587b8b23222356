import { describe, expect, it } from 'vitest';
import { groupOverlapping, nextMember } from './fidelity-groups';

const at = (id: string, px: number, py: number) => ({ id, px, py });

describe('groupOverlapping', () => {
  it('draws points at one place once, with every one of them as a member', () => {
    const points = [at('a', 10, 10), at('b', 50, 50), at('c', 10, 10), at('d', 10, 10)];
    const groups = groupOverlapping(points, 10);
    expect(groups.map((g) => g.members.map((m) => m.id))).toEqual([['a', 'c', 'd'], ['b']]);
    expect(groups[0]).toMatchObject({ px: 10, py: 10 });
    expect(groups.reduce((n, g) => n + g.members.length, 0)).toBe(points.length);
  });

  it('gathers points just closer than the distance, not those at it', () => {
    const close = groupOverlapping([at('a', 0, 0), at('b', 6, 7.99)], 10);
    expect(close).toHaveLength(1);
    const apart = groupOverlapping([at('a', 0, 0), at('b', 6, 8)], 10);
    expect(apart).toHaveLength(2);
  });

  it('joins the first mark in reach, anchored at its first member', () => {
    // b is near a (the first mark) and c is near b but 12 px from a: c starts its own mark.
    const groups = groupOverlapping([at('a', 0, 0), at('b', 8, 0), at('c', 12, 0)], 10);
    expect(groups.map((g) => g.members.map((m) => m.id))).toEqual([['a', 'b'], ['c']]);
  });

  it('is empty for no points', () => {
    expect(groupOverlapping([], 10)).toEqual([]);
  });
});

describe('nextMember', () => {
  it('cycles through a mark’s members from the selected one', () => {
    expect(nextMember(['a', 'b', 'c'], null)).toBe('a');
    expect(nextMember(['a', 'b', 'c'], 'x')).toBe('a');
    expect(nextMember(['a', 'b', 'c'], 'a')).toBe('b');
    expect(nextMember(['a', 'b', 'c'], 'c')).toBe('a');
    expect(nextMember([], 'a')).toBeNull();
  });
});
