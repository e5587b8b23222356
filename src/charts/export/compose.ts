/** Finds what a chart host draws (its svgs, and HTML legends and titles around them) and composes one export tree of it. */
import {
  exportElement,
  parseViewBox,
  pixelLength,
  px,
  type Box,
  type ExportElement,
  type ExportNode,
} from './export-tree';
import { boxElements, textLine } from './html-boxes';
import { readSvgTree, type StyleReader } from './read-svg';

/** One laid-out line of a text node. */
export interface TextLineBox {
  readonly text: string;
  readonly box: Box;
}

/** How the page lays a chart out: computed styles, element boxes and text line boxes (page coordinates). */
export interface ChartLayout {
  readonly readStyle: StyleReader;
  boxOf(el: Element): Box;
  lineBoxes(text: Text): readonly TextLineBox[];
}

/** Host content that is not drawing: tooltips, controls, and anything marked to stay out of exports. */
const SKIPPED_SELECTOR = [
  '[role="tooltip"]',
  '.chart-tooltip',
  '[data-export="skip"]',
  'button',
  'input',
  'select',
  'textarea',
  'script',
  'style',
].join(', ');

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Whether an element is an <svg> root (not an svg nested inside another). */
function isSvg(el: Element): boolean {
  return el.namespaceURI === SVG_NS && el.localName === 'svg';
}

function skipped(el: Element, layout: ChartLayout): boolean {
  if (el.matches(SKIPPED_SELECTOR)) return true;
  return layout.readStyle(el).display === 'none';
}

/** What a host shows: its outermost svgs and whether any visible text lies outside them. */
export function chartParts(host: Element, layout: ChartLayout): { svgs: Element[]; text: boolean } {
  const svgs: Element[] = [];
  let text = false;
  const walk = (el: Element): void => {
    for (const node of Array.from(el.childNodes)) {
      if (node instanceof Element) {
        if (skipped(node, layout)) continue;
        if (isSvg(node)) svgs.push(node);
        else walk(node);
      } else if (node.nodeType === 3 && (node.textContent ?? '').trim() !== '') {
        text = true;
      }
    }
  };
  walk(host);
  return { svgs, text };
}

/** The host's single svg read as the picture, with its size (attributes, else its box). */
export function singleSvgTree(svg: Element, layout: ChartLayout): ExportElement {
  const tree = readSvgTree(svg, layout.readStyle);
  const box = layout.boxOf(svg);
  const width = pixelLength(tree.attributes.width) ?? box.width;
  const height = pixelLength(tree.attributes.height) ?? box.height;
  return { ...tree, attributes: { ...tree.attributes, width: px(width), height: px(height) } };
}

/** Everything the host shows, laid out as on the page, as one <svg> tree sized to the host. */
export function composeChart(host: Element, layout: ChartLayout): ExportElement {
  const origin = layout.boxOf(host);
  const at = (b: Box): Box => ({ ...b, x: b.x - origin.x, y: b.y - origin.y });
  let gradients = 0;
  const parts: ExportNode[] = [];
  const walk = (el: Element): void => {
    const style = layout.readStyle(el);
    if (el !== host) {
      gradients += 1;
      parts.push(...boxElements(style, at(layout.boxOf(el)), `export-gradient-${gradients}`));
    }
    for (const node of Array.from(el.childNodes)) {
      if (node instanceof Element) {
        if (skipped(node, layout)) continue;
        if (isSvg(node)) parts.push(nestedSvg(node, at(layout.boxOf(node)), layout));
        else walk(node);
      } else if (node instanceof Text && style.visibility !== 'hidden') {
        for (const line of layout.lineBoxes(node))
          parts.push(textLine(line.text, at(line.box), style));
      }
    }
  };
  walk(host);
  const width = Math.max(1, Math.ceil(origin.width));
  const height = Math.max(1, Math.ceil(origin.height));
  return exportElement(
    'svg',
    { width: String(width), height: String(height), viewBox: `0 0 ${width} ${height}` },
    parts,
    layout.readStyle(host),
  );
}

/** A chart's svg placed inside the composed picture at `box`, scaled through its viewBox as on the page. */
function nestedSvg(svg: Element, box: Box, layout: ChartLayout): ExportElement {
  const tree = readSvgTree(svg, layout.readStyle);
  const view =
    parseViewBox(tree.attributes.viewBox) ??
    ((): Box => {
      const w = pixelLength(tree.attributes.width) ?? box.width;
      const h = pixelLength(tree.attributes.height) ?? box.height;
      return { x: 0, y: 0, width: w, height: h };
    })();
  return {
    ...tree,
    attributes: {
      ...tree.attributes,
      x: px(box.x),
      y: px(box.y),
      width: px(box.width),
      height: px(box.height),
      viewBox: `${px(view.x)} ${px(view.y)} ${px(view.width)} ${px(view.height)}`,
    },
  };
}
