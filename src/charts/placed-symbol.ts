/** d3 symbols drawn at a point instead of at the origin. */
import { pathRound } from 'd3';
import type { CanvasPath_D3Shape, SymbolType } from 'd3';

/**
 * The SVG path of symbol `type` of `size` (square px) centred on (x, y), coordinates to 2
 * decimals. A plot of hundreds of marks drawn this way needs no `transform` per mark: each
 * transformed SVG element is a paint chunk of its own, which the browser composites again on every
 * frame that repaints anything on the page.
 */
export function placedSymbol(type: SymbolType, size: number, x: number, y: number): string {
  const p = pathRound(2);
  const at: CanvasPath_D3Shape = {
    arc: (cx, cy, r, a0, a1, ccw) => p.arc(cx + x, cy + y, r, a0, a1, ccw),
    arcTo: (x1, y1, x2, y2, r) => p.arcTo(x1 + x, y1 + y, x2 + x, y2 + y, r),
    bezierCurveTo: (c1x, c1y, c2x, c2y, ex, ey) =>
      p.bezierCurveTo(c1x + x, c1y + y, c2x + x, c2y + y, ex + x, ey + y),
    closePath: () => p.closePath(),
    // No d3 symbol type draws an ellipse (d3-path has none either).
    ellipse: () => {
      throw new Error('placedSymbol: a symbol type that draws an ellipse is not supported');
    },
    lineTo: (px, py) => p.lineTo(px + x, py + y),
    moveTo: (px, py) => p.moveTo(px + x, py + y),
    quadraticCurveTo: (cx, cy, ex, ey) => p.quadraticCurveTo(cx + x, cy + y, ex + x, ey + y),
    rect: (rx, ry, w, h) => p.rect(rx + x, ry + y, w, h),
  };
  type.draw(at, size);
  return p.toString();
}
