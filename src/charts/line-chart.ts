/** A multi-series line chart with axes and a legend (loss and accuracy over steps). */
import { axisBottom, axisLeft, extent, format, line, scaleLinear, type Selection } from 'd3';
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

function finite(points: readonly LinePoint[]): LinePoint[] {
  return points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
}

function draw(
  svg: Svg,
  width: number,
  height: number,
  opts: LineChartOptions,
  series: readonly LineSeries[],
): void {
  svg.selectAll('*').remove();
  const all = series.flatMap((s) => finite(s.points));
  const w = width - MARGIN.left - MARGIN.right;
  const h = height - MARGIN.top - MARGIN.bottom;
  const g = svg.append('g').attr('transform', `translate(${MARGIN.left},${MARGIN.top})`);
  if (all.length === 0) {
    g.append('text')
      .attr('class', 'chart-empty')
      .attr('x', w / 2)
      .attr('y', h / 2)
      .attr('text-anchor', 'middle')
      .text(opts.emptyText);
    return;
  }
  const [x0 = 0, x1 = 1] = extent(all, (p) => p.x);
  const x = scaleLinear()
    .domain(x0 === x1 ? [x0 - 1, x1 + 1] : [x0, x1])
    .range([0, w]);
  const [y0 = 0, y1 = 1] = opts.yDomain ?? extent(all, (p) => p.y);
  const y = scaleLinear()
    .domain(y0 === y1 ? [y0 - 0.5, y1 + 0.5] : [Math.min(0, y0), y1])
    .nice()
    .range([h, 0]);
  g.append('g')
    .attr('class', 'axis')
    .attr('transform', `translate(0,${h})`)
    .call(axisBottom(x).ticks(Math.max(2, Math.floor(w / 80))));
  g.append('g')
    .attr('class', 'axis')
    .call(axisLeft(y).ticks(5).tickFormat(format('.3~g')));
  g.append('text')
    .attr('class', 'axis-title')
    .attr('x', w / 2)
    .attr('y', h + 30)
    .attr('text-anchor', 'middle')
    .text(opts.xLabel);
  g.append('text')
    .attr('class', 'axis-title')
    .attr('transform', `translate(-48,${h / 2}) rotate(-90)`)
    .attr('text-anchor', 'middle')
    .text(opts.yLabel);
  const path = line<LinePoint>()
    .x((p) => x(p.x))
    .y((p) => y(p.y));
  for (const s of series) {
    const pts = finite(s.points);
    // A line needs no more points than the chart has pixel columns; markers keep every point.
    const drawn = s.markers ? pts : thinForWidth(pts, w);
    g.append('path')
      .attr('class', 'series-line')
      .attr('fill', 'none')
      .attr('stroke', s.color)
      .attr('stroke-width', 1.6)
      .attr('data-series', s.name)
      .attr('data-points', pts.length)
      .attr('d', path(drawn) ?? '');
    if (s.markers) {
      g.selectAll(null)
        .data(pts)
        .join('circle')
        .attr('r', 3)
        .attr('fill', s.color)
        .attr('data-series', s.name)
        .attr('data-x', (p) => p.x)
        .attr('data-y', (p) => p.y)
        .attr('cx', (p) => x(p.x))
        .attr('cy', (p) => y(p.y));
    }
  }
  const legend = svg
    .append('g')
    .attr('class', 'legend')
    .attr('transform', `translate(${MARGIN.left},14)`);
  let offset = 0;
  for (const s of series) {
    const item = legend.append('g').attr('transform', `translate(${offset},0)`);
    item.append('rect').attr('width', 12).attr('height', 3).attr('y', -4).attr('fill', s.color);
    item.append('text').attr('x', 16).attr('y', 0).text(s.name);
    offset += 28 + s.name.length * 6.5;
  }
}

/** Creates the chart in `el`; `update` takes every series to draw. */
export function createLineChart(
  el: HTMLElement,
  opts: LineChartOptions,
): ChartView<readonly LineSeries[]> {
  const height = opts.height ?? 220;
  const frame = createFrame<readonly LineSeries[]>(el, height, (svg, width, series) =>
    draw(svg, width, height, opts, series),
  );
  return { update: frame.update, destroy: frame.destroy };
}
