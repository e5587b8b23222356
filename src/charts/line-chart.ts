/** A multi-series line chart with axes and a legend (loss and accuracy over steps). */
import {
  axisBottom,
  axisLeft,
  extent,
  format,
  line,
  scaleLinear,
  select,
  type Selection,
} from 'd3';
import { thinForWidth } from './thin';
import { createFrame, type ChartView } from './view';

/** One point of a series; non-finite `y` values leave a gap. */
export interface LinePoint {
  readonly x: number;
  readonly y: number;
}

/** One named line. `markers` draws a dot per point (sparse series such as per-epoch validation). */
export interface LineSeries {
  readonly name: string;
  readonly color: string;
  readonly points: readonly LinePoint[];
  readonly markers?: boolean;
}

/** Axis titles, an optional fixed y range (accuracy: [0, 1]) and the height in pixels. */
export interface LineChartOptions {
  readonly xLabel: string;
  readonly yLabel: string;
  readonly yDomain?: readonly [number, number];
  readonly height?: number;
  /** Shown while no series has a point. */
  readonly emptyText: string;
}

const MARGIN = { top: 26, right: 14, bottom: 34, left: 60 };

type Svg = Selection<SVGSVGElement, unknown, null, undefined>;
type G = Selection<SVGGElement, unknown, null, undefined>;

function finite(points: readonly LinePoint[]): LinePoint[] {
  return points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
}

/** The chart's lasting elements: made once, then only their attributes change as data arrives. */
interface Parts {
  readonly g: G;
  readonly xAxis: G;
  readonly yAxis: G;
  readonly xTitle: Selection<SVGTextElement, unknown, null, undefined>;
  readonly yTitle: Selection<SVGTextElement, unknown, null, undefined>;
  readonly lines: G;
  readonly legend: G;
  /** The series names and colours the legend was drawn for. */
  legendKey: string;
  /** The scale and ticks each axis was drawn for: an axis whose key is unchanged is left as it is. */
  xAxisKey: string;
  yAxisKey: string;
}

/** The attribute values this chart last wrote to each element (reading them back from the DOM costs more than the drawing). */
const written = new WeakMap<Element, Map<string, string>>();

/** Sets attribute `name` of `el` to `value` unless this chart last wrote that value. */
function setIfChanged(el: Element, name: string, value: string): void {
  let values = written.get(el);
  if (values === undefined) {
    values = new Map();
    written.set(el, values);
  }
  if (values.get(name) === value) return;
  el.setAttribute(name, value);
  values.set(name, value);
}

/** What each series group last drew: its look, both scales and its points. */
interface DrawnSeries {
  readonly look: string;
  readonly points: readonly LinePoint[];
}

/** The series each group element last drew (a group whose series and scales are unchanged is left as it is). */
const drawnSeries = new WeakMap<Element, DrawnSeries>();

/** True when `a` and `b` hold the same points in the same order. */
function samePoints(a: readonly LinePoint[], b: readonly LinePoint[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const p = a[i] as LinePoint;
    const q = b[i] as LinePoint;
    if (p.x !== q.x || p.y !== q.y) return false;
  }
  return true;
}

/** What an axis of `scale` with `ticks` ticks looks like: equal keys draw the same axis. */
function axisKey(scale: { domain(): number[]; range(): number[] }, ticks: number): string {
  return `${scale.domain().join(',')}|${scale.range().join(',')}|${ticks}`;
}

function createParts(svg: Svg, opts: LineChartOptions): Parts {
  const g = svg.append('g');
  const xAxis = g.append('g').attr('class', 'axis');
  const yAxis = g.append('g').attr('class', 'axis');
  const xTitle = g
    .append('text')
    .attr('class', 'axis-title')
    .attr('text-anchor', 'middle')
    .text(opts.xLabel);
  const yTitle = g
    .append('text')
    .attr('class', 'axis-title')
    .attr('text-anchor', 'middle')
    .text(opts.yLabel);
  const lines = g.append('g');
  const legend = svg
    .append('g')
    .attr('class', 'legend')
    .attr('transform', `translate(${MARGIN.left},14)`);
  return {
    g,
    xAxis,
    yAxis,
    xTitle,
    yTitle,
    lines,
    legend,
    legendKey: '',
    xAxisKey: '',
    yAxisKey: '',
  };
}

function drawLegend(parts: Parts, series: readonly LineSeries[]): void {
  const key = series.map((s) => `${s.name}\u0000${s.color}`).join('\u0001');
  if (key === parts.legendKey) return;
  parts.legendKey = key;
  parts.legend.selectAll('*').remove();
  let offset = 0;
  for (const s of series) {
    const item = parts.legend.append('g').attr('transform', `translate(${offset},0)`);
    item.append('rect').attr('width', 12).attr('height', 3).attr('y', -4).attr('fill', s.color);
    item.append('text').attr('x', 16).attr('y', 0).text(s.name);
    offset += 28 + s.name.length * 6.5;
  }
}

/**
 * Draws `series` into `svg`: the axes, lines and markers are updated in place (a live run redraws
 * ten times a second, and rebuilding every element each time costs the page its frames); the
 * empty state replaces them.
 */
function draw(
  svg: Svg,
  state: { parts: Parts | null },
  width: number,
  height: number,
  opts: LineChartOptions,
  series: readonly LineSeries[],
): void {
  const all = series.flatMap((s) => finite(s.points));
  const w = width - MARGIN.left - MARGIN.right;
  const h = height - MARGIN.top - MARGIN.bottom;
  if (all.length === 0) {
    svg.selectAll('*').remove();
    state.parts = null;
    svg
      .append('g')
      .attr('transform', `translate(${MARGIN.left},${MARGIN.top})`)
      .append('text')
      .attr('class', 'chart-empty')
      .attr('x', w / 2)
      .attr('y', h / 2)
      .attr('text-anchor', 'middle')
      .text(opts.emptyText);
    return;
  }
  if (state.parts === null) {
    svg.selectAll('*').remove();
    state.parts = createParts(svg, opts);
  }
  const parts = state.parts;
  const at = (sel: { node(): Element | null }, name: string, value: string): void => {
    const el = sel.node();
    if (el !== null) setIfChanged(el, name, value);
  };
  at(parts.g, 'transform', `translate(${MARGIN.left},${MARGIN.top})`);
  const [x0 = 0, x1 = 1] = extent(all, (p) => p.x);
  // A nice x domain grows in steps as a live run adds points, so what is drawn stays in place between them.
  const x = scaleLinear()
    .domain(x0 === x1 ? [x0 - 1, x1 + 1] : [x0, x1])
    .nice()
    .range([0, w]);
  const [y0 = 0, y1 = 1] = opts.yDomain ?? extent(all, (p) => p.y);
  const y = scaleLinear()
    .domain(y0 === y1 ? [y0 - 0.5, y1 + 0.5] : [Math.min(0, y0), y1])
    .nice()
    .range([h, 0]);
  const xTicks = Math.max(2, Math.floor(w / 80));
  const xKey = `${axisKey(x, xTicks)}|${h}`;
  if (xKey !== parts.xAxisKey) {
    parts.xAxisKey = xKey;
    parts.xAxis.attr('transform', `translate(0,${h})`).call(axisBottom(x).ticks(xTicks));
  }
  const yKey = axisKey(y, 5);
  if (yKey !== parts.yAxisKey) {
    parts.yAxisKey = yKey;
    parts.yAxis.call(axisLeft(y).ticks(5).tickFormat(format('.3~g')));
  }
  at(parts.xTitle, 'x', String(w / 2));
  at(parts.xTitle, 'y', String(h + 30));
  at(parts.yTitle, 'transform', `translate(-48,${h / 2}) rotate(-90)`);
  const scales = `${axisKey(x, 0)}|${axisKey(y, 0)}`;
  const path = line<LinePoint>()
    .x((p) => x(p.x))
    .y((p) => y(p.y));
  const groups = parts.lines
    .selectAll<SVGGElement, LineSeries>('g.series')
    .data(series, (s) => s.name)
    .join((enter) => {
      const group = enter.append('g').attr('class', 'series');
      group
        .append('path')
        .attr('class', 'series-line')
        .attr('fill', 'none')
        .attr('stroke-width', 1.6);
      return group;
    });
  groups.each(function drawSeries(s) {
    const group = select(this);
    const pts = finite(s.points);
    // Between two draws of a live run most series (the per-epoch ones) and both scales stay as
    // they were: such a series is left as drawn, its markers unread and unwritten.
    const look = `${s.name}\u0000${s.color}\u0000${s.markers === true}\u0000${w}\u0000${scales}`;
    const before = drawnSeries.get(this);
    if (before !== undefined && before.look === look && samePoints(before.points, pts)) return;
    drawnSeries.set(this, { look, points: pts });
    // A line needs no more points than the chart has pixel columns; markers keep every point.
    const drawn = s.markers ? pts : thinForWidth(pts, w);
    const el = group.select<SVGPathElement>('path.series-line').node();
    if (el !== null) {
      setIfChanged(el, 'stroke', s.color);
      setIfChanged(el, 'data-series', s.name);
      setIfChanged(el, 'data-points', String(pts.length));
      setIfChanged(el, 'd', path(drawn) ?? '');
    }
    // Only what changed is written: a run's per-epoch markers number in the hundreds and stay put
    // between draws (the axes move in nice steps), and every write makes the page restyle them.
    group
      .selectAll<SVGCircleElement, LinePoint>('circle')
      .data(s.markers ? pts : [])
      .join((enter) => enter.append('circle').attr('r', 3))
      .each(function placeMarker(p) {
        setIfChanged(this, 'fill', s.color);
        setIfChanged(this, 'data-series', s.name);
        setIfChanged(this, 'data-x', String(p.x));
        setIfChanged(this, 'data-y', String(p.y));
        setIfChanged(this, 'cx', String(x(p.x)));
        setIfChanged(this, 'cy', String(y(p.y)));
      });
  });
  drawLegend(parts, series);
}

/** Creates the chart in `el`; `update` takes every series to draw. */
export function createLineChart(
  el: HTMLElement,
  opts: LineChartOptions,
): ChartView<readonly LineSeries[]> {
  const height = opts.height ?? 220;
  const state: { parts: Parts | null } = { parts: null };
  const frame = createFrame<readonly LineSeries[]>(el, height, (svg, width, series) =>
    draw(svg, state, width, height, opts, series),
  );
  return { update: frame.update, destroy: frame.destroy };
}
