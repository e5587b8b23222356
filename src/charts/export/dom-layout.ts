/** The page's own layout of a chart, read from the browser: computed styles, element boxes and text line boxes. */
import type { Box } from './export-tree';
import type { ChartLayout, TextLineBox } from './compose';
import { BOX_STYLE_PROPERTIES, SVG_STYLE_PROPERTIES } from './svg-style';

const PROPERTIES = [...SVG_STYLE_PROPERTIES, ...BOX_STYLE_PROPERTIES];

function boxOfRect(r: DOMRect): Box {
  return { x: r.left, y: r.top, width: r.width, height: r.height };
}

/** Collapses white space the way HTML shows it. */
function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Lines of a wrapped text node: its words grouped by the line box each lands on. */
function wrappedLines(node: Text, doc: Document): TextLineBox[] {
  const data = node.data;
  const range = doc.createRange();
  const lines: { text: string[]; box: Box }[] = [];
  for (const match of data.matchAll(/\S+/g)) {
    range.setStart(node, match.index);
    range.setEnd(node, match.index + match[0].length);
    const r = range.getBoundingClientRect();
    const last = lines[lines.length - 1];
    if (last && Math.abs(last.box.y - r.top) < r.height / 2) {
      last.text.push(match[0]);
      const right = Math.max(last.box.x + last.box.width, r.right);
      last.box = { ...last.box, width: right - last.box.x };
    } else {
      lines.push({ text: [match[0]], box: boxOfRect(r) });
    }
  }
  return lines.map((l) => ({ text: l.text.join(' '), box: l.box }));
}

/** A ChartLayout that reads `win`'s live page. */
export function domLayout(win: Window): ChartLayout {
  const doc = win.document;
  return {
    readStyle: (el) => {
      const computed = win.getComputedStyle(el);
      const out: Record<string, string> = {};
      for (const name of PROPERTIES) {
        const value = computed.getPropertyValue(name);
        if (value !== '') out[name] = value;
      }
      return out;
    },
    boxOf: (el) => boxOfRect(el.getBoundingClientRect()),
    lineBoxes: (node) => {
      const text = collapse(node.data);
      if (text === '') return [];
      const range = doc.createRange();
      range.selectNodeContents(node);
      const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0);
      if (rects.length === 0) return [];
      if (rects.length === 1 && rects[0]) return [{ text, box: boxOfRect(rects[0]) }];
      return wrappedLines(node, doc);
    },
  };
}
