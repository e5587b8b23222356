/** Small multiples of architecture-weight trajectories: one panel per edge, one line per op, each panel auto-scaled or all on one 0..1 axis. */
import { line, max, min, scaleLinear, select } from 'd3';
import { edgeOffsets, edgeTrajectories, legendOps, type AlphaCell } from './alpha-data';
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
  let lo = Infinity;
  let hi = -Infinity;
  for (const l of lines) {
    for (const [, v] of l) {
      if (!Number.isFinite(v)) continue;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  if (lo > hi) [lo, hi] = [0, 1];
  const mid = (lo + hi) / 2;
  const half = Math.max(hi - lo, MIN_SPAN) / 2 + 0.01;
  return [Math.max(0, mid - half), Math.min(1, mid + half)];
}

/** Most samples a panel draws: one per pixel column of its plot. */
const MAX_DRAWN_SAMPLES = W - M.left - M.right;

/**
 * At most `most` of `samples`, evenly spaced, the first and the latest kept: a long run samples the
 * alphas thousands of times, more than a panel has columns, and building every edge's lines from
 * all of them ten times a second would cost the page its frames. Softmax weights move smoothly, so
 * the spaced samples draw the same curves.
 */
export function spacedSamples<T>(
  samples: readonly T[],
  most: number = MAX_DRAWN_SAMPLES,
): readonly T[] {
  const n = samples.length;
  if (n <= most) return samples;
  const out: T[] = [];
  for (let i = 0; i < most; i++) {
    const sample = samples[Math.round((i * (n - 1)) / (most - 1))];
    if (sample !== undefined) out.push(sample);
  }
  return out;
}

/** Draws one edge's panel in `svg`, updating the elements already there (a live run redraws ten times a second). */
function drawPanel(
  svg: SVGSVGElement,
  lines: [number, number][][],
  ops: readonly string[],
  sharedAxis: boolean,
  sampled: number,
): void {
  const root = select(svg);
  // Steps ascend along each line: the ends bound them.
  const firstStep = min(lines, (l) => l[0]?.[0]) ?? 0;
  const lastStep = max(lines, (l) => l[l.length - 1]?.[0]);
  const x = scaleLinear()
    .domain([firstStep, Math.max(lastStep ?? 1, firstStep + 1)])
    .range([M.left, W - M.right]);
  const y = scaleLinear()
    .domain(yDomain(lines, sharedAxis))
    .range([H - M.bottom, M.top]);
  const [y0, y1] = y.domain() as [number, number];
  root
    .selectAll('line.panel-frame')
    .data([0])
    .join('line')
    .attr('class', 'panel-frame')
    .attr('x1', M.left)
    .attr('x2', W - M.right)
    .attr('y1', H - M.bottom)
    .attr('y2', H - M.bottom);
  const ticks: { x: number; y: number; text: string }[] = [
    { x: M.left - 3, y: y(y1) + 8, text: y1.toFixed(2) },
    { x: M.left - 3, y: y(y0), text: y0.toFixed(2) },
    { x: W - M.right, y: H - 2, text: `step ${lastStep ?? 0}` },
  ];
  root
    .selectAll('text.panel-tick')
    .data(ticks)
    .join('text')
    .attr('class', 'panel-tick')
    .attr('x', (t) => t.x)
    .attr('y', (t) => t.y)
    .attr('text-anchor', 'end')
    .text((t) => t.text);
  const latest = lines.map((l) => l[l.length - 1]?.[1] ?? -Infinity);
  const best = latest.indexOf(Math.max(...latest));
  const path = line<[number, number]>()
    .x((p) => x(p[0]))
    .y((p) => y(p[1]))
    .defined((p) => Number.isFinite(p[1]));
  root
    .selectAll<SVGPathElement, [number, number][]>('path.alpha-line')
    .data(lines)
    .join((enter) => {
      const created = enter.append('path');
      created.append('title');
      return created;
    })
    .each(function drawLine(pts, i) {
      const op = ops[i] ?? '';
      const el = select(this)
        .attr('class', i === best ? 'alpha-line alpha-line-best' : 'alpha-line')
        .attr('fill', 'none')
        .attr('stroke', opColor(op))
        .attr('stroke-width', i === best ? 2.2 : 1.2)
        .attr('data-op', op)
        .attr('data-points', sampled)
        .attr('d', path(pts) ?? '');
      el.select('title').text(
        `${opLabel(op)}: ${(pts[pts.length - 1]?.[1] ?? Number.NaN).toFixed(4)}`,
      );
    });
}

function nodeName(cell: AlphaCell, id: string): string {
  return cell.nodeLabels?.get(id) ?? id;
}

/** What the chart's HTML depends on: the cells, their edges and ops, and the legend (not the alpha values). */
function layoutKey(cells: readonly AlphaCell[]): string {
  return JSON.stringify([
    legendOps(cells),
    cells.map((cell) => [
      cell.title,
      cell.edges.map((e) => [e.id, nodeName(cell, e.from), nodeName(cell, e.to), e.ops]),
    ]),
  ]);
}

/** Creates the chart in `el`; `update` takes the searched cells with their sampled alphas and the axis choice. */
export function createAlphaChart(el: HTMLElement): ChartView<AlphaChartData> {
  const root = select(el).append('div').attr('class', 'alpha-chart');
  // The panels' <svg>s by cell and edge, kept while the layout stays the same: each update then
  // only redraws the lines (rebuilding the cards ten times a second would lay out the page each time).
  let built: { key: string; panels: SVGSVGElement[][] } | null = null;

  const build = (cells: readonly AlphaCell[], key: string): SVGSVGElement[][] => {
    root.selectAll('*').remove();
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
    const panels = cells.map((cell) => {
      const block = root.append('div').attr('class', 'alpha-cell');
      block.append('h4').text(cell.title);
      const grid = block.append('div').attr('class', 'alpha-grid');
      return cell.edges.flatMap((edge) => {
        const panel = grid.append('div').attr('class', 'alpha-panel').attr('data-edge', edge.id);
        panel
          .append('div')
          .attr('class', 'alpha-panel-title')
          .text(`${nodeName(cell, edge.from)} → ${nodeName(cell, edge.to)}`);
        const node = panel
          .append('svg')
          .attr('width', W)
          .attr('height', H)
          .attr('viewBox', `0 0 ${W} ${H}`)
          .node();
        return node === null ? [] : [node];
      });
    });
    built = { key, panels };
    return panels;
  };

  return {
    update: ({ cells, sharedAxis }) => {
      const samples = cells.reduce((n, c) => n + c.samples.length, 0);
      root.attr('data-samples', samples).attr('data-shared-axis', String(sharedAxis));
      if (samples === 0) {
        built = null;
        root.selectAll('*').remove();
        root
          .append('p')
          .attr('class', 'chart-empty')
          .text('Architecture weights appear after the first alpha step.');
        return;
      }
      const key = layoutKey(cells);
      const panels = built?.key === key ? built.panels : build(cells, key);
      cells.forEach((cell, c) => {
        const drawn = { ...cell, samples: spacedSamples(cell.samples) };
        const offsets = edgeOffsets(cell.edges);
        cell.edges.forEach((edge, i) => {
          const node = panels[c]?.[i];
          const end = (offsets[i] ?? 0) + edge.ops.length;
          const sampled = cell.samples.reduce((n, s) => (s.weights.length >= end ? n + 1 : n), 0);
          if (node) drawPanel(node, edgeTrajectories(drawn, i), edge.ops, sharedAxis, sampled);
        });
      });
    },
    destroy: () => {
      root.remove();
    },
  };
}
