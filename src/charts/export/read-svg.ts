/** Reads a live <svg> (or any SVG element) into an export tree, with each element's computed style. */
import { exportElement, exportText, type ExportElement, type ExportNode } from './export-tree';

/** Reads the computed style properties that matter for one element. */
export type StyleReader = (el: Element) => Readonly<Record<string, string>>;

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

/** The tree of `el`: tags, attributes, computed styles and text; comments are left out. */
export function readSvgTree(el: Element, readStyle: StyleReader): ExportElement {
  const attributes: Record<string, string> = {};
  for (const attr of Array.from(el.attributes)) attributes[attr.name] = attr.value;
  const children: ExportNode[] = [];
  for (const node of Array.from(el.childNodes)) {
    if (node.nodeType === ELEMENT_NODE && node instanceof Element) {
      children.push(readSvgTree(node, readStyle));
    } else if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE) {
      children.push(exportText(node.textContent ?? ''));
    }
  }
  return exportElement(el.localName, attributes, children, readStyle(el));
}
