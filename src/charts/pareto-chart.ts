/**
 * The Pareto chart: validation accuracy against a cost (params, FLOPs or latency), one circle per
 * evaluated subnet, the non-dominated front as a step line, a tooltip, click to select, and a 2D
 * brush that selects a set.
 */
import {
  brush as d3Brush,
  brushSelection,
  scaleLinear,
  scaleLog,
  select,
  type BrushSelection,
  type D3BrushEvent,
} from 'd3';
import { createChartTooltip } from './chart-tooltip';
import { colorScheme, type ColorMode } from './pareto-colors';
import {
  drawAxes,
  drawFront,
  drawLegend,
  drawRing,
  type NumberScale,
  type PlottedPoint,
} from './pareto-draw';
import type { CostAxisName, TooltipContent } from './pareto-format';
import {
  costDomain,
  percentDomain,
  pointsInBrush,
  sameIds,
  wantsLogScale,
  type BrushBox,
  type PixelPoint,
} from './pareto-scales';
import { createFrame, type ChartView } from './view';

/** One evaluated subnet as the chart sees it. */
export interface ParetoDatum {
  readonly id: string;
  /** Cost on the chart's axis; null when unknown (latency not measured): such points are left out. */
  readonly cost: number | null;
  /** Validation accuracy in [0, 1]. */
  readonly accuracy: number;
  /** The run's label (colour by strategy). */
  readonly series: string;
  readonly generation: number;
  readonly onFront: boolean;
}

/** Everything one drawing needs, callbacks included. */
export interface ParetoData {
  readonly axis: CostAxisName;
  readonly colorBy: ColorMode;
  readonly points: readonly ParetoDatum[];
  readonly selected: string | null;
  /** Ids inside the brush (empty: no brush). */
  readonly brushed: readonly string[];
  /** The tooltip of a point, built when it is hovered. */
  tooltip(id: string): TooltipContent;
  onSelect(id: string): void;
  /** Receives the ids inside a brush the user drew, or [] when the brush is cleared. */
  onBrush(ids: readonly string[]): void;
}

const HEIGHT = 340;
const M = { top: 14, right: 20, bottom: 44, left: 60 };

/** The brush box in data units, so it survives rescaling while new points arrive. */
interface Region {
  readonly axis: CostAxisName;
  readonly log: boolean;
  readonly cost: readonly [number, number];
  readonly percent: readonly [number, number];
}

/** The 2D box of a brush selection, or null when there is none. */
function toBox(sel: BrushSelection | null): BrushBox | null {
  if (sel === null) return null;
  const [a, b] = sel;
  return typeof a === 'number' || typeof b === 'number' ? null : [a, b];
}

/** Points with a finite cost and accuracy, coloured. */
const counted = new Intl.NumberFormat('en-US');

/** Why some subnets are not drawn: no accuracy (scored by a proxy only, not trained) or no cost on this axis (no measured latency); '' when every one is. */
export function missingText(data: Pick<ParetoData, 'points'>): string {
  let noAccuracy = 0;
  let noCost = 0;
  for (const p of data.points) {
    if (!Number.isFinite(p.accuracy)) noAccuracy += 1;
    else if (p.cost === null || !Number.isFinite(p.cost)) noCost += 1;
  }
  const part = (n: number, why: string): string =>
    n === 0
      ? ''
      : `${counted.format(n)} subnet${n === 1 ? '' : 's'} ${why} ${n === 1 ? 'is' : 'are'} not shown.`;
  return [
    part(noAccuracy, 'without an accuracy (scored by a proxy, not trained)'),
    part(noCost, 'without a measured latency on this axis'),
  ]
    .filter((t) => t !== '')
    .join(' ');
}

function plottable(data: ParetoData): PlottedPoint[] {
  const scheme = colorScheme(data.points, data.colorBy);
  return data.points.flatMap((p) =>
    p.cost !== null && Number.isFinite(p.cost) && Number.isFinite(p.accuracy)
      ? [
          {
            id: p.id,
            cost: p.cost,
            accuracy: p.accuracy,
            onFront: p.onFront,
            color: scheme.colorOf(p),
          },
        ]
      : [],
  );
}

/** Creates the chart in `el`; `update` redraws it with new points, selection and brush. */
export function createParetoChart(el: HTMLElement): ChartView<ParetoData> {
  const host = select(el).classed('pareto-chart', true);
  const legend = host
    .append('div')
    .attr('class', 'legend-row')
    .attr('data-testid', 'pareto-legend');
  const note = host.append('p').attr('class', 'chart-note').attr('data-testid', 'pareto-missing');
  let latest: ParetoData | null = null;
  let pixels: PixelPoint[] = [];
  let scales: { x: NumberScale; y: NumberScale; axis: CostAxisName; log: boolean } | null = null;
  let region: Region | null = null;
  let brushing = false;

  const frame = createFrame<ParetoData>(el, HEIGHT, (_svg, width, data) => draw(width, data));
  const plot = frame.svg.append('g').attr('transform', `translate(${M.left},${M.top})`);
  const axes = plot.append('g');
  const frontLayer = plot.append('g');
  const brushLayer = plot.append('g').attr('class', 'pareto-brush');
  const pointLayer = plot.append('g').attr('class', 'pareto-points');
  const ringLayer = plot.append('g').attr('pointer-events', 'none');
  const empty = plot.append('text').attr('class', 'chart-empty').attr('text-anchor', 'middle');
  const tooltip = createChartTooltip(el, 'pareto-tooltip');

  /** Marks brushed points (and dims the rest while a brush holds any). */
  const highlight = (ids: readonly string[]): void => {
    const set = new Set(ids);
    pointLayer
      .selectAll<SVGCircleElement, PlottedPoint>('circle')
      .classed('brushed', (d) => set.has(d.id))
      .classed('dimmed', (d) => set.size > 0 && !set.has(d.id));
  };

  const brush = d3Brush<unknown>()
    .on('start', (ev: D3BrushEvent<unknown>) => {
      if (ev.sourceEvent) brushing = true;
    })
    .on('brush', (ev: D3BrushEvent<unknown>) => {
      const box = toBox(ev.selection);
      if (ev.sourceEvent && box) highlight(pointsInBrush(pixels, box));
    })
    .on('end', (ev: D3BrushEvent<unknown>) => {
      if (!ev.sourceEvent) return;
      brushing = false;
      const box = toBox(ev.selection);
      if (!box || !scales) {
        region = null;
        latest?.onBrush([]);
        return;
      }
      const { x, y, axis, log } = scales;
      region = {
        axis,
        log,
        cost: [x.invert(box[0][0]), x.invert(box[1][0])],
        percent: [y.invert(box[1][1]), y.invert(box[0][1])],
      };
      latest?.onBrush(pointsInBrush(pixels, box));
    });

  const showTip = (ev: MouseEvent, d: PlottedPoint): void => {
    const content = latest?.tooltip(d.id);
    if (content) tooltip.show(ev, d.id, content);
  };
  const hideTip = (): void => tooltip.hide();
  frame.svg.on('mouseleave', hideTip);

  /** Puts the remembered brush box back at the new scales; clears it when the brushed set was emptied elsewhere. */
  const restoreBrush = (
    data: ParetoData,
    x: NumberScale,
    y: NumberScale,
    w: number,
    h: number,
  ): void => {
    if (brushing) return;
    if (region && data.brushed.length > 0) {
      const clampX = (v: number): number => Math.max(0, Math.min(w, v));
      const clampY = (v: number): number => Math.max(0, Math.min(h, v));
      const box: BrushBox = [
        [clampX(x(region.cost[0])), clampY(y(region.percent[1]))],
        [clampX(x(region.cost[1])), clampY(y(region.percent[0]))],
      ];
      brushLayer.call(brush.move, [
        [box[0][0], box[0][1]],
        [box[1][0], box[1][1]],
      ]);
      const hits = pointsInBrush(pixels, box);
      if (!sameIds(hits, data.brushed)) data.onBrush(hits);
      return;
    }
    region = null;
    const node = brushLayer.node();
    if (node && brushSelection(node) !== null) brushLayer.call(brush.move, null);
  };

  function draw(width: number, data: ParetoData): void {
    latest = data;
    const w = width - M.left - M.right;
    const h = HEIGHT - M.top - M.bottom;
    const points = plottable(data);
    const text = missingText(data);
    note.style('display', text === '' ? 'none' : 'block').text(text);
    drawLegend(legend, colorScheme(data.points, data.colorBy).legend);
    brush.extent([
      [0, 0],
      [w, h],
    ]);
    brushLayer.call(brush);
    if (points.length === 0) {
      for (const layer of [axes, frontLayer, pointLayer, ringLayer]) layer.selectAll('*').remove();
      brushLayer.style('display', 'none');
      pixels = [];
      scales = null;
      hideTip();
      empty
        .attr('x', w / 2)
        .attr('y', h / 2)
        .text(
          data.points.length === 0
            ? 'Subnets appear here as the search evaluates them.'
            : 'No subnet has a measured latency: choose params or FLOPs.',
        );
      return;
    }
    empty.text('');
    brushLayer.style('display', null);
    const costs = points.map((p) => p.cost);
    const log = wantsLogScale(costs);
    const base: NumberScale = log ? scaleLog() : scaleLinear();
    const x = base.domain(costDomain(costs, log)).range([0, w]);
    const y: NumberScale = scaleLinear()
      .domain(percentDomain(points.map((p) => p.accuracy)))
      .range([h, 0]);
    if (region && (region.axis !== data.axis || region.log !== log)) region = null;
    scales = { x, y, axis: data.axis, log };
    drawAxes(axes, x, y, { w, h }, data.axis, log);
    drawFront(frontLayer, points, x, y);
    pixels = points.map((p) => ({ id: p.id, px: x(p.cost), py: y(100 * p.accuracy) }));
    const hovered = tooltip.shown();
    if (hovered !== null && !points.some((p) => p.id === hovered)) hideTip();
    pointLayer
      .selectAll<SVGCircleElement, PlottedPoint>('circle')
      .data(points, (d) => d.id)
      .join('circle')
      .attr('class', (d) => (d.onFront ? 'pareto-point on-front' : 'pareto-point'))
      .attr('data-testid', 'pareto-point')
      .attr('data-id', (d) => d.id)
      .attr('r', (d) => (d.onFront ? 5.5 : 4.5))
      .attr('cx', (d) => x(d.cost))
      .attr('cy', (d) => y(100 * d.accuracy))
      .attr('fill', (d) => d.color)
      .on('click', (_ev: MouseEvent, d) => latest?.onSelect(d.id))
      .on('mouseenter', showTip)
      .on('mouseleave', hideTip);
    highlight(data.brushed);
    drawRing(
      ringLayer,
      points.find((p) => p.id === data.selected),
      x,
      y,
    );
    restoreBrush(data, x, y, w, h);
  }

  return {
    update: frame.update,
    destroy: () => {
      frame.destroy();
      legend.remove();
      note.remove();
      tooltip.remove();
      host.classed('pareto-chart', false);
    },
  };
}
