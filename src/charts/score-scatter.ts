/**
 * A scatter of scores: one mark per point, x and y as given (a proxy score against a cost, or a
 * stand-alone accuracy against a proxy score). Many points are drawn as one path, so a whole space
 * of 15,625 architectures stays one element; highlighted points are drawn on top as circles.
 * An axis whose values are all positive and span more than two decades is drawn in log scale.
 * Points with a non-finite coordinate (an undefined proxy) are left out; the caller says how many.
 */
import { axisBottom, axisLeft, format, scaleLinear, scaleLog } from 'd3';
import { createFrame, type ChartView } from './view';

/** One point: its coordinates, and whether it is drawn highlighted. */
export interface ScorePoint {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly highlighted: boolean;
}

/** The points and the axis titles; `empty` is shown when no point has finite coordinates. */
export interface ScoreScatterData {
  readonly points: readonly ScorePoint[];
  readonly xTitle: string;
  readonly yTitle: string;
  readonly empty: string;
  /** Drawing height in pixels (280 when absent). */
  readonly height?: number;
}

const M = { top: 14, right: 14, bottom: 40, left: 62 };
const R = 2.2;
const R_HIGHLIGHT = 5;

/** A linear or (positive values spanning more than two decades) log scale over `values`. */
export function scoreScale(values: readonly number[]): {
  readonly log: boolean;
  readonly domain: readonly [number, number];
} {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!(lo <= hi)) return { log: false, domain: [0, 1] };
  if (lo > 0 && hi / lo > 100) return { log: true, domain: [lo / 1.2, hi * 1.2] };
  const pad = hi === lo ? Math.max(1e-9, Math.abs(hi) * 0.05 || 1) : (hi - lo) * 0.05;
  return { log: false, domain: [lo - pad, hi + pad] };
}

/** Creates the scatter in `el`; `update` redraws it. */
export function createScoreScatter(el: HTMLElement): ChartView<ScoreScatterData> {
  let height = 280;
  let frame = make(height);
  function make(h: number) {
    return createFrame<ScoreScatterData>(el, h, (svg, width, data) => {
      svg.selectAll('*').remove();
      const w = width - M.left - M.right;
      const hh = h - M.top - M.bottom;
      const g = svg.append('g').attr('transform', `translate(${M.left},${M.top})`);
      const points = data.points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
      if (points.length === 0) {
        g.append('text')
          .attr('class', 'chart-empty')
          .attr('x', w / 2)
          .attr('y', hh / 2)
          .attr('text-anchor', 'middle')
          .text(data.empty);
        return;
      }
      const sx = scoreScale(points.map((p) => p.x));
      const sy = scoreScale(points.map((p) => p.y));
      const x = (sx.log ? scaleLog() : scaleLinear()).domain(sx.domain).range([0, w]);
      const y = (sy.log ? scaleLog() : scaleLinear()).domain(sy.domain).range([hh, 0]);
      g.append('g')
        .attr('class', 'axis')
        .attr('transform', `translate(0,${hh})`)
        .call(axisBottom(x).ticks(Math.max(2, Math.floor(w / 90)), '.2~s'));
      g.append('g')
        .attr('class', 'axis')
        .call(axisLeft(y).ticks(5, '.3~s').tickFormat(format('.3~s')));
      g.append('text')
        .attr('class', 'axis-title')
        .attr('x', w / 2)
        .attr('y', hh + 34)
        .attr('text-anchor', 'middle')
        .text(`${data.xTitle}${sx.log ? ' (log scale)' : ''}`);
      g.append('text')
        .attr('class', 'axis-title')
        .attr('transform', `translate(-50,${hh / 2}) rotate(-90)`)
        .attr('text-anchor', 'middle')
        .text(`${data.yTitle}${sy.log ? ' (log)' : ''}`);
      let d = '';
      for (const p of points) {
        if (p.highlighted) continue;
        const px = x(p.x);
        const py = y(p.y);
        d += `M${(px - R).toFixed(1)},${py.toFixed(1)}a${R},${R} 0 1,0 ${2 * R},0a${R},${R} 0 1,0 ${-2 * R},0`;
      }
      g.append('path').attr('class', 'score-points').attr('d', d).attr('data-count', points.length);
      g.selectAll('circle.score-highlight')
        .data(points.filter((p) => p.highlighted))
        .join('circle')
        .attr('class', 'score-highlight')
        .attr('data-id', (p) => p.id)
        .attr('r', R_HIGHLIGHT)
        .attr('cx', (p) => x(p.x))
        .attr('cy', (p) => y(p.y));
    });
  }
  return {
    update(data) {
      const h = data.height ?? 280;
      if (h !== height) {
        frame.destroy();
        height = h;
        frame = make(h);
      }
      frame.update(data);
    },
    destroy() {
      frame.destroy();
    },
  };
}
