/** The Pareto chart's drawing steps: axes with titles, the front as a step line, the points, the selection ring and the legend. */
import {
  axisBottom,
  axisLeft,
  format,
  line,
  type ScaleContinuousNumeric,
  type Selection,
} from 'd3';
import { frontSteps, type StepPoint } from '../core/pareto/steps';
import type { Legend } from './pareto-colors';
import { COST_AXIS_TITLES, type CostAxisName } from './pareto-format';

/** A `<g>` layer of the chart. */
export type Layer = Selection<SVGGElement, unknown, null, undefined>;

/** A numeric d3 scale, linear or log. */
export type NumberScale = ScaleContinuousNumeric<number, number>;

/** One point with a known cost on the current axis. */
export interface PlottedPoint {
  readonly id: string;
  readonly cost: number;
  /** In [0, 1]. */
  readonly accuracy: number;
  readonly onFront: boolean;
  readonly color: string;
}

/** Draws both axes and their titles into `layer` (cleared first). */
export function drawAxes(
  layer: Layer,
  x: NumberScale,
  y: NumberScale,
  size: { readonly w: number; readonly h: number },
  axis: CostAxisName,
  log: boolean,
): void {
  layer.selectAll('*').remove();
  const ticks = Math.max(2, Math.floor(size.w / 90));
  layer
    .append('g')
    .attr('class', 'axis')
    .attr('transform', `translate(0,${size.h})`)
    .call(axisBottom(x).ticks(ticks, axis === 'latencyMs' ? '~g' : '~s'));
  layer
    .append('g')
    .attr('class', 'axis')
    .call(axisLeft(y).ticks(5).tickFormat(format('.3~g')));
  layer
    .append('text')
    .attr('class', 'axis-title')
    .attr('x', size.w / 2)
    .attr('y', size.h + 34)
    .attr('text-anchor', 'middle')
    .text(`${COST_AXIS_TITLES[axis]}${log ? ' · log scale' : ''}`);
  layer
    .append('text')
    .attr('class', 'axis-title')
    .attr('transform', `translate(-44,${size.h / 2}) rotate(-90)`)
    .attr('text-anchor', 'middle')
    .text('validation accuracy (%)');
}

/**
 * The front's step line in data units (cost, accuracy %): the staircase of the non-dominated
 * points (least cost, most accuracy), carried on to `xEnd` at the best accuracy, since everything
 * costlier and less accurate is dominated too.
 */
export function frontLine(points: readonly PlottedPoint[], xEnd: number): StepPoint[] {
  const steps = frontSteps(
    points.map((p) => ({ x: p.cost, y: 100 * p.accuracy })),
    [
      { key: 'x', goal: 'min' },
      { key: 'y', goal: 'max' },
    ],
  );
  const last = steps[steps.length - 1];
  if (last !== undefined && xEnd > last.x) steps.push({ x: xEnd, y: last.y });
  return steps;
}

/** Draws the front into `layer` (one path, data-testid "pareto-front"). */
export function drawFront(
  layer: Layer,
  points: readonly PlottedPoint[],
  x: NumberScale,
  y: NumberScale,
): void {
  const [, xEnd = 0] = x.domain();
  const steps = frontLine(points, xEnd);
  const path = line<StepPoint>()
    .x((p) => x(p.x))
    .y((p) => y(p.y));
  layer
    .selectAll<SVGPathElement, StepPoint[]>('path')
    .data(steps.length > 0 ? [steps] : [])
    .join('path')
    .attr('class', 'pareto-front')
    .attr('data-testid', 'pareto-front')
    .attr('data-points', points.filter((p) => p.onFront).length)
    .attr('fill', 'none')
    .attr('d', (d) => path(d) ?? '');
}

/** Draws the ring around the selected point, or removes it. */
export function drawRing(
  layer: Layer,
  selected: PlottedPoint | undefined,
  x: NumberScale,
  y: NumberScale,
): void {
  layer
    .selectAll<SVGCircleElement, PlottedPoint>('circle')
    .data(selected ? [selected] : [])
    .join('circle')
    .attr('class', 'pareto-ring')
    .attr('data-testid', 'pareto-selected')
    .attr('data-id', (d) => d.id)
    .attr('r', 9)
    .attr('cx', (d) => x(d.cost))
    .attr('cy', (d) => y(100 * d.accuracy));
}

/** Writes the legend (HTML) into `el`: run swatches or a generation ramp, and the front line. */
export function drawLegend(
  el: Selection<HTMLDivElement, unknown, null, undefined>,
  legend: Legend,
): void {
  el.selectAll('*').remove();
  if (legend.kind === 'swatches') {
    for (const item of legend.items) {
      const span = el.append('span').attr('class', 'legend-item');
      span.append('span').attr('class', 'swatch').style('background', item.color);
      span.append('span').text(item.label);
    }
  } else if (legend.from === legend.to) {
    // One generation only (random search, or the first population): one swatch, no ramp.
    const span = el.append('span').attr('class', 'legend-item');
    span
      .append('span')
      .attr('class', 'swatch')
      .style('background', legend.stops[0] ?? 'currentColor');
    span.append('span').text(`generation ${legend.from}`);
  } else {
    const span = el.append('span').attr('class', 'legend-item');
    span.append('span').text(`generation ${legend.from}`);
    span
      .append('span')
      .attr('class', 'legend-ramp')
      .style('background', `linear-gradient(to right, ${legend.stops.join(', ')})`);
    span.append('span').text(`generation ${legend.to}`);
  }
  const front = el.append('span').attr('class', 'legend-item');
  front.append('span').attr('class', 'legend-line');
  front.append('span').text('Pareto front (least cost, most accuracy)');
}
