/**
 * The four 2D classification sets of TensorFlow Playground (dataset.ts: classifySpiralData,
 * classifyCircleData, classifyXORData, classifyTwoGaussData), drawn from a seeded Rng instead of
 * Math.random. Labels are 0/1 (the playground's -1 becomes 0); features are divided by 6 (the
 * playground's plotted domain is [-6, 6]) so they lie in about [-1, 1].
 */
import type { DataSplit } from '../experiment/spec';
import type { Rng } from '../random';

/** The 2D dataset ids. */
export const TWO_D_IDS = ['spiral', 'circles', 'xor', 'gaussian'] as const;

/** A 2D dataset id. */
export type TwoDId = (typeof TWO_D_IDS)[number];

/** True when `id` names a 2D set. */
export function isTwoD(id: string): id is TwoDId {
  return (TWO_D_IDS as readonly string[]).includes(id);
}

/** Half the playground's plotted domain: features are divided by it. */
const SCALE = 6;

type Point = [x: number, y: number, label: 0 | 1];

const uniform = (rng: Rng, a: number, b: number): number => rng.next() * (b - a) + a;

/** Two interleaved spirals (playground `classifySpiralData`). */
function spiral(n: number, noise: number, rng: Rng): Point[] {
  const half = n / 2;
  const points: Point[] = [];
  const arm = (count: number, deltaT: number, label: 0 | 1): void => {
    for (let i = 0; i < count; i++) {
      const r = (i / half) * 5;
      const t = ((1.75 * i) / half) * 2 * Math.PI + deltaT;
      points.push([
        r * Math.sin(t) + uniform(rng, -1, 1) * noise,
        r * Math.cos(t) + uniform(rng, -1, 1) * noise,
        label,
      ]);
    }
  };
  arm(Math.ceil(half), 0, 1);
  arm(n - Math.ceil(half), Math.PI, 0);
  return points;
}

/** A disc inside a ring; noise perturbs the point used for the label (playground `classifyCircleData`). */
function circles(n: number, noise: number, rng: Rng): Point[] {
  const radius = 5;
  const points: Point[] = [];
  const ring = (count: number, rMin: number, rMax: number): void => {
    for (let i = 0; i < count; i++) {
      const r = uniform(rng, rMin, rMax);
      const angle = uniform(rng, 0, 2 * Math.PI);
      const x = r * Math.sin(angle);
      const y = r * Math.cos(angle);
      const nx = uniform(rng, -radius, radius) * noise;
      const ny = uniform(rng, -radius, radius) * noise;
      points.push([x, y, Math.hypot(x + nx, y + ny) < radius * 0.5 ? 1 : 0]);
    }
  };
  ring(Math.ceil(n / 2), 0, radius * 0.5);
  ring(n - Math.ceil(n / 2), radius * 0.7, radius);
  return points;
}

/** Quadrants labelled by the sign of x*y, padded away from the axes (playground `classifyXORData`). */
function xor(n: number, noise: number, rng: Rng): Point[] {
  const padding = 0.3;
  const points: Point[] = [];
  for (let i = 0; i < n; i++) {
    let x = uniform(rng, -5, 5);
    x += x > 0 ? padding : -padding;
    let y = uniform(rng, -5, 5);
    y += y > 0 ? padding : -padding;
    const nx = uniform(rng, -5, 5) * noise;
    const ny = uniform(rng, -5, 5) * noise;
    points.push([x, y, (x + nx) * (y + ny) >= 0 ? 1 : 0]);
  }
  return points;
}

/** Two Gaussian blobs at (2, 2) and (-2, -2); noise widens them (playground `classifyTwoGaussData`). */
function gaussian(n: number, noise: number, rng: Rng): Point[] {
  const variance = 0.5 + (noise / 0.5) * 3.5;
  const sd = Math.sqrt(variance);
  const points: Point[] = [];
  const blob = (count: number, c: number, label: 0 | 1): void => {
    for (let i = 0; i < count; i++)
      points.push([c + sd * rng.normal(), c + sd * rng.normal(), label]);
  };
  blob(Math.ceil(n / 2), 2, 1);
  blob(n - Math.ceil(n / 2), -2, 0);
  return points;
}

const GENERATORS: Record<TwoDId, (n: number, noise: number, rng: Rng) => Point[]> = {
  spiral,
  circles,
  xor,
  gaussian,
};

/** Draws `samples` labelled points of a 2D set (grouped by class, unshuffled) as features [x, y] and labels 0/1. */
export function generateTwoD(id: TwoDId, samples: number, noise: number, rng: Rng): DataSplit {
  const points = GENERATORS[id](samples, noise, rng);
  const x = new Float32Array(points.length * 2);
  const y = new Int32Array(points.length);
  points.forEach(([px, py, label], i) => {
    x[2 * i] = px / SCALE;
    x[2 * i + 1] = py / SCALE;
    y[i] = label;
  });
  return { x, y, count: points.length };
}
