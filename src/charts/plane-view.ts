/** A square plot of 2D points coloured by class, marker by split, over an optional heatmap of a model's predicted class. */
import { scaleLinear, select, symbol, symbolCircle, symbolTriangle, type SymbolType } from 'd3';
import type { BoundaryDomain, GridPrediction } from '../core/run/boundary';
import {
  cellOpacity,
  classColor,
  pointsDomain,
  SPLIT_NAMES,
  type PlanePoint,
  type PointSplit,
} from './plane-data';
import { NEUTRAL_COLOR } from './op-colors';
import type { ChartView } from './view';
import { placedSymbol } from './placed-symbol';

/** A model's predictions over a grid of `size` x `size` cells covering `domain` (row-major from its lower-left corner). */
export interface PlaneHeatmap {
  readonly size: number;
  readonly domain: BoundaryDomain;
  readonly prediction: GridPrediction;
  readonly classes: number;
}

/** What the view draws. */
export interface PlaneData {
  readonly points: readonly PlanePoint[];
  readonly heatmap: PlaneHeatmap | null;
}

/** Side of the plot, px. */
const SIDE = 240;
/** Height of the legend under it, px. */
const LEGEND = 22;

const MARKERS: Record<PointSplit, { type: SymbolType; size: number; filled: boolean }> = {
  train: { type: symbolCircle, size: 22, filled: true },
  valid: { type: symbolCircle, size: 26, filled: false },
  test: { type: symbolTriangle, size: 26, filled: true },
};

/** The SVG namespace, for marks made without d3. */
const SVG_NS = 'http://www.w3.org/2000/svg';

/** Creates the view in `el`: its points are drawn again only when they change, its grid as a few paths. */
export function createPlaneView(el: HTMLElement): ChartView<PlaneData> {
  const svg = select(el)
    .append('svg')
    .attr('class', 'chart-svg plane-view')
    .attr('width', SIDE)
    .attr('height', SIDE + LEGEND)
    .attr('viewBox', `0 0 ${SIDE} ${SIDE + LEGEND}`);
  svg
    .append('rect')
    .attr('width', SIDE)
    .attr('height', SIDE)
    .attr('fill', 'var(--color-surface)')
    .attr('stroke', 'var(--color-border)');
  // Crisp edges: cells meet exactly, so translucent tints leave no seams or double-tinted overlaps.
  const heat = svg.append('g').attr('class', 'plane-heatmap').attr('shape-rendering', 'crispEdges');
  const dots = svg.append('g').attr('class', 'plane-points');
  const legend = svg.append('g').attr('transform', `translate(4, ${SIDE + 15})`);
  (['train', 'valid', 'test'] as const).forEach((split, i) => {
    const g = legend.append('g').attr('transform', `translate(${[0, 76, 168][i] ?? 0}, 0)`);
    const m = MARKERS[split];
    g.append('path')
      .attr('d', symbol(m.type, m.size)() ?? '')
      .attr('transform', 'translate(5,-4)')
      .attr('fill', m.filled ? NEUTRAL_COLOR : 'var(--color-surface)')
      .attr('stroke', NEUTRAL_COLOR)
      .attr('stroke-width', m.filled ? 0 : 1.4);
    g.append('text').attr('x', 13).attr('y', 0).text(SPLIT_NAMES[split]);
  });
  let drawn: { points: PlaneData['points']; domainKey: string } | null = null;

  /**
   * The grid as one path per colour and opacity step (opacity in steps of 0.02, finer than the eye
   * tells apart): a 40 x 40 grid is then a few dozen elements instead of 1,600, so a new frame of
   * predictions redraws without restyling every cell.
   */
  const drawGrid = (heatmap: PlaneHeatmap): void => {
    const { size, prediction, classes } = heatmap;
    const w = SIDE / size;
    const shapes = new Map<string, { fill: string; opacity: number; d: string[] }>();
    for (let r = 0; r < size; r++) {
      // A run of neighbouring cells of one colour and opacity in a row is one rectangle: a shorter
      // path to build, and for the browser to parse, each time the predictions change.
      for (let c = 0; c < size;) {
        const i = r * size + c;
        // The class colour over the theme's surface: paler where the model is less sure, on a light or a dark page.
        const fill = classColor(prediction.classes[i] ?? 0);
        const opacity = Math.round(50 * cellOpacity(prediction.confidence[i] ?? 0, classes)) / 50;
        const key = `${fill} ${opacity}`;
        let run = 1;
        while (c + run < size) {
          const j = i + run;
          const nextFill = classColor(prediction.classes[j] ?? 0);
          const next = Math.round(50 * cellOpacity(prediction.confidence[j] ?? 0, classes)) / 50;
          if (nextFill !== fill || next !== opacity) break;
          run += 1;
        }
        let shape = shapes.get(key);
        if (shape === undefined) {
          shape = { fill, opacity, d: [] };
          shapes.set(key, shape);
        }
        shape.d.push(`M${c * w},${SIDE - (r + 1) * w}h${run * w}v${w}h${-run * w}Z`);
        c += run;
      }
    }
    heat.attr('data-cells', size * size);
    heat
      .selectAll<SVGPathElement, [string, { fill: string; opacity: number; d: string[] }]>('path')
      .data([...shapes], ([key]) => key)
      .join('path')
      .attr('fill', ([, shape]) => shape.fill)
      .attr('fill-opacity', ([, shape]) => shape.opacity)
      .attr('d', ([, shape]) => shape.d.join(''));
  };

  return {
    update: ({ points, heatmap }) => {
      const d = heatmap?.domain ?? pointsDomain(points);
      if (heatmap === null) {
        heat.selectAll('*').remove();
        heat.attr('data-cells', null);
      } else drawGrid(heatmap);
      const domainKey = `${d.x0} ${d.x1} ${d.y0} ${d.y1}`;
      if (drawn !== null && drawn.points === points && drawn.domainKey === domainKey) return;
      drawn = { points, domainKey };
      const x = scaleLinear().domain([d.x0, d.x1]).range([0, SIDE]);
      const y = scaleLinear().domain([d.y0, d.y1]).range([SIDE, 0]);
      const layer = dots.node();
      if (layer === null) return;
      // The marks of one split and class are one path, each mark drawn at its place in it: the
      // browser styles each element on its own (a path's `d` is a CSS property, so no two share a
      // style), and 600 marks took 29 ms of style recalculation in the frame that first drew a
      // decision boundary; now it styles at most one element per split and class.
      const groups = new Map<string, { split: PlanePoint['split']; label: number; d: string[] }>();
      for (const p of points) {
        const key = `${p.split} ${p.label}`;
        let group = groups.get(key);
        if (group === undefined) {
          group = { split: p.split, label: p.label, d: [] };
          groups.set(key, group);
        }
        const m = MARKERS[p.split];
        group.d.push(placedSymbol(m.type, m.size, x(p.x), y(p.y)));
      }
      const marks = document.createDocumentFragment();
      for (const g of groups.values()) {
        const m = MARKERS[g.split];
        const color = classColor(g.label);
        const mark = document.createElementNS(SVG_NS, 'path');
        mark.setAttribute('d', g.d.join(''));
        mark.setAttribute('fill', m.filled ? color : 'var(--color-surface)');
        mark.setAttribute('stroke', m.filled ? 'var(--color-surface)' : color);
        mark.setAttribute('stroke-width', m.filled ? '0.6' : '1.4');
        mark.setAttribute('data-split', g.split);
        mark.setAttribute('data-points', String(g.d.length));
        marks.appendChild(mark);
      }
      layer.replaceChildren(marks);
    },
    destroy: () => {
      svg.remove();
    },
  };
}
