/**
 * Ranking fidelity: each subnet's accuracy with inherited supernet weights (x) against its accuracy
 * trained stand-alone (y), on one shared percent scale with the line y = x. Points whose markers
 * would cover each other are drawn once with their count (fidelity-groups), so every pair shows
 * and the counts add up to n.
 */
import { axisBottom, axisLeft, format, scaleLinear } from 'd3';
import { groupOverlapping, nextMember } from './fidelity-groups';
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

const HEIGHT = 280;
const M = { top: 22, right: 16, bottom: 42, left: 58 };
/** Marker radius of one pair, and of a mark holding several. */
const R = 5;
const R_GROUP = 8;

/** The hover line of one pair (and its line in the chart's text alternative). */
export function pairLine(d: FidelityDatum): string {
  return `${d.label}: ${formatPercent(d.supernetAcc)} with inherited weights, ${formatPercent(d.standaloneAcc)} stand-alone`;
}

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
    // One scale for both axes, so y = x is the diagonal and distances mean the same both ways.
    const domain = percentDomain(data.pairs.flatMap((p) => [p.supernetAcc, p.standaloneAcc]));
    const x = scaleLinear().domain(domain).range([0, w]);
    const y = scaleLinear().domain(domain).range([h, 0]);
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
    const [d0, d1] = domain;
    const diagonal = g
      .append('line')
      .attr('class', 'fidelity-diagonal')
      .attr('data-testid', 'fidelity-diagonal')
      .attr('x1', x(d0))
      .attr('y1', y(d0))
      .attr('x2', x(d1))
      .attr('y2', y(d1));
    diagonal
      .append('title')
      .text(
        'y = x: stand-alone accuracy equal to the inherited estimate. Below it, the stand-alone training reached less than the supernet’s weights.',
      );
    g.append('text')
      .attr('class', 'fidelity-diagonal-label')
      .attr('x', x(d1) - 2)
      .attr('y', y(d1) - 5)
      .attr('text-anchor', 'end')
      .text('y = x');
    const placed = data.pairs.map((d) => ({
      ...d,
      px: x(100 * d.supernetAcc),
      py: y(100 * d.standaloneAcc),
    }));
    const groups = groupOverlapping(placed, 2 * R);
    const marks = g
      .selectAll('g.fidelity-mark')
      .data(groups)
      .join('g')
      .attr('class', 'fidelity-mark')
      .attr('transform', (d) => `translate(${d.px},${d.py})`)
      .on('click', (_ev: MouseEvent, d) => {
        const id = nextMember(
          d.members.map((m) => m.id),
          latest?.selected ?? null,
        );
        if (id !== null) latest?.onSelect(id);
      });
    const holds = (d: (typeof groups)[number]): boolean =>
      d.members.some((m) => m.id === data.selected);
    marks
      .append('circle')
      .attr('class', (d) => (holds(d) ? 'fidelity-point selected' : 'fidelity-point'))
      .attr('data-testid', 'fidelity-point')
      .attr('data-id', (d) => d.members[0]?.id ?? '')
      .attr('data-count', (d) => d.members.length)
      .attr('r', (d) => (d.members.length > 1 ? R_GROUP : R) + (holds(d) ? 1.5 : 0))
      .append('title')
      .text((d) =>
        d.members.length === 1
          ? pairLine(d.members[0] as FidelityDatum)
          : `${d.members.length} pairs at one place (a click steps through them):\n${d.members.map(pairLine).join('\n')}`,
      );
    marks
      .filter((d) => d.members.length > 1)
      .append('text')
      .attr('class', 'fidelity-count')
      .attr('text-anchor', 'middle')
      .attr('dy', '0.35em')
      .text((d) => d.members.length);
    const n = data.pairs.length;
    g.append('text')
      .attr('class', 'fidelity-drawn')
      .attr('data-testid', 'fidelity-drawn')
      .attr('data-n', n)
      .attr('x', 0)
      .attr('y', -8)
      .text(
        groups.length === n
          ? `n = ${n} pair${n === 1 ? '' : 's'}, one mark each`
          : `n = ${n} pairs in ${groups.length} marks: a number on a mark counts the pairs drawn there`,
      );
  });
  return { update: frame.update, destroy: frame.destroy };
}
