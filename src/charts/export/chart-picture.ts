/** A chart host's drawing as a standalone SVG file: the single svg it shows, or its svgs and legends composed as laid out. */
import { chartParts, composeChart, singleSvgTree, type ChartLayout } from './compose';
import { pictureSize, standaloneSvg } from './standalone';
import { writeSvg } from './svg-write';

/** Standalone SVG text and its size in CSS pixels. */
export interface ChartPicture {
  readonly svg: string;
  readonly width: number;
  readonly height: number;
}

/** Whether `host` shows any svg yet (an export needs one). */
export function hasChartSvg(host: Element): boolean {
  return host.querySelector('svg') !== null;
}

/** What `host` draws as a standalone picture titled `title` (a lone svg as is, anything more composed) on `background` (white by default), or null while it has no svg. */
export function chartPicture(
  host: Element,
  title: string,
  layout: ChartLayout,
  doc: Document,
  serializer: XMLSerializer,
  background?: string,
): ChartPicture | null {
  const { svgs, text } = chartParts(host, layout);
  const [first] = svgs;
  if (first === undefined) return null;
  const tree =
    svgs.length === 1 && !text ? singleSvgTree(first, layout) : composeChart(host, layout);
  const planned = standaloneSvg(tree, background === undefined ? { title } : { title, background });
  const { width, height } = pictureSize(planned);
  return { svg: writeSvg(planned, doc, serializer), width, height };
}
