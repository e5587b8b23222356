/** An HTML tooltip inside a chart's element: a title, plain lines and monospace code lines, placed beside the pointer. */
import { pointer, select } from 'd3';
import type { TooltipContent } from './pareto-format';

/** Widest the tooltip gets (px); it is kept inside the element's width. */
const MAX_WIDTH = 340;

/** Shows and hides one tooltip and remembers which item it describes. */
export interface ChartTooltip {
  show(ev: MouseEvent, id: string, content: TooltipContent): void;
  hide(): void;
  /** The id of the item whose tooltip shows, or null. */
  readonly shown: () => string | null;
  remove(): void;
}

/** Creates a hidden tooltip in `el` (which must be positioned) with data-testid `testId`. */
export function createChartTooltip(el: HTMLElement, testId: string): ChartTooltip {
  const tip = select(el)
    .append('div')
    .attr('class', 'chart-tooltip')
    .attr('role', 'tooltip')
    .attr('data-testid', testId)
    .style('display', 'none');
  let shown: string | null = null;
  return {
    show: (ev, id, content) => {
      shown = id;
      tip.selectAll('*').remove();
      tip.append('div').attr('class', 'tip-title').text(content.title);
      for (const text of content.lines) tip.append('div').text(text);
      for (const text of content.code) tip.append('div').attr('class', 'tip-code').text(text);
      const [mx, my] = pointer(ev, el);
      const left = Math.max(0, Math.min(mx + 14, el.clientWidth - MAX_WIDTH));
      tip
        .style('display', 'block')
        .style('left', `${left}px`)
        .style('top', `${my + 14}px`);
    },
    hide: () => {
      shown = null;
      tip.style('display', 'none');
    },
    shown: () => shown,
    remove: () => {
      tip.remove();
    },
  };
}
