/** The contract every d3 view follows, and a frame that redraws it when its element resizes. */
import { select, type Selection } from 'd3';

/** A chart bound to one element: draw new data with `update`, remove everything with `destroy`. */
export interface ChartView<D> {
  update(data: D): void;
  destroy(): void;
}

/** A root <svg> inside `el`, redrawn with the latest data whenever `el` changes width. */
export interface Frame<D> {
  readonly svg: Selection<SVGSVGElement, unknown, null, undefined>;
  /** Stores `data` and draws it at the element's current width. */
  update(data: D): void;
  destroy(): void;
}

/** Creates an <svg> of fixed `height` that fills `el`'s width; `draw` gets the svg, the width and the data. */
export function createFrame<D>(
  el: HTMLElement,
  height: number,
  draw: (svg: Selection<SVGSVGElement, unknown, null, undefined>, width: number, data: D) => void,
): Frame<D> {
  const svg = select(el).append('svg').attr('height', height).attr('class', 'chart-svg');
  let last: { data: D } | null = null;
  // The element's width as last measured: read once, then kept current by the resize observer, so
  // an update does not force the page to lay out again before it draws (charts update ten times a second).
  let measured: number | null = null;
  let width = 0;
  const redraw = (): void => {
    measured ??= Math.floor(el.clientWidth);
    const next = Math.max(120, measured || 480);
    if (next !== width) {
      width = next;
      svg.attr('width', width).attr('viewBox', `0 0 ${width} ${height}`);
    }
    if (last) draw(svg, width, last.data);
  };
  const observer =
    typeof ResizeObserver === 'undefined'
      ? null
      : // Layout is done when the observer calls back: reading the width there costs nothing.
        new ResizeObserver(() => {
          const now = Math.floor(el.clientWidth);
          if (now === measured) return;
          measured = now;
          redraw();
        });
  observer?.observe(el);
  return {
    svg,
    update: (data) => {
      last = { data };
      redraw();
    },
    destroy: () => {
      observer?.disconnect();
      svg.remove();
      last = null;
    },
  };
}
