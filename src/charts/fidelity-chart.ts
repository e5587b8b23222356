/** Ranking fidelity: each subnet's accuracy with inherited supernet weights (x) against its accuracy trained stand-alone (y). */
import { axisBottom, axisLeft, format, scaleLinear } from 'd3';
import { formatPercent } from './pareto-format';
import { percentDomain } from './pareto-scales';
import { createFrame, type ChartView } from './view';

/** One subnet evaluated both ways (accuracies in [0, 1]). */
export interface FidelityDatum {
  readonly id: string;
  /** Names the subnet in its hover text, e.g. "#4 · SPOS + evolution · seed 1". */
  readonly label: string;
  readonly supernetAcc: number;
  readonly standaloneAcc: number;
}

/** The pairs to draw, the selected subnet, and what a click does. */
export interface FidelityData {
  readonly pairs: readonly FidelityDatum[];
  readonly selected: string | null;
  onSelect(id: string): void;
}

const HEIGHT = 260;
const M = { top: 12, right: 16, bottom: 42, left: 58 };

/** Creates the scatter in `el`; `update` redraws it. */
export function createFidelityChart(el: HTMLElement): ChartView<FidelityData> {
  let latest: FidelityData | null = null;
  const frame = createFrame<FidelityData>(el, HEIGHT, (svg, width, data) => {
    latest = data;
    svg.selectAll('*').remove();
    const w = width - M.left - M.right;
    const h = HEIGHT - M.top - M.bottom;
    const g = svg.append('g').attr('transform', `translate(${M.left},${M.top})`);
    if (data.pairs.length === 0) {
      g.append('text')
        .attr('class', 'chart-empty')
        .attr('x', w / 2)
        .attr('y', h / 2)
        .attr('text-anchor', 'middle')
        .text('Train subnets stand-alone to compare the two rankings.');
      return;
    }
    const x = scaleLinear()
      .domain(percentDomain(data.pairs.map((p) => p.supernetAcc)))
      .range([0, w]);
    const y = scaleLinear()
      .domain(percentDomain(data.pairs.map((p) => p.standaloneAcc)))
      .range([h, 0]);
    g.append('g')
      .attr('class', 'axis')
      .attr('transform', `translate(0,${h})`)
      .call(axisBottom(x).ticks(Math.max(2, Math.floor(w / 80)), '.3~g'));
    g.append('g')
      .attr('class', 'axis')
      .call(axisLeft(y).ticks(5).tickFormat(format('.3~g')));
    g.append('text')
      .attr('class', 'axis-title')
      .attr('x', w / 2)
      .attr('y', h + 34)
      .attr('text-anchor', 'middle')
      .text('accuracy with inherited supernet weights (%)');
    g.append('text')
      .attr('class', 'axis-title')
      .attr('transform', `translate(-44,${h / 2}) rotate(-90)`)
      .attr('text-anchor', 'middle')
      .text('stand-alone accuracy (%)');
    const dots = g
      .selectAll('circle')
      .data(data.pairs)
      .join('circle')
      .attr('class', (d) => (d.id === data.selected ? 'fidelity-point selected' : 'fidelity-point'))
      .attr('data-testid', 'fidelity-point')
      .attr('data-id', (d) => d.id)
      .attr('r', (d) => (d.id === data.selected ? 6.5 : 5))
      .attr('cx', (d) => x(100 * d.supernetAcc))
      .attr('cy', (d) => y(100 * d.standaloneAcc))
      .on('click', (_ev: MouseEvent, d) => latest?.onSelect(d.id));
    dots
      .append('title')
      .text(
        (d) =>
          `${d.label}: ${formatPercent(d.supernetAcc)} with inherited weights, ${formatPercent(d.standaloneAcc)} stand-alone`,
      );
  });
  return { update: frame.update, destroy: frame.destroy };
}
