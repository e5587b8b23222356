/** Saves the chart in a host element as an SVG or PNG file. */
import { chartPicture, type ChartPicture } from '../../charts/export/chart-picture';
import { domLayout } from '../../charts/export/dom-layout';
import { ChartExportError } from '../../charts/export/export-error';
import { svgToPng } from '../../charts/export/png';
import { downloadBlob, downloadText } from '../export/download';

/** A file name for chart `name` with extension `ext`: lower case letters, digits and dashes. */
export function chartFileName(name: string, ext: 'svg' | 'png'): string {
  const stem = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
  return `${stem === '' ? 'chart' : stem}.${ext}`;
}

/** `rgb(r, g, b)` as `#rrggbb`; null for anything translucent or unparsed. */
export function opaqueHex(color: string): string | null {
  const m = /^rgba?\((\d+),\s*(\d+),\s*(\d+)(?:,\s*([\d.]+))?\)$/.exec(color.trim());
  if (!m || (m[4] !== undefined && Number(m[4]) < 1)) return null;
  return `#${[m[1], m[2], m[3]].map((c) => Number(c).toString(16).padStart(2, '0')).join('')}`;
}

/** The colour the chart is seen on: the first opaque background around `host` (the card's, in either theme). */
function shownBackground(host: HTMLElement): string | undefined {
  for (let el: HTMLElement | null = host; el !== null; el = el.parentElement) {
    const hex = opaqueHex(getComputedStyle(el).backgroundColor);
    if (hex !== null) return hex;
  }
  return undefined;
}

function picture(host: HTMLElement, label: string): ChartPicture {
  // Exports keep the theme's background: a dark-theme chart's light text stays readable in the file.
  const shown = chartPicture(
    host,
    label,
    domLayout(window),
    document,
    new XMLSerializer(),
    shownBackground(host),
  );
  if (shown === null) throw new ChartExportError('The chart has nothing drawn yet.');
  return shown;
}

/** Downloads the chart in `host` as `<name>.svg`, titled `label`. */
export function saveChartSvg(host: HTMLElement, name: string, label: string): void {
  downloadText(chartFileName(name, 'svg'), picture(host, label).svg, 'image/svg+xml');
}

/** Downloads the chart in `host` as `<name>.png` at twice its size; rejects with a message for the user. */
export async function saveChartPng(host: HTMLElement, name: string, label: string): Promise<void> {
  const { svg, width, height } = picture(host, label);
  const blob = await svgToPng(svg, width, height, document);
  downloadBlob(chartFileName(name, 'png'), blob);
}

/** A failure of an export in words for the user. */
export function exportProblem(e: unknown, format: 'SVG' | 'PNG'): string {
  if (e instanceof ChartExportError) return e.message;
  return `The ${format} could not be made: ${e instanceof Error ? e.message : String(e)}`;
}
