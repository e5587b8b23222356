/** Small multiples of architecture-weight trajectories: one panel per edge, one line per op, each panel auto-scaled or all on one 0..1 axis. */
import { line, max, min, scaleLinear, select } from 'd3';
import { edgeTrajectories, legendOps, type AlphaCell } from './alpha-data';
import { opColor } from './op-colors';
import { opLabel } from './op-label';
import type { ChartView } from './view';

const W = 176;
const H = 92;
const M = { top: 6, right: 6, bottom: 14, left: 34 };
/** Smallest y span drawn, so sub-percent jitter does not fill a panel. */
const MIN_SPAN = 0.04;

/** What the chart draws: the searched cells with their sampled alphas, and whether every panel shares the 0..1 axis. */
export interface AlphaChartData {
  readonly cells: readonly AlphaCell[];
  /** True: every panel's y axis is 0..1; false: each panel is scaled to its own lines. */
  readonly sharedAxis: boolean;
}

/** The y domain of one panel: 0..1 when shared, else its lines' range widened to at least MIN_SPAN. */
export function yDomain(lines: [number, number][][], sharedAxis: boolean): [number, number] {
  if (sharedAxis) return [0, 1];
  const values = lines
    .flat()
    .map((p) => p[1])
    .filter(Number.isFinite);
  const lo = min(values) ?? 0;
  const hi = max(values) ?? 1;
  const mid = (lo + hi) / 2;
  const half = Math.max(hi - lo, MIN_SPAN) / 2 + 0.01;
  return [Math.max(0, mid - half), Math.min(1, mid + half)];
}

function drawPanel(
  svg: SVGSVGElement,
  lines: [number, number][][],
  ops: readonly string[],
  sharedAxis: boolean,
): void {
  const root = select(svg);
  root.selectAll('*').remove();
  const steps = lines.flat().map((p) => p[0]);
  const x = scaleLinear()
    .domain([min(steps) ?? 0, Math.max(max(steps) ?? 1, (min(steps) ?? 0) + 1)])
    .range([M.left, W - M.right]);
  const y = scaleLinear()
    .domain(yDomain(lines, sharedAxis))
    .range([H - M.bottom, M.top]);
  const [y0, y1] = y.domain() as [number, number];
  root
    .append('line')
    .attr('class', 'panel-frame')
    .attr('x1', M.left)
    .attr('x2', W - M.right)
    .attr('y1', H - M.bottom)
    .attr('y2', H - M.bottom);
  root
    .append('text')
    .attr('class', 'panel-tick')
    .attr('x', M.left - 3)
    .attr('y', y(y1) + 8)
    .attr('text-anchor', 'end')
    .text(y1.toFixed(2));
  root
    .append('text')
    .attr('class', 'panel-tick')
    .attr('x', M.left - 3)
    .attr('y', y(y0))
    .attr('text-anchor', 'end')
    .text(y0.toFixed(2));
  root
    .append('text')
    .attr('class', 'panel-tick')
    .attr('x', W - M.right)
    .attr('y', H - 2)
    .attr('text-anchor', 'end')
    .text(`step ${max(steps) ?? 0}`);
  const latest = lines.map((l) => l[l.length - 1]?.[1] ?? -Infinity);
  const best = latest.indexOf(Math.max(...latest));
  const path = line<[number, number]>()
    .x((p) => x(p[0]))
    .y((p) => y(p[1]))
    .defined((p) => Number.isFinite(p[1]));
  lines.forEach((pts, i) => {
    const op = ops[i] ?? '';
    root
      .append('path')
      .attr('class', i === best ? 'alpha-line alpha-line-best' : 'alpha-line')
      .attr('fill', 'none')
      .attr('stroke', opColor(op))
      .attr('stroke-width', i === best ? 2.2 : 1.2)
      .attr('data-op', op)
      .attr('data-points', pts.length)
      .attr('d', path(pts) ?? '')
      .append('title')
      .text(`${opLabel(op)}: ${(pts[pts.length - 1]?.[1] ?? Number.NaN).toFixed(4)}`);
  });
}

function nodeName(cell: AlphaCell, id: string): string {
  return cell.nodeLabels?.get(id) ?? id;
}

/** Creates the chart in `el`; `update` takes the searched cells with their sampled alphas and the axis choice. */
export function createAlphaChart(el: HTMLElement): ChartView<AlphaChartData> {
  const root = select(el).append('div').attr('class', 'alpha-chart');
  return {
    update: ({ cells, sharedAxis }) => {
      root.selectAll('*').remove();
      const samples = cells.reduce((n, c) => n + c.samples.length, 0);
      root.attr('data-samples', samples).attr('data-shared-axis', String(sharedAxis));
      if (samples === 0) {
        root
          .append('p')
          .attr('class', 'chart-empty')
          .text('Architecture weights appear after the first alpha step.');
        return;
      }
      const legend = root.append('div').attr('class', 'legend-row');
      for (const op of legendOps(cells)) {
        const item = legend
          .append('span')
          .attr('class', 'legend-item')
          .attr('data-op', op)
          .attr('title', opLabel(op));
        item.append('span').attr('class', 'swatch').style('background', opColor(op));
        item.append('span').text(opLabel(op));
      }
      for (const cell of cells) {
        const block = root.append('div').attr('class', 'alpha-cell');
        block.append('h4').text(cell.title);
        const grid = block.append('div').attr('class', 'alpha-grid');
        cell.edges.forEach((edge, i) => {
          const panel = grid.append('div').attr('class', 'alpha-panel').attr('data-edge', edge.id);
          panel
            .append('div')
            .attr('class', 'alpha-panel-title')
            .text(`${nodeName(cell, edge.from)} → ${nodeName(cell, edge.to)}`);
          const svg = panel
            .append('svg')
            .attr('width', W)
            .attr('height', H)
            .attr('viewBox', `0 0 ${W} ${H}`);
          const node = svg.node();
          if (node) drawPanel(node, edgeTrajectories(cell, i), edge.ops, sharedAxis);
        });
      }
    },
    destroy: () => {
      root.remove();
    },
  };
}
