/** Draws the HTML parts around a chart's svg (legend swatches and ramps, panel frames, text lines) as SVG elements. */
import { exportElement, exportText, px, type Box, type ExportElement } from './export-tree';

type Style = Readonly<Record<string, string>>;

/** Whether a computed colour paints nothing. */
export function isTransparent(color: string | undefined): boolean {
  if (color === undefined || color === '' || color === 'transparent') return true;
  const rgba = /^rgba\(\s*[\d.]+\s*,\s*[\d.]+\s*,\s*[\d.]+\s*,\s*([\d.]+)\s*\)$/.exec(color);
  if (rgba) return Number(rgba[1]) === 0;
  const slash = /\/\s*([\d.]+)(%?)\s*\)$/.exec(color);
  return slash !== null && Number(slash[1]) === 0;
}

/** Splits a CSS function's arguments at top-level commas. */
function splitArgs(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (ch === '(') depth += 1;
    else if (ch === ')') depth -= 1;
    else if (ch === ',' && depth === 0) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts.filter((p) => p !== '');
}

/** The colours of a left-to-right `linear-gradient(...)` (evenly spaced stops), or null for any other image. */
export function gradientStops(image: string | undefined): string[] | null {
  if (image === undefined) return null;
  const match = /^linear-gradient\((.*)\)$/.exec(image.trim());
  if (!match) return null;
  const args = splitArgs(match[1] ?? '');
  if (args[0] === 'to right' || args[0] === '90deg') args.shift();
  else if (args[0] !== undefined && /^(to |-?[\d.]+(deg|turn|rad)$)/.test(args[0])) return null;
  if (args.length < 2 || args.some((a) => /\s[\d.]+(%|px)$/.test(a))) return null;
  return args;
}

/** One side of a CSS border, when it paints. */
function side(
  style: Style,
  name: 'top' | 'right' | 'bottom' | 'left',
): { width: number; color: string } | null {
  const width = parseFloat(style[`border-${name}-width`] ?? '0');
  const kind = style[`border-${name}-style`] ?? 'none';
  const color = style[`border-${name}-color`];
  if (!(width > 0) || kind === 'none' || kind === 'hidden' || isTransparent(color)) return null;
  return { width, color: color ?? 'currentColor' };
}

/** The background, gradient and border of one HTML box at `box` (relative to the picture); `id` names a gradient. */
export function boxElements(style: Style, box: Box, id: string): ExportElement[] {
  if (box.width <= 0 || box.height <= 0) return [];
  const out: ExportElement[] = [];
  const radius = parseFloat(style['border-top-left-radius'] ?? '0') || 0;
  const rect = (fill: string): Record<string, string> => ({
    x: px(box.x),
    y: px(box.y),
    width: px(box.width),
    height: px(box.height),
    ...(radius > 0 ? { rx: px(radius) } : {}),
    fill,
  });
  if (!isTransparent(style['background-color'])) {
    out.push(exportElement('rect', rect(style['background-color'] ?? '#000')));
  }
  const stops = gradientStops(style['background-image']);
  if (stops) {
    const gradient = exportElement(
      'linearGradient',
      { id, x1: '0', y1: '0', x2: '1', y2: '0' },
      stops.map((color, i) =>
        exportElement('stop', { offset: px(i / (stops.length - 1)), 'stop-color': color }),
      ),
    );
    out.push(exportElement('defs', {}, [gradient]), exportElement('rect', rect(`url(#${id})`)));
  }
  const sides = (['top', 'right', 'bottom', 'left'] as const).map((s) => side(style, s));
  const [top, right, bottom, left] = sides;
  if (sides.every((s) => s !== null && s.width === top?.width && s.color === top.color) && top) {
    const half = top.width / 2;
    out.push(
      exportElement('rect', {
        ...rect('none'),
        x: px(box.x + half),
        y: px(box.y + half),
        width: px(Math.max(0, box.width - top.width)),
        height: px(Math.max(0, box.height - top.width)),
        stroke: top.color,
        'stroke-width': px(top.width),
      }),
    );
    return out;
  }
  const line = (
    s: { width: number; color: string },
    x1: number,
    y1: number,
    x2: number,
    y2: number,
  ) =>
    exportElement('line', {
      x1: px(x1),
      y1: px(y1),
      x2: px(x2),
      y2: px(y2),
      stroke: s.color,
      'stroke-width': px(s.width),
    });
  const right_ = box.x + box.width;
  const bottom_ = box.y + box.height;
  if (top) out.push(line(top, box.x, box.y + top.width / 2, right_, box.y + top.width / 2));
  if (bottom)
    out.push(line(bottom, box.x, bottom_ - bottom.width / 2, right_, bottom_ - bottom.width / 2));
  if (left) out.push(line(left, box.x + left.width / 2, box.y, box.x + left.width / 2, bottom_));
  if (right)
    out.push(line(right, right_ - right.width / 2, box.y, right_ - right.width / 2, bottom_));
  return out;
}

/** The font and colour of HTML text, as the computed style of an SVG <text>. */
export function textStyle(style: Style): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of [
    'font-family',
    'font-size',
    'font-weight',
    'font-style',
    'opacity',
    'visibility',
  ]) {
    const value = style[name];
    if (value !== undefined) out[name] = value;
  }
  out.fill = style.color ?? 'rgb(0, 0, 0)';
  out.stroke = 'none';
  out['dominant-baseline'] = 'central';
  out['text-anchor'] = 'start';
  out['paint-order'] = 'normal';
  return out;
}

/** One line of HTML text as an SVG <text> at `box` (relative to the picture), vertically centred on the line. */
export function textLine(text: string, box: Box, style: Style): ExportElement {
  return exportElement(
    'text',
    { x: px(box.x), y: px(box.y + box.height / 2) },
    [exportText(text)],
    textStyle(style),
  );
}
