/** Turns a planned export tree into SVG text through the DOM and its XMLSerializer (labels stay text, escaped by the serializer). */
import { SVG_NS, type ExportElement } from './export-tree';

const XLINK_NS = 'http://www.w3.org/1999/xlink';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** The namespace of a prefixed attribute name, or null for a plain one. */
function attributeNamespace(name: string): string | null {
  if (name.startsWith('xlink:')) return XLINK_NS;
  if (name.startsWith('xml:')) return XML_NS;
  return null;
}

/** Writes `tree` as elements of `doc` in the SVG namespace. */
export function buildSvgElement(tree: ExportElement, doc: Document): Element {
  const el = doc.createElementNS(SVG_NS, tree.tag);
  for (const [name, value] of Object.entries(tree.attributes)) {
    const ns = attributeNamespace(name);
    if (ns === null) el.setAttribute(name, value);
    else el.setAttributeNS(ns, name, value);
  }
  for (const child of tree.children) {
    el.appendChild(
      child.kind === 'text' ? doc.createTextNode(child.text) : buildSvgElement(child, doc),
    );
  }
  return el;
}

/** The SVG text of `tree`, serialised by the DOM's XMLSerializer (it declares xmlns on the root). */
export function writeSvg(tree: ExportElement, doc: Document, serializer: XMLSerializer): string {
  return serializer.serializeToString(buildSvgElement(tree, doc));
}
