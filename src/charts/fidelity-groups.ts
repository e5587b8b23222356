/**
 * Overlapping points of the fidelity chart drawn once: points whose markers would cover each other
 * are gathered into one mark with their count, so nothing hides and the marks' counts add up to n.
 */

/** A point already placed on the chart, in pixels. */
export interface PlacedPoint {
  readonly id: string;
  readonly px: number;
  readonly py: number;
}

/** One mark: where it is drawn (its first member's place) and the points it stands for, in input order. */
export interface PointGroup<T extends PlacedPoint> {
  readonly px: number;
  readonly py: number;
  readonly members: readonly T[];
}

/**
 * Gathers `points` into marks, in input order: each point joins the first mark whose place is less
 * than `distance` pixels away, else starts a new mark at its own place. Every point lands in exactly
 * one mark, so the members of all marks are the points.
 */
export function groupOverlapping<T extends PlacedPoint>(
  points: readonly T[],
  distance: number,
): PointGroup<T>[] {
  const groups: { px: number; py: number; members: T[] }[] = [];
  for (const p of points) {
    const near = groups.find((g) => Math.hypot(g.px - p.px, g.py - p.py) < distance);
    if (near) near.members.push(p);
    else groups.push({ px: p.px, py: p.py, members: [p] });
  }
  return groups;
}

/** The member a click on a mark selects: the one after `selected` when it is in the mark (cycling), else the first. */
export function nextMember(ids: readonly string[], selected: string | null): string | null {
  if (ids.length === 0) return null;
  const at = selected === null ? -1 : ids.indexOf(selected);
  return ids[(at + 1) % ids.length] ?? null;
}
