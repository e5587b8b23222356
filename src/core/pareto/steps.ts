/** The step line of a two-objective Pareto front, as a chart draws it. */
import { objectiveValue, paretoFront, type Objective, type ObjectivePoint } from './dominance';

/** One corner of the step line, in the units of the two objectives. */
export interface StepPoint {
  readonly x: number;
  readonly y: number;
}

/**
 * The front of `points` on `[xObjective, yObjective]` as a staircase: front points sorted by x
 * ascending (ties by y, best first), duplicates merged, with a corner between consecutive points
 * so the line bounds the region the front dominates. When x is minimised (a cost) each point's y
 * holds until the next point's x; when x is maximised the next point's y reaches back to this
 * point's x. Points with a missing or non-finite value are left out; empty when none is left.
 */
export function frontSteps(
  points: readonly ObjectivePoint[],
  objectives: readonly [Objective, Objective],
): StepPoint[] {
  const [xo, yo] = objectives;
  const usable = points.flatMap((p) => {
    const x = objectiveValue(p, xo.key);
    const y = objectiveValue(p, yo.key);
    return x !== undefined && y !== undefined && Number.isFinite(x) && Number.isFinite(y)
      ? [{ x, y }]
      : [];
  });
  const axes: Objective[] = [
    { key: 'x', goal: xo.goal },
    { key: 'y', goal: yo.goal },
  ];
  const front = paretoFront(usable, axes).sort(
    (a, b) => a.x - b.x || (yo.goal === 'max' ? b.y - a.y : a.y - b.y),
  );
  const unique = front.filter((p, i) => {
    const prev = front[i - 1];
    return prev === undefined || prev.x !== p.x || prev.y !== p.y;
  });
  const steps: StepPoint[] = [];
  unique.forEach((p, i) => {
    const prev = unique[i - 1];
    if (prev !== undefined)
      steps.push(xo.goal === 'min' ? { x: p.x, y: prev.y } : { x: prev.x, y: p.y });
    steps.push(p);
  });
  return steps;
}
