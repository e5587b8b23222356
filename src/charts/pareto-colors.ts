/** Point colours of the Pareto chart and their legend: one colour per run (strategy), or a sequential scale over generations. */
import { interpolateViridis, schemeTableau10 } from 'd3';
import { NEUTRAL_COLOR } from './op-colors';

/** What colours the points: the run (strategy and seed) or the evolution generation. */
export type ColorMode = 'strategy' | 'generation';

/** The part of a point its colour depends on. */
export interface ColorPoint {
  /** The run's label, e.g. "SPOS + evolution · seed 1". */
  readonly series: string;
  readonly generation: number;
}

/** The legend: one swatch per run, or a ramp from the first to the last generation. */
export type Legend =
  | { readonly kind: 'swatches'; readonly items: readonly { label: string; color: string }[] }
  | {
      readonly kind: 'ramp';
      readonly from: number;
      readonly to: number;
      /** Colours at evenly spaced stops from `from` to `to` (for a CSS gradient). */
      readonly stops: readonly string[];
    };

/** Colour of each point and the legend that explains them. */
export interface ColorScheme {
  colorOf(p: ColorPoint): string;
  readonly legend: Legend;
}

/** The categorical palette for runs (repeats after ten runs). */
export const SERIES_PALETTE: readonly string[] = schemeTableau10;

/** The part of viridis used for generations (its bright yellow end is unreadable on white). */
const RAMP_END = 0.85;

/** The colour of generation `g` on a ramp from `from` to `to` (the dark end is the first generation). */
export function generationColor(g: number, from: number, to: number): string {
  const t = to > from ? Math.min(1, Math.max(0, (g - from) / (to - from))) : 0;
  return interpolateViridis(t * RAMP_END);
}

/** Run labels in order of first appearance, each with its palette colour. */
export function seriesColors(points: readonly ColorPoint[]): Map<string, string> {
  const colors = new Map<string, string>();
  for (const p of points) {
    if (!colors.has(p.series))
      colors.set(p.series, SERIES_PALETTE[colors.size % SERIES_PALETTE.length] ?? NEUTRAL_COLOR);
  }
  return colors;
}

/** The colour scheme of `points` under `mode`. */
export function colorScheme(points: readonly ColorPoint[], mode: ColorMode): ColorScheme {
  if (mode === 'strategy') {
    const colors = seriesColors(points);
    return {
      colorOf: (p) => colors.get(p.series) ?? NEUTRAL_COLOR,
      legend: {
        kind: 'swatches',
        items: [...colors].map(([label, color]) => ({ label, color })),
      },
    };
  }
  const generations = points.map((p) => p.generation).filter(Number.isFinite);
  const from = generations.length > 0 ? Math.min(...generations) : 0;
  const to = generations.length > 0 ? Math.max(...generations) : 0;
  const stops = [0, 0.25, 0.5, 0.75, 1].map((t) =>
    generationColor(from + t * (to - from), from, to),
  );
  return {
    colorOf: (p) => generationColor(p.generation, from, to),
    legend: { kind: 'ramp', from, to, stops },
  };
}
